// What the case page shows beside the case, in one statement instead of six: who holds it, when its
// assessment was last stored, its timeline (each event with its actor's name, oldest first), the clearances
// an import carried that wait for a reviewer, and the decision a reviewer compares the case with.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { preparedPerDatabase } from '../../../db/prepared';
import { caseAssessments, caseEvents, cases, users } from '../../../db/schema';
import type { KeyRing } from '../../crypto/field-encryption';
import { type ComparedDecision, comparedDecision, lastComparableColumn } from './bindings';
import { type PendingCarried, pendingCarriedColumn } from './carried';
import { type CaseEvent, decrypted } from './events';
import { fromJson, qualified } from './part-rows';

const eventFromJson = fromJson(caseEvents);
type TimelineJson = { event: Record<string, unknown>; actorName: string | null }[];

const casePageQuery = preparedPerDatabase((db) =>
  db
    .select({
      assigneeName: sql<
        string | null
      >`(select ${qualified(users.displayName)} from ${users} where ${qualified(users.id)} = ${qualified(cases.assignedTo)})`,
      lastAssessedAt:
        sql`(select max(${qualified(caseAssessments.evaluatedAt)}) from ${caseAssessments} where ${qualified(caseAssessments.caseId)} = ${qualified(cases.id)})`.mapWith(
          caseAssessments.evaluatedAt,
        ),
      timeline: sql<TimelineJson>`(select coalesce(json_agg(json_build_object('event', row_to_json(${caseEvents}), 'actorName', ${qualified(users.displayName)}) order by ${qualified(caseEvents.seq)}), '[]'::json) from ${caseEvents} left join ${users} on ${qualified(users.id)} = ${qualified(caseEvents.actorId)} where ${qualified(caseEvents.caseId)} = ${qualified(cases.id)})`,
      pending: pendingCarriedColumn,
      lastComparable: lastComparableColumn,
    })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('case_page_reads'),
);

export interface CasePageReads {
  assigneeName: string | null;
  /** When the assessment was last stored (at a save); null before the first. */
  lastAssessedAt: Date | null;
  timeline: CaseEvent[];
  pending: PendingCarried[];
  decision: ComparedDecision | null;
}

export async function readCasePage(db: Db, ring: KeyRing, caseId: string): Promise<CasePageReads> {
  const [found] = await casePageQuery(db).execute({ caseId });
  if (!found) return { assigneeName: null, lastAssessedAt: null, timeline: [], pending: [], decision: null };
  return {
    assigneeName: found.assigneeName,
    lastAssessedAt: found.lastAssessedAt,
    timeline: found.timeline.map(({ event, actorName }) => decrypted(ring, eventFromJson(event), actorName)),
    pending: found.pending,
    decision: comparedDecision(ring, found.lastComparable),
  };
}
