/**
 * evaluate(caseFile, today): the assessment for a case on a given day. Pure: no clock, no I/O; the same case
 * and day give the same assessment. Rules come from registry.ts; wording from each rule, in the locale asked.
 */
import {
  type Assessment,
  type ChecklistItem,
  type DestinationVerdict,
  type Flag,
  moreSevere,
  RULESET,
  riskLevelOf,
  type Severity,
} from './assessment';
import type { CaseFile, Destination } from './case-schema';
import type { ReferenceReviews } from './data/index';
import { type DocumentScans, deriveFacts } from './facts';
import { type Locale, lowerFirst, type Text } from './i18n';
import { labels } from './labels';
import { recommend } from './recommend';
import { checklistRules, destinationRules, flagRules } from './registry';
import type { DestinationRule, Readiness, RuleContext } from './rule';

export type EvaluateOptions = {
  locale?: Locale;
  /** Latest admin review date per reference-data file (see data/index.ts); the code's own dates otherwise. */
  reviews?: ReferenceReviews;
  /** Scans attached to documents (kept beside the case file, not in it): each counts the document seen. */
  documentScans?: DocumentScans;
};

/** Which documents have scans, added to the documents checklist's reasons; undefined when none has. */
function scansNote(caseFile: CaseFile, scans: DocumentScans, locale: Locale): string | undefined {
  if (scans.size === 0) return undefined;
  const listed = caseFile.documents
    .map((d, i) => ({ type: d.type, n: scans.get(i) ?? 0 }))
    .filter((d) => d.n > 0)
    .map((d) => `${labels[locale].documentTypes[d.type]} (${d.n})`);
  if (listed.length === 0) return undefined;
  return locale === 'ru' ? `Приложены сканы: ${listed.join(', ')}.` : `Scans attached: ${listed.join(', ')}.`;
}

/** The first destination rule that applies; the last rule applies to every destination, so one is found. */
function ruleFor(destination: Destination, ctx: RuleContext): DestinationRule {
  for (const rule of destinationRules) if (rule.applies(destination, ctx)) return rule;
  throw new Error('the last destination rule applies to every destination');
}

const STILL_NEEDED: Text = { en: 'Still needed:', ru: 'Ещё нужно:' };

function verdictFor(
  destination: Destination,
  rule: DestinationRule,
  ctx: RuleContext,
  readiness: Readiness,
  checklist: readonly ChecklistItem[],
  locale: Locale,
): DestinationVerdict {
  const { status, missing, notes } = rule.verdict(destination, ctx, readiness);
  const worded: string[] = [];
  if (missing.length > 0) {
    // "Still needed: ..." names the checklist items the verdict waits for, as the checklist words them.
    const stillNeeded = missing.map((id) => lowerFirst(checklist.find((i) => i.id === id)?.label ?? id));
    worded.push(`${STILL_NEEDED[locale]} ${stillNeeded.join('; ')}.`);
  }
  for (const note of notes) worded.push(note[locale]);
  return { country: destination.country, pathway: destination.pathway, status, missing, notes: worded };
}

// Shared empty defaults: most cases have no scans and no cleared flags, and neither is ever written to.
const NO_SCANS: DocumentScans = new Map();
const NONE_CLEARED: ReadonlySet<string> = new Set();

/** What the destination rules know about the checklist: one pass over its items. */
function readinessOf(checklist: readonly ChecklistItem[]): Readiness {
  const unfinished: Readiness['unfinished'] = [];
  let passportDone = false;
  for (const item of checklist) {
    if (item.id === 'PASSPORT_TRAVEL_DOCUMENT') passportDone = item.status === 'done';
    if (item.category !== 'passport' && (item.status === 'todo' || item.status === 'blocked'))
      unfinished.push(item.id);
  }
  return { verified: unfinished.length === 0, unfinished, passportDone };
}

export function evaluate(caseFile: CaseFile, today: string, options: EvaluateOptions = {}): Assessment {
  const locale = options.locale ?? 'en';
  const scans = options.documentScans ?? NO_SCANS;
  const ctx: RuleContext = {
    case: caseFile,
    today,
    facts: deriveFacts(caseFile, today, scans),
    reviews: options.reviews,
  };
  const note = scansNote(caseFile, scans, locale);

  const checklist: ChecklistItem[] = [];
  for (const rule of checklistRules) {
    const item = rule.run(ctx, locale);
    if (note && item.category === 'documents') item.detail = `${item.detail} ${note}`;
    checklist.push(item);
  }

  const clearedFlags = caseFile.review?.clearedFlags;
  const cleared = clearedFlags?.length ? new Set<string>(clearedFlags) : NONE_CLEARED;
  const flags: Flag[] = [];
  for (const rule of flagRules) rule.run(ctx, locale, cleared, flags);
  let worst: Severity | undefined;
  for (const f of flags) if (!f.cleared) worst = worst ? moreSevere(worst, f.severity) : f.severity;

  const readiness = readinessOf(checklist);
  // Each destination's rule is found once, for its verdict now and, while unverified, once verified.
  const rules = caseFile.destinations.map((d) => ruleFor(d, ctx));
  const destinations = caseFile.destinations.map((d, i) =>
    verdictFor(d, rules[i]!, ctx, readiness, checklist, locale),
  );

  // Where the case is heading once verified, for `then` (only needed while it is not verified).
  const onceVerified: Readiness = { verified: true, unfinished: [], passportDone: readiness.passportDone };
  const feasibleOnceVerified = readiness.verified
    ? undefined
    : caseFile.destinations.find((d, i) => rules[i]!.verdict(d, ctx, onceVerified).status === 'feasible');

  return {
    ruleset: RULESET,
    evaluatedOn: today,
    recommendation: recommend({ flags, checklist, destinations, feasibleOnceVerified }),
    riskLevel: riskLevelOf(worst),
    flags,
    checklist,
    destinations,
  };
}
