// Decisions on a case, each on the record: flags cleared or upheld, information requested and answered,
// referrals approved or declined, cases sent for review, closed and reopened, and comments. Every decision
// names the case version it was made on; if the case changed since, nothing is written.

import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { type CaseEventKind, caseClearedFlags, cases } from '../../../db/schema';
import type { Pathway } from '../../../rules/case-schema';
import type { ChecklistId, FlagId } from '../../../rules/ids';
import { appendAudit } from '../../audit';
import { encryptField, type KeyRing } from '../../crypto/field-encryption';
import { type ActingUser, nextStatus, type Refusal, refusal, type WorkflowAction } from '../workflow';
import { assessCase, reassess } from './assessment';
import { bindDecision } from './bindings';
import { resolveCarried } from './carried';
import { recordEvent } from './events';
import { openRequestIds, refreshQueue } from './queue';
import { loadCase } from './reads';
import { together } from './together';

export type Decision =
  | { action: 'start_verification' }
  | { action: 'send_for_review'; note?: string | undefined }
  | { action: 'clear_flag'; flagId: FlagId; reason: string }
  | { action: 'uphold_flag'; flagId: FlagId; reason: string }
  | { action: 'request_info'; items: ChecklistId[]; questions: string }
  | { action: 'answer_request'; requestId: string; answer: string }
  | { action: 'approve_referral'; country: string; pathway: Pathway; reason: string }
  | { action: 'decline_referral'; reason: string }
  | { action: 'close'; reason: string }
  | { action: 'reopen'; reason: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'restore'; reason: string }
  | { action: 'comment'; text: string };

export type DecisionResult =
  | { ok: true }
  | { ok: false; problem: Refusal | 'conflict' | 'not_found' | 'invalid'; detail?: string };

/** What each decision writes on the timeline: the kind of event and its words. */
function eventFor(d: Decision): {
  kind: CaseEventKind;
  detail: Record<string, unknown>;
  text?: string | undefined;
} {
  switch (d.action) {
    case 'start_verification':
      return { kind: 'status_changed', detail: {} };
    case 'send_for_review':
      return { kind: 'sent_for_review', detail: {}, text: d.note };
    case 'clear_flag':
      return { kind: 'flag_cleared', detail: { flagId: d.flagId }, text: d.reason };
    case 'uphold_flag':
      return { kind: 'flag_upheld', detail: { flagId: d.flagId }, text: d.reason };
    case 'request_info':
      return { kind: 'info_requested', detail: { items: d.items }, text: d.questions };
    case 'answer_request':
      return { kind: 'info_answered', detail: { requestId: d.requestId }, text: d.answer };
    case 'approve_referral':
      return {
        kind: 'referral_approved',
        detail: { country: d.country, pathway: d.pathway },
        text: d.reason,
      };
    case 'decline_referral':
      return { kind: 'referral_declined', detail: { alternative: 'refer_local_legal_aid' }, text: d.reason };
    case 'close':
    case 'reopen':
    case 'withdraw':
    case 'restore':
      return { kind: 'status_changed', detail: {}, text: d.reason };
    case 'comment':
      return { kind: 'comment', detail: {}, text: d.text };
  }
}

export interface DecisionInput {
  caseId: string;
  user: ActingUser;
  expectedVersion: number;
  decision: Decision;
  now: Date;
  /** What the decision also is on the record: a withdrawn decision confirmed again, a carried one confirmed. */
  also?: { reaffirms: string } | { confirmsCarried: true };
}

export function decide(db: Db, ring: KeyRing, input: DecisionInput): Promise<DecisionResult> {
  return db.transaction((tx) => decideIn(tx, ring, input));
}

/** One decision inside the caller's transaction (several decisions may share one: confirming all at once). */
export async function decideIn(tx: Tx, ring: KeyRing, input: DecisionInput): Promise<DecisionResult> {
  const { caseId, user, decision, now } = input;
  const action: WorkflowAction = decision.action;
  const loaded = await loadCase(tx, ring, caseId);
  if (!loaded) return { ok: false, problem: 'not_found' };
  const { row } = loaded;
  if (row.version !== input.expectedVersion) return { ok: false, problem: 'conflict' };
  const refused = refusal(action, user, row);
  if (refused) return { ok: false, problem: refused };

  // Checks that depend on the case's contents.
  const openRequests = decision.action === 'answer_request' ? await openRequestIds(tx, caseId) : [];
  if (decision.action === 'answer_request' && !openRequests.includes(decision.requestId)) {
    return { ok: false, problem: 'invalid', detail: 'request' };
  }
  // What the decision is made on: bound to it below.
  const assessed = assessCase(loaded, now);
  const assessment = assessed.ok ? assessed.assessment : null;
  if (decision.action === 'approve_referral') {
    const feasible = assessment?.destinations.filter((d) => d.status === 'feasible') ?? [];
    if (!feasible.some((d) => d.country === decision.country && d.pathway === decision.pathway)) {
      return { ok: false, problem: 'invalid', detail: 'pathway' };
    }
  }

  // The case version moves on with every decision, so a second decision from the same page is refused.
  const status =
    decision.action === 'answer_request'
      ? openRequests.length === 1
        ? 'review' // the last open request is answered: back to the supervisor
        : row.status
      : nextStatus(action, row.status);
  const updated = await tx
    .update(cases)
    .set({ status, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(and(eq(cases.id, caseId), eq(cases.version, input.expectedVersion)))
    .returning({ id: cases.id });
  if (updated.length === 0) return { ok: false, problem: 'conflict' };

  const event = eventFor(decision);
  if (input.also) Object.assign(event.detail, input.also);
  const change = { from: row.status, to: status };
  let eventId: string;
  if (event.kind === 'status_changed') {
    eventId = await recordEvent(tx, ring, {
      caseId,
      actorId: user.id,
      at: now,
      ...event,
      detail: { ...event.detail, ...change, action },
    });
  } else {
    eventId = await recordEvent(tx, ring, { caseId, actorId: user.id, at: now, ...event });
    if (status !== row.status) {
      await recordEvent(tx, ring, {
        caseId,
        kind: 'status_changed',
        actorId: user.id,
        at: now,
        detail: change,
      });
    }
  }

  await bindDecision(tx, ring, {
    eventId,
    caseId,
    action,
    userId: user.id,
    now,
    caseVersion: row.version,
    parts: loaded.parts,
    assessment,
    detail: event.detail,
  });

  if (decision.action === 'clear_flag' || decision.action === 'uphold_flag') {
    // A clearance carried in an import, if one waits on this flag, is settled by this decision.
    await resolveCarried(tx, {
      caseId,
      flagId: decision.flagId,
      resolution: decision.action === 'clear_flag' ? 'confirmed' : 'upheld',
      userId: user.id,
      now,
    });
    if (decision.action === 'clear_flag') {
      await tx
        .insert(caseClearedFlags)
        .values({
          caseId,
          flagId: decision.flagId,
          clearedBy: user.id,
          clearedAt: now,
          reasonEnc: encryptField(
            ring,
            { table: 'case_cleared_flags', column: 'reason', row: `${caseId}:${decision.flagId}` },
            decision.reason,
          ),
        })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(caseClearedFlags)
        .where(and(eq(caseClearedFlags.caseId, caseId), eq(caseClearedFlags.flagId, decision.flagId)));
    }
    // The case file's review.clearedFlags follows, and so does the assessment. Read again, not `row`:
    // the status changed above.
    const [current, openRequests] = await together([loadCase(tx, ring, caseId), openRequestIds(tx, caseId)]);
    await reassess(tx, ring, current!, openRequests.length, now, user.id);
  } else {
    await refreshQueue(tx, caseId, now);
  }
  await appendAudit(tx, {
    actorId: user.id,
    action: `case.${action}`,
    targetType: 'case',
    targetId: caseId,
    detail: {
      ...(status !== row.status ? { from: row.status, to: status } : {}),
      ...('flagId' in decision ? { flagId: decision.flagId } : {}),
      ...(decision.action === 'approve_referral'
        ? { country: decision.country, pathway: decision.pathway }
        : {}),
      ...input.also,
    },
    at: now,
  });
  return { ok: true };
}
