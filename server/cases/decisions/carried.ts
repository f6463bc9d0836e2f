// Decisions an imported case file carries (its `review` part) are someone else's decisions, taken elsewhere
// on a case this organisation has not reviewed: they are kept, with where they came from, as "to be
// confirmed", and count as not taken until a reviewer here confirms or upholds each one.
import type { CarriedKind } from '../../../db/schema';
import type { Review } from '../../../rules/case-schema';
import type { Locale } from '../../../rules/i18n';
import type { FlagId } from '../../../rules/ids';
import type { Translate } from '../../i18n';
import { formatDay } from '../../i18n/dates';

export interface Carried {
  kind: CarriedKind;
  subject: FlagId;
}

/** What a file's review part carries, once each, in a stable order. Nothing of it is a decision here. */
export function carriedFrom(review: Review | undefined): Carried[] {
  const flags = [...new Set(review?.clearedFlags ?? [])].sort();
  return flags.map((subject) => ({ kind: 'flag_cleared', subject }));
}

export interface CarriedOrigin {
  /** The reference the imported file carried, if any. */
  reference: string | null;
  importedBy: string | null;
  importedAt: Date;
}

/** "Cleared elsewhere: to be confirmed (case file WP-2026-0042, imported by Anna on 3 Dec 2026)". */
export function carriedLine(origin: CarriedOrigin, t: Translate, locale: Locale): string {
  const day = formatDay(origin.importedAt, locale);
  const by = origin.importedBy ?? t('review.system');
  const from = origin.reference
    ? t('decisions.carried.originFile', { reference: origin.reference, name: by, date: day })
    : t('decisions.carried.originUnnamed', { name: by, date: day });
  return t('decisions.carried.line', { origin: from });
}
