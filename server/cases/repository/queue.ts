// Whether a case waits in the supervisors' review queue, and since when. A case is in the queue while it is
// open, no request for information is outstanding, and either the rules call for a supervisor or its
// caseworker sent it for a decision.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { caseEvents, cases } from '../../../db/schema';
import { together } from './together';

export const queueActions = ['urgent_protection', 'supervisor_review'] as const;

/** A request for information with its answer, if any: the events as the timeline holds them. */
interface RequestEvent {
  id: string;
  kind: string;
  detail: { requestId?: unknown } & Record<string, unknown>;
}
/** The one rule for which requests for information are open: requested, and no answer names them. */
export function openRequestsOf<E extends RequestEvent>(events: readonly E[]): E[] {
  const answered = new Set(events.filter((e) => e.kind === 'info_answered').map((e) => e.detail.requestId));
  return events.filter((e) => e.kind === 'info_requested' && !answered.has(e.id));
}

/** Ids of the information requests on a case that have no answer yet. */
export async function openRequestIds(tx: Db | Tx, caseId: string): Promise<string[]> {
  const events = await tx
    .select({ id: caseEvents.id, kind: caseEvents.kind, detail: caseEvents.detail })
    .from(caseEvents)
    .where(
      and(eq(caseEvents.caseId, caseId), sql`${caseEvents.kind} in ('info_requested', 'info_answered')`),
    );
  return openRequestsOf(events).map((e) => e.id);
}

/** When the case entered the queue, given its state and its unanswered requests; null when not in it. */
export function queuedSince(
  row: { status: string; action: string | null; queuedAt: Date | null },
  openRequests: number,
  now: Date,
): Date | null {
  const inQueue =
    (row.status === 'review' ||
      ((row.status === 'intake' || row.status === 'verification') &&
        (queueActions as readonly string[]).includes(row.action ?? ''))) &&
    openRequests === 0;
  return inQueue ? (row.queuedAt ?? now) : null;
}

export async function refreshQueue(tx: Tx, caseId: string, now: Date): Promise<void> {
  const [[row], openRequests] = await together([
    tx
      .select({ status: cases.status, action: cases.action, queuedAt: cases.queuedAt })
      .from(cases)
      .where(eq(cases.id, caseId)),
    openRequestIds(tx, caseId),
  ]);
  if (!row) return;
  const queuedAt = queuedSince(row, openRequests.length, now);
  if (queuedAt?.getTime() !== row.queuedAt?.getTime()) {
    await tx.update(cases).set({ queuedAt }).where(eq(cases.id, caseId));
  }
}

/** The queue's order: critical first, then the stay that ends soonest, then whoever has waited longest. */
export const queueOrder = [
  sql`(${cases.riskRank} = 4) desc`,
  sql`${cases.stayEndsOn} asc nulls last`,
  asc(cases.queuedAt),
];
