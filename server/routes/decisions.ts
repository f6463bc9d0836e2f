// Confirming decisions, each on its own page for a reviewer (supervisor or admin, four eyes): a verdict that
// a change to the case withdrew, again in one step while the assessment is the one it was made on; and the
// clearances an imported file carried, one at a time or all at once, with a reason.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { evaluate } from '../../rules/evaluate';
import { flagIds } from '../../rules/ids';
import { flagTitle } from '../../rules/titles';
import { documentScans as scansOf } from '../attachments/scans';
import { canSeeCase } from '../cases/access';
import { confirmCarried, reaffirm } from '../cases/decisions/actions';
import { decisionToCompare, reaffirmable } from '../cases/decisions/bound';
import { carriedLine } from '../cases/decisions/carried';
import { pendingCarried } from '../cases/decisions/carried-store';
import { changedSinceView } from '../cases/decisions/view';
import { assemble } from '../cases/parts';
import { type LoadedCase, loadCase, todayOf } from '../cases/store';
import { refusal, type WorkflowAction } from '../cases/workflow';
import { type FieldErrors, readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import { staff } from '../policy';
import { latestReviews } from '../reference-data/reviews';

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

export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app;

  /** The case, if this user may see it; otherwise the not-found page has been sent. */
  async function visibleCase(request: FastifyRequest<Params>, reply: FastifyReply) {
    const loaded = await loadCase(db, app.keyRing, request.params.id);
    if (!loaded || !canSeeCase(request.user!, loaded.row)) {
      await reply.callNotFound();
      return null;
    }
    return loaded;
  }

  const message = (request: FastifyRequest, reply: FastifyReply, key: MessageKey, status: number) =>
    reply.render('error', { title: request.t('error.forbidden.title'), message: request.t(key) }, status);

  async function assessmentOf(loaded: LoadedCase) {
    const assembled = assemble(loaded.parts, loaded.row.reference);
    if (!assembled.ok) return null;
    return evaluate(assembled.file, todayOf(app.clock()), {
      reviews: await latestReviews(db),
      documentScans: await scansOf(db, loaded.row.id, loaded.parts.documents ?? []),
    });
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
    const withdrawn = await decisionToCompare(db, app.keyRing, loaded.row.id, loaded.row.status);
    if (!reaffirmable(withdrawn)) return message(request, reply, 'decisions.reaffirm.none', 409);
    const refused = refusal(withdrawn.action as WorkflowAction, user, loaded.row);
    if (refused) return message(request, reply, `review.refused.${refused}` as MessageKey, 403);
    const t = request.t;
    const changed = changedSinceView(withdrawn, {
      current: loaded.row,
      parts: loaded.parts,
      assessment: await assessmentOf(loaded),
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
        decision: t(`decisions.kind.${withdrawn.action}` as MessageKey),
        version: loaded.row.version,
        values: state.values,
        errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, t(v)])),
        notice: state.notice ? t(state.notice) : undefined,
      },
      status ?? (changed.same === true ? 200 : 409),
    );
  }

  app.get<Params>('/cases/:id/reaffirm', { config: { access: staff } }, async (request, reply) => {
    const loaded = await visibleCase(request, reply);
    if (!loaded) return reply;
    return reaffirmPage(request, reply, loaded, { values: {}, errors: {} });
  });

  app.post<Params>(
    '/cases/:id/reaffirm',
    { config: { access: staff, stepUp: true } },
    async (request, reply) => {
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const form = readForm(reaffirmForm, request.body);
      if (!form.ok) return reaffirmPage(request, reply, loaded, form, 400);
      const result = await reaffirm(db, app.keyRing, {
        caseId: loaded.row.id,
        user: request.user!,
        expectedVersion: Number(form.data._version),
        reason: form.data.note || request.t('decisions.reaffirm.reason'),
        now: app.clock(),
      });
      if (result.ok) return reply.redirect(`/cases/${loaded.row.id}#timeline`, 303);
      const fresh = (await loadCase(db, app.keyRing, loaded.row.id))!;
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
          return message(request, reply, `review.refused.${result.problem}` as MessageKey, 403);
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
    const refused = refusal('clear_flag', request.user!, loaded.row);
    if (refused) return message(request, reply, `review.refused.${refused}` as MessageKey, 403);
    const pending = await pendingCarried(db, loaded.row.id);
    if (pending.length === 0) return message(request, reply, 'decisions.carried.none', 409);
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
          line: carriedLine(p, t),
        })),
        // One clearance waiting: it is the one being confirmed.
        chosen: state.chosen ?? (pending.length === 1 ? [pending[0]!.flagId] : []),
        values: state.values,
        errors: Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, t(v)])),
        notice: state.notice ? t(state.notice) : undefined,
      },
      status,
    );
  }

  app.get<Params>('/cases/:id/carried', { config: { access: staff } }, async (request, reply) => {
    const loaded = await visibleCase(request, reply);
    if (!loaded) return reply;
    return carriedPage(request, reply, loaded, { values: {}, errors: {} });
  });

  app.post<Params>('/cases/:id/carried', { config: { access: staff } }, async (request, reply) => {
    const loaded = await visibleCase(request, reply);
    if (!loaded) return reply;
    const form = readForm(carriedForm, request.body);
    const chosen = form.ok ? ([] as string[]).concat(form.data.flagIds ?? []) : [];
    if (!form.ok) return carriedPage(request, reply, loaded, form, 400);
    const flags = form.data.all
      ? (await pendingCarried(db, loaded.row.id)).map((p) => p.flagId)
      : ([] as string[]).concat(form.data.flagIds ?? []);
    const parsedFlags = z.array(z.enum(flagIds)).safeParse(flags);
    if (!parsedFlags.success || parsedFlags.data.length === 0) {
      const errors: FieldErrors = { flagIds: 'decisions.carried.chooseOne' };
      return carriedPage(request, reply, loaded, { values: form.values, errors, chosen }, 400);
    }
    const result = await confirmCarried(db, app.keyRing, {
      caseId: loaded.row.id,
      user: request.user!,
      expectedVersion: Number(form.data._version),
      flagIds: parsedFlags.data,
      reason: form.data.reason,
      now: app.clock(),
    });
    if (result.ok) return reply.redirect(`/cases/${loaded.row.id}#timeline`, 303);
    const fresh = (await loadCase(db, app.keyRing, loaded.row.id))!;
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
        return message(request, reply, `review.refused.${result.problem}` as MessageKey, 403);
    }
  });
}
