// The review queue, and the decisions taken on a case: each has its own page, which explains what is being
// decided, takes the written reason, and is refused when the case changed since the page was loaded.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pathways } from '../../rules/case-schema';
import { countryName } from '../../rules/i18n';
import { checklistIds, flagIds } from '../../rules/ids';
import { labels } from '../../rules/labels';
import { checklistLabel, flagTitle } from '../../rules/titles';
import { changedSinceView } from '../cases/decisions/view';
import { type Decision, type LoadedCase, openRequestsOf } from '../cases/repository';
import { type Refusal, refusal, type WorkflowAction, workflowActions } from '../cases/workflow';
import { type FieldErrors, readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import { caseRoles, reviewers } from '../policy';
import { caseOf } from './case-scope';

const reason = z.string().trim().min(1, 'review.reasonRequired').max(5000, 'form.tooLong');
const version = z.string().regex(/^\d{1,9}$/, 'form.invalid');

/** The decisions that take only a written reason. */
type ReasonOnly = 'decline_referral' | 'close' | 'reopen' | 'withdraw' | 'restore';
const reasonOnly = <A extends ReasonOnly>(action: A) =>
  z.strictObject({ _version: version, reason }).transform((d) => ({ action, reason: d.reason }));

const flagDecision = <A extends 'clear_flag' | 'uphold_flag'>(action: A) =>
  z
    .strictObject({ _version: version, flagId: z.enum(flagIds, 'form.invalid'), reason })
    .transform((d) => ({ action, flagId: d.flagId, reason: d.reason }));

/** "DE/asylum_in_country": the country and the pathway approved, as one choice of the form. */
const destination = z
  .string()
  .regex(/^[A-Z]{2}\/[a-z_]+$/, 'review.choosePathway')
  .transform((v) => v.split('/'))
  .pipe(z.tuple([z.string(), z.enum(pathways, 'review.choosePathway')]));

/** What each decision's form sends, read into the decision it asks for (`_version` is read beside it). */
const forms: { [A in WorkflowAction]: z.ZodType<Extract<Decision, { action: A }>> } = {
  start_verification: z
    .strictObject({ _version: version })
    .transform(() => ({ action: 'start_verification' as const })),
  send_for_review: z
    .strictObject({ _version: version, note: z.string().trim().max(5000, 'form.tooLong').optional() })
    .transform((d) => ({ action: 'send_for_review' as const, note: d.note })),
  clear_flag: flagDecision('clear_flag'),
  uphold_flag: flagDecision('uphold_flag'),
  request_info: z
    .strictObject({
      _version: version,
      items: z.union([z.enum(checklistIds), z.array(z.enum(checklistIds))], 'form.invalid').optional(),
      questions: reason,
    })
    .transform((d) => ({
      action: 'request_info' as const,
      items: d.items === undefined ? [] : [d.items].flat(),
      questions: d.questions,
    })),
  answer_request: z
    .strictObject({ _version: version, requestId: z.uuid('form.invalid'), answer: reason })
    .transform((d) => ({ action: 'answer_request' as const, requestId: d.requestId, answer: d.answer })),
  approve_referral: z
    .strictObject({ _version: version, destination, reason })
    .transform(({ destination: [country, pathway], reason }) => ({
      action: 'approve_referral' as const,
      country,
      pathway,
      reason,
    })),
  decline_referral: reasonOnly('decline_referral'),
  close: reasonOnly('close'),
  reopen: reasonOnly('reopen'),
  withdraw: reasonOnly('withdraw'),
  restore: reasonOnly('restore'),
  comment: z
    .strictObject({
      _version: version,
      text: z.string().trim().min(1, 'review.commentRequired').max(10_000, 'form.tooLong'),
    })
    .transform((d) => ({ action: 'comment' as const, text: d.text })),
};

const isAction = (value: string): value is WorkflowAction => (workflowActions as string[]).includes(value);

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { page?: string } }>(
    '/review',
    { config: { access: reviewers } },
    async (request, reply) => {
      const page = Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1);
      const size = 50;
      const rows = await app.cases.queuePage(size + 1, (page - 1) * size);
      const shown = rows.slice(0, size);
      await app.cases.recordListed(
        request.user!.id,
        'queue',
        shown.map((r) => r.reference),
      );
      const now = app.clock().getTime();
      const l = labels[request.locale];
      return reply.render('review/queue', {
        title: request.t('review.queue.title'),
        page,
        hasNext: rows.length > size,
        rows: shown.map((r) => ({
          ...r,
          riskLabel: r.riskLevel ? l.riskLevels[r.riskLevel as keyof typeof l.riskLevels] : '—',
          flagTitles: r.queueFlags.map((id) => flagTitle(id, request.locale)),
          daysWaiting: r.queuedAt ? Math.floor((now - r.queuedAt.getTime()) / 86_400_000) : 0,
          statusLabel: request.t(`case.status.${r.status}`),
        })),
      });
    },
  );
}

/** The decisions on a case, each on its own page (case-scoped). */
export async function caseDecisionRoutes(app: FastifyInstance): Promise<void> {
  /** What the decision page shows about the case for this decision. */
  async function context(
    request: FastifyRequest,
    loaded: LoadedCase,
    action: WorkflowAction,
    query: { flag?: string; request?: string },
  ) {
    const locale = request.locale;
    const l = labels[locale];
    const assessed = app.cases.assess(loaded, locale);
    const assessment = assessed.ok ? assessed.assessment : null;
    const flag = query.flag ? assessment?.flags.find((f) => f.id === query.flag) : undefined;
    const openRequests = openRequestsOf(await app.cases.timeline(loaded.row.id));
    // Deciding again on a case whose decision a change withdrew: what changed, beside what was decided on.
    const decision = await app.cases.decisionToCompare(loaded.row.id, loaded.row.status);
    const now = { current: loaded.row, parts: loaded.parts, assessment, user: request.user!, locale };
    return {
      changed: decision && changedSinceView(decision, { ...now, t: request.t }),
      flag: flag ? { ...flag, title: flagTitle(flag.id, locale) } : undefined,
      todoItems: assessment?.checklist.filter((c) => c.status === 'todo' || c.status === 'blocked') ?? [],
      feasible:
        assessment?.destinations
          .filter((d) => d.status === 'feasible')
          .map((d) => ({
            value: `${d.country}/${d.pathway}`,
            label: `${countryName(d.country, locale)} · ${l.pathways[d.pathway]}`,
          })) ?? [],
      openRequest: action === 'answer_request' ? openRequests.find((r) => r.id === query.request) : undefined,
      itemLabel: (id: string) => checklistLabel(id, locale),
    };
  }

  async function renderDecision(
    request: FastifyRequest<{ Params: { id: string; action: string } }>,
    reply: FastifyReply,
    loaded: LoadedCase,
    action: WorkflowAction,
    state: { values: Record<string, unknown>; errors: FieldErrors; notice?: MessageKey; version?: number },
    status?: number,
  ) {
    const query = {
      flag:
        typeof state.values.flagId === 'string'
          ? state.values.flagId
          : (request.query as Record<string, string>).flag,
      request:
        typeof state.values.requestId === 'string'
          ? state.values.requestId
          : (request.query as Record<string, string>).request,
    };
    const t = request.t;
    return reply.render(
      'review/decide',
      {
        title: t(`review.action.${action}`),
        caseRow: loaded.row,
        action,
        heading: t(`review.action.${action}`),
        explain: t(`review.explain.${action}`),
        version: state.version ?? loaded.row.version,
        values: state.values,
        errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, t(v)])),
        notice: state.notice ? t(state.notice) : undefined,
        flagId: query.flag,
        requestId: query.request,
        ...(await context(request, loaded, action, query)),
      },
      status,
    );
  }

  app.get<{ Params: { id: string; action: string }; Querystring: { flag?: string; request?: string } }>(
    '/cases/:id/decide/:action',
    { config: { access: caseRoles, caseView: ({ action }) => `decide:${action}` } },
    async (request, reply) => {
      const { action } = request.params;
      if (!isAction(action)) return reply.callNotFound();
      const loaded = caseOf(request);
      const refused = refusal(action, request.user!, loaded.row);
      if (refused) return refusedPage(request, reply, refused);
      return renderDecision(request, reply, loaded, action, { values: {}, errors: {} });
    },
  );

  app.post<{ Params: { id: string; action: string } }>(
    '/cases/:id/decide/:action',
    {
      config: {
        access: caseRoles,
        stepUp: { param: 'action', values: ['approve_referral'] },
        whileWithdrawn: true,
        once: true,
      },
    },
    async (request, reply) => {
      const { action } = request.params;
      if (!isAction(action)) return reply.callNotFound();
      const loaded = caseOf(request);
      const values = { ...((request.body as Record<string, unknown>) ?? {}) };
      delete values._csrf;
      const form = readForm(forms[action], request.body);
      if (!form.ok)
        return renderDecision(request, reply, loaded, action, { values, errors: form.errors }, 400);
      const decision: Decision = form.data;
      const result = await app.cases.decide({
        caseId: loaded.row.id,
        user: request.user!,
        expectedVersion: Number(values._version),
        decision,
      });
      if (result.ok) return reply.redirect(`/cases/${loaded.row.id}#timeline`, 303);
      switch (result.problem) {
        case 'conflict': {
          // Show the case as it is now, with the typed reason kept and the new version to decide on.
          const fresh = (await app.cases.load(loaded.row.id))!;
          const refusedNow = refusal(action, request.user!, fresh.row);
          if (refusedNow) return refusedPage(request, reply, refusedNow);
          return renderDecision(
            request,
            reply,
            fresh,
            action,
            { values, errors: {}, notice: 'review.conflict', version: fresh.row.version },
            409,
          );
        }
        case 'invalid':
          return renderDecision(
            request,
            reply,
            loaded,
            action,
            {
              values,
              errors: (result.detail === 'pathway'
                ? { destination: 'review.notFeasible' }
                : { _form: 'review.requestGone' }) as FieldErrors,
            },
            400,
          );
        case 'not_found':
          return reply.callNotFound();
        default:
          return refusedPage(request, reply, result.problem);
      }
    },
  );

  function refusedPage(request: FastifyRequest, reply: FastifyReply, why: Refusal) {
    return reply.render(
      'error',
      {
        title: request.t('error.forbidden.title'),
        message: request.t(`review.refused.${why}`),
      },
      403,
    );
  }
}
