// What the review record says about a case, as a summary needs it: whether and by whom it was approved for
// referral, and how each flag was decided. Read through the case repository from the case timeline and, for
// flags cleared without an event (an imported case file), from the stored clearances.
import { z } from 'zod';
import type { CaseStatus } from '../../db/schema';
import { countrySchema, pathwaySchema } from '../../rules/case-schema';
import type { CaseEvent, CaseRepository } from '../cases/repository';

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
  cases: Pick<CaseRepository, 'timeline' | 'clearances' | 'pendingCarried'>,
  caseId: string,
  status: CaseStatus,
): Promise<ReviewRecord> {
  const [timeline, cleared, pending] = await Promise.all([
    cases.timeline(caseId),
    cases.clearances(caseId),
    cases.pendingCarried(caseId),
  ]);
  const decisions = new Map<string, FlagDecision>();
  for (const { flagId, by, at, reason } of cleared) {
    decisions.set(flagId, { outcome: 'cleared', by, at, reason });
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
  const carried = new Set(pending.map((c) => c.flagId));
  return { approval: approvalFrom(status, timeline), decisions, carried };
}
