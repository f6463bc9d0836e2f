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

/** What each decision's form sends. */
const forms = {
  start_verification: z.strictObject({ _version: version }),
  send_for_review: z.strictObject({
    _version: version,
    note: z.string().trim().max(5000, 'form.tooLong').optional(),
  }),
  clear_flag: z.strictObject({ _version: version, flagId: z.enum(flagIds, 'form.invalid'), reason }),
  uphold_flag: z.strictObject({ _version: version, flagId: z.enum(flagIds, 'form.invalid'), reason }),
  request_info: z.strictObject({
    _version: version,
    items: z.union([z.enum(checklistIds), z.array(z.enum(checklistIds))], 'form.invalid').optional(),
    questions: reason,
  }),
  answer_request: z.strictObject({ _version: version, requestId: z.uuid('form.invalid'), answer: reason }),
  approve_referral: z.strictObject({
    _version: version,
    destination: z.string().regex(/^[A-Z]{2}\/[a-z_]+$/, 'review.choosePathway'),
    reason,
  }),
  decline_referral: z.strictObject({ _version: version, reason }),
  close: z.strictObject({ _version: version, reason }),
  reopen: z.strictObject({ _version: version, reason }),
  withdraw: z.strictObject({ _version: version, reason }),
  restore: z.strictObject({ _version: version, reason }),
  comment: z.strictObject({
    _version: version,
    text: z.string().trim().min(1, 'review.commentRequired').max(10_000, 'form.tooLong'),
  }),
} satisfies Record<WorkflowAction, z.ZodType>;

function toDecision(action: WorkflowAction, data: Record<string, unknown>): Decision | null {
  const d = data as Record<string, string | string[] | undefined>;
  switch (action) {
    case 'request_info':
      return {
        action,
        items: ([] as string[]).concat(d.items ?? []) as never,
        questions: String(d.questions),
      };
    case 'approve_referral': {
      const [country, pathway] = String(d.destination).split('/');
      if (!(pathways as readonly string[]).includes(pathway ?? '')) return null;
      return { action, country: country!, pathway: pathway as never, reason: String(d.reason) };
    }
    case 'clear_flag':
    case 'uphold_flag':
      return { action, flagId: d.flagId as never, reason: String(d.reason) };
    case 'answer_request':
      return { action, requestId: String(d.requestId), answer: String(d.answer) };
    case 'send_for_review':
      return { action, note: d.note ? String(d.note) : undefined };
    case 'comment':
      return { action, text: String(d.text) };
    case 'start_verification':
      return { action };
    default:
      return { action, reason: String(d.reason) };
  }
}

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
    const assessed = await app.cases.assess(loaded, locale);
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
      const decision = form.ok ? toDecision(action, form.data as Record<string, unknown>) : null;
      if (!form.ok || !decision) {
        const errors: FieldErrors = form.ok ? { destination: 'review.choosePathway' } : form.errors;
        return renderDecision(request, reply, loaded, action, { values, errors }, 400);
      }
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
