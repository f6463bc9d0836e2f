// Assessing a case: the one place a loaded case is assembled and handed to the rules, and where what the
// review queue needs is derived from the assessment.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { caseAssessments, cases } from '../../../db/schema';
import type { Assessment } from '../../../rules/assessment';
import type { CaseFile } from '../../../rules/case-schema';
import { evaluate } from '../../../rules/evaluate';
import type { Locale } from '../../../rules/i18n';
import { encryptField, type KeyRing } from '../../crypto/field-encryption';
import { assemble, type CaseParts, type RequiredPart } from '../parts';
import { recordEvent } from './events';
import { queuedSince } from './queue';
import type { CaseRow, RuleInputs } from './reads';
import { together } from './together';

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

export type Assessed =
  | { ok: true; file: CaseFile; assessment: Assessment }
  | { ok: false; missing: RequiredPart[] };

/**
 * The rules' assessment of a case as it stands `now` (with the reference-data reviews and the document scans
 * it was loaded with), or the parts still missing before it can be assessed.
 */
export function assessCase(
  loaded: { row: Pick<CaseRow, 'reference'>; parts: CaseParts; ruleInputs: RuleInputs },
  now: Date,
  locale?: Locale,
): Assessed {
  const assembled = assemble(loaded.parts, loaded.row.reference);
  if (!assembled.ok) return assembled;
  const { reviews, documentScans } = loaded.ruleInputs;
  const assessment = evaluate(assembled.file, todayOf(now), {
    ...(locale ? { locale } : {}),
    reviews,
    documentScans,
  });
  return { ok: true, file: assembled.file, assessment };
}

const riskRanks: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** The columns of the case row the lists and the queue sort and filter by, from an assessment. */
function queueColumns(assessment: Assessment | null) {
  if (!assessment) return { action: null, riskLevel: null, riskRank: 0, flagIds: [], queueFlags: [] };
  const open = assessment.flags.filter((f) => !f.cleared);
  return {
    action: assessment.recommendation.action,
    riskLevel: assessment.riskLevel,
    riskRank: riskRanks[assessment.riskLevel] ?? 0,
    flagIds: open.map((f) => f.id),
    queueFlags: open.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id),
  };
}

/**
 * Runs the rules on the case as it now stands (when it is complete) and records what they said. `current`
 * and `openRequests` (its unanswered requests for information) must be read in the transaction after its
 * last write to the case: the queue is decided from them and written with the same update.
 */
export async function reassess(
  tx: Tx,
  ring: KeyRing,
  current: {
    row: Pick<CaseRow, 'id' | 'reference' | 'action' | 'status' | 'queuedAt'>;
    parts: CaseParts;
    ruleInputs: RuleInputs;
  },
  openRequests: number,
  now: Date,
  actorId: string | null,
): Promise<Assessment | null> {
  const { row: before, parts } = current;
  const caseId = before.id;
  const assessed = assessCase(current, now);
  const assessment = assessed.ok ? assessed.assessment : null;
  const columns = queueColumns(assessment);
  const update = tx
    .update(cases)
    .set({
      ...columns,
      stayEndsOn: parts.currentStay?.stayEndsOn ?? null,
      queuedAt: queuedSince({ ...before, action: columns.action }, openRequests, now),
      version: sql`${cases.version} + 1`,
      updatedAt: now,
    })
    .where(eq(cases.id, caseId));
  if (!assessment) {
    await update;
    return null;
  }
  const id = randomUUID();
  // Three tables written, nothing read back: sent together.
  await together([
    tx.insert(caseAssessments).values({
      id,
      caseId,
      ruleset: assessment.ruleset,
      evaluatedAt: now,
      action: assessment.recommendation.action,
      riskLevel: assessment.riskLevel,
      assessmentEnc: encryptField(
        ring,
        { table: 'case_assessments', column: 'assessment', row: id },
        JSON.stringify(assessment),
      ),
    }),
    update,
    // The timeline notes when the tool's recommendation changes, not every save.
    before.action !== columns.action &&
      recordEvent(tx, ring, {
        caseId,
        kind: 'assessment_changed',
        actorId,
        at: now,
        detail: {
          from: before.action,
          to: columns.action,
          riskLevel: assessment.riskLevel,
          ruleset: assessment.ruleset,
        },
      }),
  ]);
  return assessment;
}
