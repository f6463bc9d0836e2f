/**
 * The three kinds of rule and how they are declared. A rule module exports one `defineFlag`, `defineCheck` or
 * `defineDestination` value: its catalogue id, category, severity, its title, a one-line doc built from its
 * named parameters, its source, the logic, and its wording in every locale. The evaluator (evaluate.ts) runs
 * the registries in registry.ts.
 */

import type {
  Category,
  ChecklistCategory,
  ChecklistItem,
  ChecklistStatus,
  Flag,
  Severity,
  Verdict,
} from './assessment';
import type { CaseFile, Destination } from './case-schema';
import type { ReferenceReviews } from './data/index';
import type { Facts } from './facts';
import type { Locale, Text, Wording } from './i18n';
import type { ChecklistId, FlagId } from './ids';
import { type Citation, citationUrl, unsourcedSuffix } from './sources';

export type RuleContext = {
  case: CaseFile;
  today: string;
  facts: Facts;
  /** Reference-data reviews an admin recorded after the code's dates (passed in: the rules read no storage). */
  reviews: ReferenceReviews | undefined;
};

/**
 * A threshold a rule applies (30 days, 3 checks), named, with where its value was decided. The rule's `doc`
 * and messages are built from `value`, so the number lives in one place.
 */
export type Parameter = { value: number; unit: 'days' | 'checks'; decidedBy: string };

/** Parameters for a message that needs none. */
export type NoParams = Record<string, never>;

// --- Flags --------------------------------------------------------------------------------------------------

type FlagHit<P> = {
  /** Overrides the rule's default severity (e.g. HOST_STAY_ENDING is critical within 14 days). */
  severity?: Severity;
  /** The case facts the flag read, as `path=value`. */
  facts: string[];
  params: P;
  /** Overrides the rule's source when the fact comes from a specific reference entry. */
  source?: Citation;
};

export type FlagRule = {
  id: FlagId;
  category: Category;
  severity: Severity;
  /** What a reader sees as the flag's heading, in every locale. */
  title: Text;
  doc: string;
  source?: Citation;
  parameters?: Record<string, Parameter>;
  message: Wording<never>;
  /**
   * Appends the flags this rule raises, worded in `locale` only, to `out`; `cleared` holds the flag ids a
   * supervisor cleared on this case. Appending (rather than returning a list to copy) keeps the evaluator's
   * hot path to one object per flag.
   */
  run: (ctx: RuleContext, locale: Locale, cleared: ReadonlySet<string>, out: Flag[]) => void;
};

type FlagSpec<P> = Omit<FlagRule, 'run' | 'message'> & {
  message: Wording<P>;
  check: (ctx: RuleContext) => FlagHit<P> | FlagHit<P>[] | undefined;
};

export function defineFlag<P>(spec: FlagSpec<P>): FlagRule {
  const { id, category, severity, message, check } = spec;
  // The rule's own citation, read once; a hit citing a specific reference entry is read per hit.
  const ruleSource = citationUrl(spec.source);
  const ruleSuffix: Text = { en: unsourcedSuffix(spec.source, 'en'), ru: unsourcedSuffix(spec.source, 'ru') };
  const raise = (hit: FlagHit<P>, locale: Locale, cleared: ReadonlySet<string>, out: Flag[]) => {
    const source = hit.source ? citationUrl(hit.source) : ruleSource;
    const suffix = hit.source ? unsourcedSuffix(hit.source, locale) : ruleSuffix[locale];
    const text = message[locale](hit.params) + suffix;
    const isCleared = cleared.has(id);
    const level = hit.severity ?? severity;
    // Built in the contract's key order; `source` only when the rule rests on a public source.
    out.push(
      source
        ? { id, severity: level, category, message: text, facts: hit.facts, source, cleared: isCleared }
        : { id, severity: level, category, message: text, facts: hit.facts, cleared: isCleared },
    );
  };
  // Every rule gets the same keys in the same order (not a spread of the spec, whose optional keys vary), so
  // the evaluator's loop over the rules reads `run` from objects of one shape.
  return {
    id,
    category,
    severity,
    title: spec.title,
    doc: spec.doc,
    source: spec.source,
    parameters: spec.parameters,
    message,
    run(ctx, locale, cleared, out) {
      const result = check(ctx);
      if (result === undefined) return;
      if (!Array.isArray(result)) return raise(result, locale, cleared, out);
      for (const hit of result) raise(hit, locale, cleared, out);
    },
  };
}

// --- Checklist items ----------------------------------------------------------------------------------------

type CheckResult<P> = { status: ChecklistStatus; params: P };

export type ChecklistRule = {
  id: ChecklistId;
  category: ChecklistCategory;
  /** What the checklist shows as the item, in every locale. */
  label: Text;
  doc: string;
  source?: Citation;
  parameters?: Record<string, Parameter>;
  detail: Wording<never>;
  /** The item for this case, its label and detail worded in `locale` only. */
  run: (ctx: RuleContext, locale: Locale) => ChecklistItem;
};

type CheckSpec<P> = Omit<ChecklistRule, 'run' | 'detail'> & {
  detail: Wording<P>;
  check: (ctx: RuleContext) => CheckResult<P>;
};

export function defineCheck<P>(spec: CheckSpec<P>): ChecklistRule {
  const { id, category, label, detail, check } = spec;
  // Same keys in the same order for every rule (see defineFlag).
  return {
    id,
    category,
    label,
    doc: spec.doc,
    source: spec.source,
    parameters: spec.parameters,
    detail,
    run(ctx, locale) {
      const { status, params } = check(ctx);
      return { id, category, label: label[locale], status, detail: detail[locale](params) };
    },
  };
}

// --- Destination verdicts -----------------------------------------------------------------------------------

/** What the destination rules know about the checklist. */
export type Readiness = {
  /** All documents and verification items are done or not applicable. */
  verified: boolean;
  /** Documents and verification items still todo or blocked, in checklist order. */
  unfinished: ChecklistId[];
  passportDone: boolean;
};

type VerdictResult = { status: Verdict; missing: ChecklistId[]; notes: Text[] };

export type DestinationRule = {
  id: string;
  doc: string;
  source: Citation;
  applies: (destination: Destination, ctx: RuleContext) => boolean;
  verdict: (destination: Destination, ctx: RuleContext, readiness: Readiness) => VerdictResult;
};

export function defineDestination(rule: DestinationRule): DestinationRule {
  return rule;
}
