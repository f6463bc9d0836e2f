// What each role sees first: a caseworker their cases and the requests waiting for them; supervisors and
// admins the queue and the counts that say where attention is needed.
import { and, count, desc, eq, inArray, isNotNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { preparedPerDatabase } from '../../../db/prepared';
import { caseEvents, caseStatuses, cases, users } from '../../../db/schema';
import { stayWarning } from '../../../rules/flags/host-stay-ending';
import { decryptOptional, type KeyRing } from '../../crypto/field-encryption';
import { todayOf } from './assessment';
import { openRequestsOf, queueOrder } from './queue';

// Not open: decided, closed, or withdrawn as created by mistake (which no count shows at all).
const closedStatuses = ['referred', 'closed', 'withdrawn'] as const;

/** Requests for information on this caseworker's cases that nobody has answered yet. */
export async function openRequestsFor(db: Db, ring: KeyRing, userId: string) {
  // Requests and answers on the caseworker's cases, judged open by the one rule (openRequestsOf).
  const events = await db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      detail: caseEvents.detail,
      at: caseEvents.at,
      textEnc: caseEvents.textEnc,
      caseId: cases.id,
      reference: cases.reference,
      pseudonym: cases.pseudonym,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        inArray(caseEvents.kind, ['info_requested', 'info_answered']),
        eq(cases.assignedTo, userId),
        ne(cases.status, 'withdrawn'),
      ),
    )
    .orderBy(caseEvents.at);
  return openRequestsOf(events).map(({ id, at, caseId, reference, pseudonym, textEnc }) => ({
    id,
    at,
    caseId,
    reference,
    pseudonym,
    text: decryptOptional(ring, { table: 'case_events', column: 'text', row: id }, textEnc) ?? '',
  }));
}

export async function myCases(db: Db, userId: string) {
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      pseudonym: cases.pseudonym,
      status: cases.status,
      action: cases.action,
      riskLevel: cases.riskLevel,
    })
    .from(cases)
    .where(and(eq(cases.assignedTo, userId), notInArray(cases.status, ['closed', 'withdrawn'])))
    .orderBy(desc(cases.updatedAt))
    .limit(10);
}

export async function supervisorCounts(db: Db, now: Date) {
  const open = notInArray(cases.status, [...closedStatuses]);
  const soon = new Date(now.getTime() + stayWarning.value * 86_400_000); // when the rule warns
  const byStatus = await db.select({ status: cases.status, n: count() }).from(cases).groupBy(cases.status);
  const [flagged] = await db.select({ n: count() }).from(cases).where(isNotNull(cases.queuedAt));
  const [urgent] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(open, sql`(${cases.riskRank} = 4 or ${cases.action} = 'urgent_protection')`));
  const [ending] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(open, lte(cases.stayEndsOn, todayOf(soon))));
  return {
    byStatus: caseStatuses
      .filter((status) => status !== 'withdrawn')
      .map((status) => ({
        status,
        n: byStatus.find((r) => r.status === status)?.n ?? 0,
      })),
    flagged: flagged?.n ?? 0,
    urgent: urgent?.n ?? 0,
    endingSoon: ending?.n ?? 0,
  };
}

export async function queueTop(db: Db) {
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      pseudonym: cases.pseudonym,
      riskLevel: cases.riskLevel,
      queueFlags: cases.queueFlags,
    })
    .from(cases)
    .where(isNotNull(cases.queuedAt))
    .orderBy(...queueOrder)
    .limit(10);
}

/** A page of the review queue, in its order (read off the queue's partial index). */
export const queuePage = preparedPerDatabase((db) =>
  db
    .select({
      id: cases.id,
      reference: cases.reference,
      pseudonym: cases.pseudonym,
      riskLevel: cases.riskLevel,
      queueFlags: cases.queueFlags,
      queuedAt: cases.queuedAt,
      stayEndsOn: cases.stayEndsOn,
      status: cases.status,
      caseworker: users.displayName,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(isNotNull(cases.queuedAt))
    .orderBy(...queueOrder)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('review_queue_page'),
);
