// What the case page and the decision pages show about bound decisions: the side-by-side "changed since the
// decision" block, whether the supervisor may confirm the decision again in one step, and each clearance an
// import carried, with its origin.
import type { CaseStatus } from '../../../db/schema';
import type { Assessment } from '../../../rules/assessment';
import type { Locale } from '../../../rules/i18n';
import type { Translate } from '../../i18n';
import { formatDay } from '../../i18n/dates';
import { isMessageKey } from '../../i18n/keys';
import type { CaseParts } from '../parts';
import { type ComparedDecision, reaffirmable } from '../repository/bindings';
import type { PendingCarried } from '../repository/carried';
import { type ActingUser, refusal, type WorkflowAction } from '../workflow';
import { carriedLine } from './carried';
import { assessmentChanges, type ChangeRow, changesSince } from './changes';
import { assessmentBasis, basisDigest } from './digest';

export interface ChangedSinceView {
  intro: string;
  rows: ChangeRow[];
  /** Whether the assessment is as it was at the decision; null when either could not be assessed. */
  same: boolean | null;
  /** Where to confirm the withdrawn decision again, for a reviewer who may and when nothing it rests on moved. */
  reaffirmHref: string | undefined;
}

/** Whether the case's assessment now is the one the decision was made on. */
export function sameAssessment(decision: ComparedDecision, now: Assessment | null): boolean | null {
  if (!decision.assessmentDigest || !now) return null;
  return basisDigest(assessmentBasis(now)) === decision.assessmentDigest;
}

/** The case as it stands, and who reads it in which language. */
export interface CaseNow {
  current: { id: string; status: CaseStatus; createdBy: string | null; assignedTo: string | null };
  parts: CaseParts;
  assessment: Assessment | null;
  user: ActingUser;
  locale: Locale;
  t: Translate;
}

export function changedSinceView(decision: ComparedDecision, now: CaseNow): ChangedSinceView {
  const { current, parts, assessment, user, locale, t } = now;
  const was = decision.snapshot;
  const rows = changesSince(was.parts, parts, locale, t);
  const basis = assessment ? assessmentBasis(assessment) : null;
  if (was.basis && basis) rows.push(...assessmentChanges(was.basis, basis, locale, t));
  const same = sameAssessment(decision, assessment);
  // The action comes from the database: worded when the catalogue knows it, else shown as its code.
  const kind = `decisions.kind.${decision.action}`;
  const params = {
    decision: isMessageKey(kind) ? t(kind) : decision.action,
    name: decision.decidedBy ?? t('review.system'),
    date: formatDay(decision.decidedAt, locale),
  };
  const mayReaffirm =
    reaffirmable(decision) &&
    same === true &&
    refusal(decision.action as WorkflowAction, user, current) === null;
  return {
    intro: t(decision.withdrawn ? 'decisions.changed.withdrawn' : 'decisions.changed.sinceRequest', params),
    rows,
    same,
    reaffirmHref: mayReaffirm ? `/cases/${current.id}/reaffirm` : undefined,
  };
}

/** Each flag an import says was cleared elsewhere, with the line that says so and where it came from. */
export function carriedLines(
  pending: readonly PendingCarried[],
  t: Translate,
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(pending.map((p) => [p.flagId, carriedLine(p, t, locale)]));
}
