/**
 * The next step (../shared/rules.md, "Recommendation", first that applies):
 * 1. urgent_protection: an uncleared critical host-country flag (this includes HOST_STAY_ENDING critical);
 * 2. supervisor_review: any other uncleared high or critical flag;
 * 3. complete_verification: a documents or verification item still todo or blocked;
 * 4. refer_for_visa: the first feasible destination, in the person's order;
 * 5. refer_local_legal_aid: verified, but no destination feasible.
 * `then` lists the later steps that will still be needed, in the same order. The last step is 4 or 5 as it
 * would be once verified (`feasibleOnceVerified`), so an unverified case still shows where it is heading.
 */
import type { Action, ChecklistItem, DestinationVerdict, Flag, Recommendation } from './assessment';
import { isAtLeast } from './assessment';
import { concatMap } from './lists';

export type RecommendInput = {
  /** Flags in the assessment; cleared ones are ignored here. */
  flags: readonly Flag[];
  checklist: readonly ChecklistItem[];
  /** Verdicts for the destinations, in the person's order. */
  destinations: readonly DestinationVerdict[];
  /** The first destination that would be feasible once verification is complete. */
  feasibleOnceVerified: Pick<DestinationVerdict, 'country' | 'pathway'> | undefined;
};

const isVerificationItem = (item: ChecklistItem) =>
  item.category === 'documents' || item.category === 'verification';

/** Adds `id` to `ids` unless it is there already (a handful of ids: a scan beats a Set). */
const addOnce = (ids: string[], id: string) => {
  if (!ids.includes(id)) ids.push(id);
};

export function recommend({
  flags,
  checklist,
  destinations,
  feasibleOnceVerified,
}: RecommendInput): Recommendation {
  // One pass over the uncleared flags: host-country criticals are urgent, other high or critical need review.
  const urgent: string[] = [];
  const forReview: string[] = [];
  for (const f of flags) {
    if (f.cleared) continue;
    if (f.category === 'host_country' && f.severity === 'critical') addOnce(urgent, f.id);
    else if (isAtLeast(f.severity, 'high')) addOnce(forReview, f.id);
  }
  const unfinished = checklist
    .filter((i) => isVerificationItem(i) && (i.status === 'todo' || i.status === 'blocked'))
    .map((i) => i.id);
  const verified = unfinished.length === 0;
  const feasible = destinations.find((d) => d.status === 'feasible');

  const steps: { action: Action; because: string[] }[] = [];
  if (urgent.length > 0) steps.push({ action: 'urgent_protection', because: urgent });
  if (forReview.length > 0) steps.push({ action: 'supervisor_review', because: forReview });
  if (!verified) steps.push({ action: 'complete_verification', because: unfinished });

  const target = verified ? feasible : feasibleOnceVerified;
  if (target) {
    // Verification decided it: the items done, and the passport when one is held.
    const done = checklist.filter((i) => i.status === 'done').map((i) => i.id);
    steps.push({ action: 'refer_for_visa', because: done });
  } else {
    // Nothing feasible: the items the destinations still miss say why.
    const missing = new Set(concatMap(destinations, (d) => d.missing));
    steps.push({
      action: 'refer_local_legal_aid',
      because: checklist.filter((i) => missing.has(i.id)).map((i) => i.id),
    });
  }

  const [first, ...later] = steps as [(typeof steps)[number], ...typeof steps];
  return {
    action: first.action,
    ...(first.action === 'refer_for_visa' && target
      ? { pathway: { country: target.country, pathway: target.pathway } }
      : {}),
    because: first.because,
    // biome-ignore lint/suspicious/noThenProperty: `then` is the contract's field name (case-format.md)
    then: later.map((s) => s.action),
  };
}
