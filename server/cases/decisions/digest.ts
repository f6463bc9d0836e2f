// What a decision was made on, reduced to what a decision depends on: the recommendation, the risk, which
// flags stand (and which are cleared), each destination's verdict and what it still needs, and the checklist.
// Wording (it follows the reader's language), the facts quoted and the day the rules ran are left out, so a
// change that moves none of these leaves the digest as it was and a supervisor may re-confirm in one step.
import { createHash } from 'node:crypto';
import type { Assessment } from '../../../rules/assessment';

export interface AssessmentBasis {
  action: Assessment['recommendation']['action'];
  pathway: string | null;
  riskLevel: Assessment['riskLevel'];
  /** "ID:severity", cleared ones marked, sorted. */
  flags: string[];
  /** "CC/pathway:verdict:missing,missing", sorted. */
  destinations: string[];
  /** "ID:status", sorted. */
  checklist: string[];
}

const sorted = (values: string[]) => [...values].sort();

export function assessmentBasis(a: Assessment): AssessmentBasis {
  const p = a.recommendation.pathway;
  return {
    action: a.recommendation.action,
    pathway: p ? `${p.country}/${p.pathway}` : null,
    riskLevel: a.riskLevel,
    flags: sorted(a.flags.map((f) => `${f.id}:${f.severity}${f.cleared ? ':cleared' : ''}`)),
    destinations: sorted(
      a.destinations.map((d) => `${d.country}/${d.pathway}:${d.status}:${sorted(d.missing).join(',')}`),
    ),
    checklist: sorted(a.checklist.map((c) => `${c.id}:${c.status}`)),
  };
}

/** A digest of the basis: equal digests, same assessment for every decision's purpose. */
export function basisDigest(basis: AssessmentBasis): string {
  // Keys in a fixed order, so the digest does not depend on how the object was built.
  const canonical = JSON.stringify([
    basis.action,
    basis.pathway,
    basis.riskLevel,
    basis.flags,
    basis.destinations,
    basis.checklist,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type BasisAspect = 'action' | 'pathway' | 'riskLevel' | 'flags' | 'destinations' | 'checklist';

/** The aspects of the assessment that differ: empty when the change does not alter the assessment. */
export function alteredAspects(before: AssessmentBasis, after: AssessmentBasis): BasisAspect[] {
  const aspects: BasisAspect[] = ['action', 'pathway', 'riskLevel', 'flags', 'destinations', 'checklist'];
  return aspects.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
