/**
 * The three kinds of rule and how they are declared. A rule module exports one `defineFlag`, `defineCheck` or
 * `defineDestination` value: its catalogue id, category, severity, its title, a one-line doc built from its
 * named parameters, its source, the logic, and its wording in every locale. The evaluator (evaluate.ts) runs
 * the registries in registry.ts.
 */

import type { Category, ChecklistCategory, ChecklistStatus, Severity, Verdict } from './assessment';
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

/**
 * A flag a rule raised, not yet worded. A class rather than an object with a closure: the evaluator words
 * only the locale asked for, and a hot path should not allocate a function per flag.
 */
class RaisedFlag {
  constructor(
    readonly id: FlagId,
    readonly category: Category,
    readonly severity: Severity,
    readonly facts: string[],
    private readonly citation: Citation | undefined,
    private readonly wording: Wording<never>,
    private readonly params: unknown,
  ) {}

  /** The URL of the public source the flag rests on; none for an unsourced fact. */
  get source(): string | undefined {
    return citationUrl(this.citation);
  }

  /** The message; one resting on an unsourced fact says so. */
  say(locale: Locale): string {
    // defineFlag pairs each wording with the params of its own rule.
    return this.wording[locale](this.params as never) + unsourcedSuffix(this.citation, locale);
  }
}

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
  run: (ctx: RuleContext) => RaisedFlag[];
};

type FlagSpec<P> = Omit<FlagRule, 'run' | 'message'> & {
  message: Wording<P>;
  check: (ctx: RuleContext) => FlagHit<P> | FlagHit<P>[] | undefined;
};

export function defineFlag<P>(spec: FlagSpec<P>): FlagRule {
  const { check, ...rule } = spec;
  return {
    ...rule,
    run(ctx) {
      const result = check(ctx);
      if (result === undefined) return [];
      const hits = Array.isArray(result) ? result : [result];
      return hits.map(
        (hit) =>
          new RaisedFlag(
            spec.id,
            spec.category,
            hit.severity ?? spec.severity,
            hit.facts,
            hit.source ?? spec.source,
            spec.message,
            hit.params,
          ),
      );
    },
  };
}

// --- Checklist items ----------------------------------------------------------------------------------------

type CheckResult<P> = { status: ChecklistStatus; params: P };

/** A checklist item's status, with its detail worded on demand (see RaisedFlag). */
class CheckedItem {
  constructor(
    readonly status: ChecklistStatus,
    private readonly wording: Wording<never>,
    private readonly params: unknown,
  ) {}

  detail(locale: Locale): string {
    // defineCheck pairs each wording with the params of its own rule.
    return this.wording[locale](this.params as never);
  }
}

export type ChecklistRule = {
  id: ChecklistId;
  category: ChecklistCategory;
  /** What the checklist shows as the item, in every locale. */
  label: Text;
  doc: string;
  source?: Citation;
  parameters?: Record<string, Parameter>;
  detail: Wording<never>;
  run: (ctx: RuleContext) => CheckedItem;
};

type CheckSpec<P> = Omit<ChecklistRule, 'run' | 'detail'> & {
  detail: Wording<P>;
  check: (ctx: RuleContext) => CheckResult<P>;
};

export function defineCheck<P>(spec: CheckSpec<P>): ChecklistRule {
  const { check, ...rule } = spec;
  return {
    ...rule,
    run(ctx) {
      const { status, params } = check(ctx);
      return new CheckedItem(status, spec.detail, params);
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
