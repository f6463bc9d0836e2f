// The two decisions this module adds, each taken through review.ts's decideIn so it is checked, recorded and
// audited like any other: confirming again, in one step, a verdict a change withdrew (only while the
// assessment is the one it was made on), and confirming clearances an import carried, one or all at once.
import type { Db } from '../../../db/client';
import type { Pathway } from '../../../rules/case-schema';
import type { FlagId } from '../../../rules/ids';
import type { KeyRing } from '../../crypto/field-encryption';
import { sameAssessment } from '../decisions/view';
import type { ActingUser } from '../workflow';
import { assessCase } from './assessment';
import { decisionToCompare, reaffirmable } from './bindings';
import { pendingCarried } from './carried';
import { type Decision, type DecisionResult, decideIn } from './decisions';
import { loadCase } from './reads';

export type ReaffirmResult = DecisionResult | { ok: false; problem: 'none' | 'altered' };

export function reaffirm(
  db: Db,
  ring: KeyRing,
  input: { caseId: string; user: ActingUser; expectedVersion: number; reason: string; now: Date },
): Promise<ReaffirmResult> {
  const { caseId, now, reason } = input;
  return db.transaction(async (tx): Promise<ReaffirmResult> => {
    const loaded = await loadCase(tx, ring, caseId);
    if (!loaded) return { ok: false, problem: 'not_found' };
    const withdrawn = await decisionToCompare(tx, ring, caseId, loaded.row.status);
    if (!reaffirmable(withdrawn)) return { ok: false, problem: 'none' };
    if (loaded.row.version !== input.expectedVersion) return { ok: false, problem: 'conflict' };
    const assessed = assessCase(loaded, now);
    if (sameAssessment(withdrawn, assessed.ok ? assessed.assessment : null) !== true) {
      return { ok: false, problem: 'altered' };
    }
    const d = withdrawn.detail;
    const decision: Decision =
      withdrawn.action === 'approve_referral'
        ? { action: 'approve_referral', country: String(d.country), pathway: d.pathway as Pathway, reason }
        : { action: withdrawn.action, reason };
    return decideIn(tx, ring, { ...input, decision, also: { reaffirms: withdrawn.id } });
  });
}

export type ConfirmResult = DecisionResult | { ok: false; problem: 'gone' };

/** Confirms the chosen carried clearances in one transaction: each one a clearance on the record. */
export function confirmCarried(
  db: Db,
  ring: KeyRing,
  input: {
    caseId: string;
    user: ActingUser;
    expectedVersion: number;
    flagIds: FlagId[];
    reason: string;
    now: Date;
  },
): Promise<ConfirmResult> {
  const { caseId } = input;
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const waiting = new Set((await pendingCarried(tx, caseId)).map((p) => p.flagId));
    if (input.flagIds.some((id) => !waiting.has(id))) return { ok: false, problem: 'gone' };
    let version = input.expectedVersion;
    for (const flagId of input.flagIds) {
      const result = await decideIn(tx, ring, {
        ...input,
        expectedVersion: version,
        decision: { action: 'clear_flag', flagId, reason: input.reason },
        also: { confirmsCarried: true },
      });
      if (!result.ok) {
        // A refused decision writes nothing, so refusing the first leaves the case as it was. One after it
        // cannot be refused (same reviewer, same status, version read again); if it were, the error rolls
        // back every clearance: all of them or none.
        if (flagId === input.flagIds[0]) return result;
        throw new Error(`confirming carried clearances failed part-way: ${result.problem}`);
      }
      version = (await loadCase(tx, ring, caseId))!.row.version;
    }
    return { ok: true };
  });
}
