// Confirming decisions, each on its own page for a reviewer (supervisor or admin, four eyes): a verdict that
// a change to the case withdrew, again in one step while the assessment is the one it was made on; and the
// clearances an imported file carried, one at a time or all at once, with a reason.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { flagIds } from '../../rules/ids';
import { flagTitle } from '../../rules/titles';
import { carriedLine } from '../cases/decisions/carried';
import { changedSinceView } from '../cases/decisions/view';
import { type LoadedCase, reaffirmable } from '../cases/repository';
import { refusal, type WorkflowAction } from '../cases/workflow';
import { type FieldErrors, readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import { reviewers } from '../policy';
import { caseOf } from './case-scope';

const version = z.string().regex(/^\d{1,9}$/, 'form.invalid');
const reaffirmForm = z.strictObject({
  _version: version,
  note: z.string().trim().max(5000, 'form.tooLong').optional(),
});
const flagList = z.union([z.enum(flagIds), z.array(z.enum(flagIds))], 'form.invalid');
const carriedForm = z.strictObject({
  _version: version,
  flagIds: flagList.optional(),
  all: z.literal('1').optional(),
  reason: z.string().trim().min(1, 'review.reasonRequired').max(5000, 'form.tooLong'),
});

type Params = { Params: { id: string } };

export async function caseConfirmationRoutes(app: FastifyInstance): Promise<void> {
  const message = (request: FastifyRequest, reply: FastifyReply, key: MessageKey, status: number) =>
    reply.render('error', { title: request.t('error.forbidden.title'), message: request.t(key) }, status);

  function assessmentOf(loaded: LoadedCase) {
    const assessed = app.cases.assess(loaded);
    return assessed.ok ? assessed.assessment : null;
  }

  /** The reaffirm page, or why there is nothing to confirm again, or why this user may not. */
  async function reaffirmPage(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    loaded: LoadedCase,
    state: { values: Record<string, string>; errors: FieldErrors; notice?: MessageKey },
    status?: number,
  ) {
    const user = request.user!;
    const withdrawn = await app.cases.decisionToCompare(loaded.row.id, loaded.row.status);
    // Nothing to confirm again (already confirmed, or decided anew): said plainly, not as an error.
    if (!reaffirmable(withdrawn)) {
      return reply.render(
        'error',
        { title: request.t('decisions.reaffirm.title'), message: request.t('decisions.reaffirm.none') },
        status ?? 200,
      );
    }
    const refused = refusal(withdrawn.action as WorkflowAction, user, loaded.row);
    if (refused) return message(request, reply, `review.refused.${refused}`, 403);
    const t = request.t;
    const changed = changedSinceView(withdrawn, {
      current: loaded.row,
      parts: loaded.parts,
      assessment: assessmentOf(loaded),
      user,
      locale: request.locale,
      t,
    });
    return reply.render(
      'review/reaffirm',
      {
        title: t('decisions.reaffirm.title'),
        caseRow: loaded.row,
        changed,
        onReaffirmPage: true,
        decision: t(`decisions.kind.${withdrawn.action}`),
        version: loaded.row.version,
        values: state.values,
        errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, t(v)])),
        notice: state.notice ? t(state.notice) : undefined,
      },
      status,
    );
  }

  app.get<Params>(
    '/cases/:id/reaffirm',
    { config: { access: reviewers, caseView: 'reaffirm' } },
    async (request, reply) => reaffirmPage(request, reply, caseOf(request), { values: {}, errors: {} }),
  );

  app.post<Params>(
    '/cases/:id/reaffirm',
    { config: { access: reviewers, stepUp: true, once: true } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const form = readForm(reaffirmForm, request.body);
      if (!form.ok) return reaffirmPage(request, reply, loaded, form, 400);
      const result = await app.cases.reaffirm({
        caseId: loaded.row.id,
        user: request.user!,
        expectedVersion: Number(form.data._version),
        reason: form.data.note || request.t('decisions.reaffirm.reason'),
      });
      if (result.ok) return reply.redirect(`/cases/${loaded.row.id}#timeline`, 303);
      const fresh = (await app.cases.load(loaded.row.id))!;
      switch (result.problem) {
        case 'conflict':
          return reaffirmPage(
            request,
            reply,
            fresh,
            { values: form.values, errors: {}, notice: 'review.conflict' },
            409,
          );
        case 'altered':
        case 'none':
        case 'invalid':
          return reaffirmPage(request, reply, fresh, { values: form.values, errors: {} }, 409);
        case 'not_found':
          return reply.callNotFound();
        default:
          return message(request, reply, `review.refused.${result.problem}`, 403);
      }
    },
  );

  async function carriedPage(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    loaded: LoadedCase,
    state: { values: Record<string, string>; errors: FieldErrors; chosen?: string[]; notice?: MessageKey },
    status?: number,
  ) {
    // Who may not confirm still sees what the file carried and why they may not.
    const refused = refusal('clear_flag', request.user!, loaded.row);
    const pending = await app.cases.pendingCarried(loaded.row.id);
    if (pending.length === 0) {
      return reply.render(
        'error',
        { title: request.t('decisions.carried.title'), message: request.t('decisions.carried.none') },
        status ?? 200,
      );
    }
    const t = request.t;
    return reply.render(
      'review/carried',
      {
        title: t('decisions.carried.title'),
        caseRow: loaded.row,
        version: loaded.row.version,
        pending: pending.map((p) => ({
          flagId: p.flagId,
          title: flagTitle(p.flagId, request.locale),
          line: carriedLine(p, t, request.locale),
        })),
        // One clearance waiting: it is the one being confirmed.
        chosen: state.chosen ?? (pending.length === 1 ? [pending[0]!.flagId] : []),
        values: state.values,
        errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, t(v)])),
        notice: state.notice ? t(state.notice) : undefined,
        refused: refused ? t(`review.refused.${refused}`) : undefined,
      },
      status,
    );
  }

  app.get<Params>(
    '/cases/:id/carried',
    { config: { access: reviewers, caseView: 'carried' } },
    async (request, reply) => carriedPage(request, reply, caseOf(request), { values: {}, errors: {} }),
  );

  app.post<Params>(
    '/cases/:id/carried',
    { config: { access: reviewers, once: true } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const refused = refusal('clear_flag', request.user!, loaded.row);
      if (refused) return message(request, reply, `review.refused.${refused}`, 403);
      const form = readForm(carriedForm, request.body);
      const chosen = form.ok ? ([] as string[]).concat(form.data.flagIds ?? []) : [];
      if (!form.ok) return carriedPage(request, reply, loaded, form, 400);
      const flags = form.data.all
        ? (await app.cases.pendingCarried(loaded.row.id)).map((p) => p.flagId)
        : ([] as string[]).concat(form.data.flagIds ?? []);
      const parsedFlags = z.array(z.enum(flagIds)).safeParse(flags);
      if (!parsedFlags.success || parsedFlags.data.length === 0) {
        const errors: FieldErrors = { flagIds: 'decisions.carried.chooseOne' };
        return carriedPage(request, reply, loaded, { values: form.values, errors, chosen }, 400);
      }
      const result = await app.cases.confirmCarried({
        caseId: loaded.row.id,
        user: request.user!,
        expectedVersion: Number(form.data._version),
        flagIds: parsedFlags.data,
        reason: form.data.reason,
      });
      if (result.ok) return reply.redirect(`/cases/${loaded.row.id}#timeline`, 303);
      const fresh = (await app.cases.load(loaded.row.id))!;
      switch (result.problem) {
        case 'conflict':
          return carriedPage(
            request,
            reply,
            fresh,
            { values: form.values, errors: {}, chosen, notice: 'review.conflict' },
            409,
          );
        case 'gone':
        case 'invalid':
          return carriedPage(
            request,
            reply,
            fresh,
            { values: form.values, errors: {}, notice: 'decisions.carried.gone' },
            409,
          );
        case 'not_found':
          return reply.callNotFound();
        default:
          return message(request, reply, `review.refused.${result.problem}`, 403);
      }
    },
  );
}
