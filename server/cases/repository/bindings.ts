// Decisions bound to the case they were made on. Each reviewer's decision records the case version, the
// digest of the assessment and the case's contents then. A standing verdict (approval, decline, closure)
// holds only for that case: any later change to the case withdraws it, in the transaction of the change,
// and the case goes back to the review queue with what changed shown beside what was decided on.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { type CaseStatus, caseDecisions, cases, users } from '../../../db/schema';
import type { Assessment } from '../../../rules/assessment';
import { appendAudit } from '../../audit';
import { decryptField, encryptField, type KeyRing } from '../../crypto/field-encryption';
import { changedSections } from '../decisions/changes';
import { type AssessmentBasis, assessmentBasis, basisDigest } from '../decisions/digest';
import type { CaseParts } from '../parts';
import { recordEvent } from './events';
import { fromJson, qualified } from './part-rows';
import { refreshQueue } from './queue';

/** Decisions that stand until superseded or withdrawn: the case's status rests on them. */
const verdicts = ['approve_referral', 'decline_referral', 'close'] as const;
export type Verdict = (typeof verdicts)[number];
const isVerdict = (action: string): action is Verdict => (verdicts as readonly string[]).includes(action);

/** Reviewers' decisions, each bound to the case it was made on. */
const boundActions = ['clear_flag', 'uphold_flag', 'request_info', 'reopen', ...verdicts];
/** Decisions after which the previous verdict no longer stands. */
const superseding = ['start_verification', 'send_for_review', 'request_info', 'reopen', ...verdicts];

/** What the decision was made on, stored encrypted with it. */
interface Snapshot {
  parts: CaseParts;
  basis: AssessmentBasis | null;
}

const snapshotContext = (id: string) => ({ table: 'case_decisions', column: 'snapshot', row: id });

/**
 * Records a decision's binding and ends the verdict it supersedes. `eventId` is the decision's event on the
 * timeline; `caseVersion` the version the reviewer decided on; `assessment` the case's assessment then.
 */
export async function bindDecision(
  tx: Tx,
  ring: KeyRing,
  input: {
    eventId: string;
    caseId: string;
    action: string;
    userId: string;
    now: Date;
    caseVersion: number;
    parts: CaseParts;
    assessment: Assessment | null;
    detail: Record<string, unknown>;
  },
): Promise<void> {
  const { caseId, action, now } = input;
  if (superseding.includes(action)) {
    await tx
      .update(caseDecisions)
      .set({ endedAt: now, endedReason: 'superseded', endedVersion: input.caseVersion })
      .where(
        and(
          eq(caseDecisions.caseId, caseId),
          isNull(caseDecisions.endedAt),
          inArray(caseDecisions.action, [...verdicts]),
        ),
      );
  }
  if (!boundActions.includes(action)) return;
  const basis = input.assessment ? assessmentBasis(input.assessment) : null;
  const snapshot: Snapshot = { parts: input.parts, basis };
  await tx.insert(caseDecisions).values({
    id: input.eventId,
    caseId,
    action,
    decidedBy: input.userId,
    decidedAt: now,
    caseVersion: input.caseVersion,
    assessmentDigest: basis ? basisDigest(basis) : null,
    detail: input.detail,
    snapshotEnc: encryptField(ring, snapshotContext(input.eventId), JSON.stringify(snapshot)),
  });
}

const decisionRow = fromJson(caseDecisions);

/** The verdict standing on the case, as a column beside the outer query's `cases` row; null when none. */
const standingVerdictColumn = sql<Record<
  string,
  unknown
> | null>`(select row_to_json(${caseDecisions}) from ${caseDecisions} where ${qualified(caseDecisions.caseId)} = ${qualified(cases.id)} and ${qualified(caseDecisions.endedAt)} is null and ${qualified(caseDecisions.action)} in (${sql.join(
  verdicts.map((action) => sql`${action}`),
  sql`, `,
)}) limit 1)`.mapWith((json: Record<string, unknown> | null) => (json ? decisionRow(json) : null));

/** The status a case returns to when its verdict is withdrawn: the review queue. */
const afterWithdrawal: CaseStatus = 'review';

/**
 * After a change to a case's contents (in the change's transaction, after the case was re-assessed): if a
 * verdict stands on it, or it is referred or closed, the verdict is withdrawn and the case goes back to the
 * review queue. `assessment` is the case's assessment now (null when incomplete). `evidence`: the change
 * was to attached evidence, which the case's fields do not show.
 */
export async function withdrawOnChange(
  tx: Tx,
  ring: KeyRing,
  input: {
    caseId: string;
    parts: CaseParts;
    assessment: Assessment | null;
    actorId: string | null;
    now: Date;
    evidence?: boolean;
  },
): Promise<boolean> {
  const { caseId, now } = input;
  const [row] = await tx
    .select({ status: cases.status, version: cases.version, standing: standingVerdictColumn })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return false;
  const { standing } = row;
  // A referred or closed case with no bound verdict (decided before decisions were bound) is withdrawn too.
  if (!standing && row.status !== 'referred' && row.status !== 'closed') return false;
  let sections: string[] = [];
  if (standing) {
    const was = readSnapshot(ring, standing.id, standing.snapshotEnc);
    sections = changedSections(was.parts, input.parts);
    const digest = input.assessment ? basisDigest(assessmentBasis(input.assessment)) : null;
    // Saving what was already there changes nothing the decision was made on.
    if (sections.length === 0 && digest === standing.assessmentDigest && !input.evidence) return false;
    await tx
      .update(caseDecisions)
      .set({ endedAt: now, endedReason: 'case_changed', endedVersion: row.version })
      .where(eq(caseDecisions.id, standing.id));
  }
  if (input.evidence) sections.push('attachments');
  const action = standing?.action ?? (row.status === 'referred' ? 'approve_referral' : 'close');
  const change = { from: row.status, to: afterWithdrawal };
  await tx
    .update(cases)
    .set({ status: afterWithdrawal, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId));
  await recordEvent(tx, ring, {
    caseId,
    kind: 'decision_withdrawn',
    actorId: input.actorId,
    at: now,
    detail: { decision: standing?.id ?? null, action, decidedAt: standing?.decidedAt ?? null, sections },
  });
  if (change.from !== change.to) {
    await recordEvent(tx, ring, {
      caseId,
      kind: 'status_changed',
      actorId: input.actorId,
      at: now,
      detail: change,
    });
  }
  await refreshQueue(tx, caseId, now);
  await appendAudit(tx, {
    actorId: input.actorId,
    action: 'case.decision_withdrawn',
    targetType: 'case',
    targetId: caseId,
    detail: { decision: action, sections, ...change },
    at: now,
  });
  return true;
}

function readSnapshot(ring: KeyRing, id: string, stored: string): Snapshot {
  return JSON.parse(decryptField(ring, snapshotContext(id), stored)) as Snapshot;
}

export interface ComparedDecision {
  id: string;
  action: string;
  decidedBy: string | null;
  decidedAt: Date;
  detail: Record<string, unknown>;
  assessmentDigest: string | null;
  withdrawn: boolean;
  snapshot: Snapshot;
}

const comparable = ['request_info', ...verdicts, 'reopen'];

/**
 * The last decision a case in review may be compared with (a verdict, a request for information, a reopening),
 * as a column beside the outer query's `cases` row: the case page reads it with the rest. Null unless the case
 * is in review.
 */
export const lastComparableColumn = sql<{
  decision: Record<string, unknown>;
  by: string | null;
} | null>`(case when ${qualified(cases.status)} = 'review' then (select json_build_object('decision', row_to_json(${caseDecisions}), 'by', ${qualified(users.displayName)}) from ${caseDecisions} left join ${users} on ${qualified(users.id)} = ${qualified(caseDecisions.decidedBy)} where ${qualified(caseDecisions.caseId)} = ${qualified(cases.id)} and ${qualified(caseDecisions.action)} in (${sql.join(
  comparable.map((action) => sql`${action}`),
  sql`, `,
)}) order by ${qualified(caseDecisions.decidedAt)} desc limit 1) end)`;

/**
 * The decision a supervisor should compare the case with now, from its last comparable decision: the last
 * verdict, when the case's change withdrew it, or the last request for information, once the case is back for
 * review. Null otherwise.
 */
export function comparedDecision(
  ring: KeyRing,
  last: { decision: Record<string, unknown>; by: string | null } | null,
): ComparedDecision | null {
  if (!last) return null;
  const d = decisionRow(last.decision);
  const withdrawn = d.endedReason === 'case_changed';
  if (!withdrawn && d.action !== 'request_info') return null;
  return {
    id: d.id,
    action: d.action,
    decidedBy: last.by,
    decidedAt: d.decidedAt,
    detail: d.detail,
    assessmentDigest: d.assessmentDigest,
    withdrawn,
    snapshot: readSnapshot(ring, d.id, d.snapshotEnc),
  };
}

/** The decision a supervisor should compare the case with now (see `comparedDecision`). */
export async function decisionToCompare(
  db: Db | Tx,
  ring: KeyRing,
  caseId: string,
  status: CaseStatus,
): Promise<ComparedDecision | null> {
  if (status !== 'review') return null;
  const [found] = await db.select({ last: lastComparableColumn }).from(cases).where(eq(cases.id, caseId));
  return comparedDecision(ring, found?.last ?? null);
}

export const reaffirmable = (d: ComparedDecision | null): d is ComparedDecision & { action: Verdict } =>
  d?.withdrawn === true && isVerdict(d.action);
