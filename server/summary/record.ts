// What the review record says about a case, as a summary needs it: whether and by whom it was approved for
// referral, and how each flag was decided. Read from the case timeline (case_events) and, for flags cleared
// without an event (an imported case file), from case_cleared_flags.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { type CaseStatus, caseClearedFlags, users } from '../../db/schema';
import { countrySchema, pathwaySchema } from '../../rules/case-schema';
import { type CaseEvent, pendingCarried, readTimeline } from '../cases/repository';
import { decryptField, type KeyRing } from '../crypto/field-encryption';

const approvalDetail = z.object({ country: countrySchema, pathway: pathwaySchema });
const flagDetail = z.object({ flagId: z.string() });

type ApprovedPathway = z.infer<typeof approvalDetail>;

export interface Approval extends ApprovedPathway {
  by: string;
  at: Date;
  reason: string | undefined;
}

interface FlagDecision {
  outcome: 'cleared' | 'upheld';
  by: string | null;
  at: Date;
  reason: string | undefined;
}

export interface ReviewRecord {
  /** Set only when the case is referred and its latest approval names the pathway and the approver. */
  approval: Approval | null;
  decisions: Map<string, FlagDecision>;
  /** Flags an imported file says were cleared elsewhere, not confirmed here: they count as not cleared. */
  carried: Set<string>;
}

function approvalFrom(status: CaseStatus, timeline: readonly CaseEvent[]): Approval | null {
  if (status !== 'referred') return null;
  const latest = timeline.findLast((e) => e.kind === 'referral_approved');
  const detail = approvalDetail.safeParse(latest?.detail);
  if (!latest || !detail.success || !latest.actorName) return null;
  // An approval the case's later change withdrew approves nothing, until a supervisor approves again.
  if (timeline.slice(timeline.indexOf(latest)).some((e) => e.kind === 'decision_withdrawn')) return null;
  return { ...detail.data, by: latest.actorName, at: latest.at, reason: latest.text };
}

export async function reviewRecord(
  db: Db,
  ring: KeyRing,
  caseId: string,
  status: CaseStatus,
): Promise<ReviewRecord> {
  const timeline = await readTimeline(db, ring, caseId);
  const decisions = new Map<string, FlagDecision>();
  const cleared = await db
    .select({ row: caseClearedFlags, by: users.displayName })
    .from(caseClearedFlags)
    .leftJoin(users, eq(users.id, caseClearedFlags.clearedBy))
    .where(eq(caseClearedFlags.caseId, caseId));
  for (const { row, by } of cleared) {
    const reason = decryptField(
      ring,
      { table: 'case_cleared_flags', column: 'reason', row: `${caseId}:${row.flagId}` },
      row.reasonEnc,
    );
    decisions.set(row.flagId, { outcome: 'cleared', by, at: row.clearedAt, reason });
  }
  // The timeline is in order: a later decision on a flag replaces an earlier one.
  for (const event of timeline) {
    if (event.kind !== 'flag_cleared' && event.kind !== 'flag_upheld') continue;
    const detail = flagDetail.safeParse(event.detail);
    if (!detail.success) continue;
    decisions.set(detail.data.flagId, {
      outcome: event.kind === 'flag_cleared' ? 'cleared' : 'upheld',
      by: event.actorName,
      at: event.at,
      reason: event.text,
    });
  }
  const carried = new Set((await pendingCarried(db, caseId)).map((c) => c.flagId));
  return { approval: approvalFrom(status, timeline), decisions, carried };
}
