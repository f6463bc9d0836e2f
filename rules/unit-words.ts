/** How messages and pages name an implicated unit and say how the text matched it, in each language. */
import type { ImplicatedUnit } from './data/implicated-units';
import type { Locale } from './i18n';
import type { MatchedBy } from './unit-match';

const echelons: Record<string, Record<Locale, string>> = {
  brigade: { en: 'brigade', ru: 'бригада' },
  regiment: { en: 'regiment', ru: 'полк' },
  division: { en: 'division', ru: 'дивизия' },
  battalion: { en: 'battalion', ru: 'батальон' },
  army: { en: 'army', ru: 'армия' },
  corps: { en: 'corps', ru: 'корпус' },
  company: { en: 'company', ru: 'рота' },
};

export const echelonName = (echelon: string, locale: Locale): string =>
  echelons[echelon]?.[locale] ?? echelon;

/** "the 64th Separate Guards Motor Rifle Brigade" / "PMC Wagner": the English name with its article. */
export function unitName(unit: ImplicatedUnit, locale: Locale): string {
  return locale === 'en' && unit.grammar.enArticle ? `the ${unit.name.en}` : unit.name[locale];
}

/** A Russian adjective agreeing with the unit's name: связанная / связанный / связанное / связанные. */
export function ruAgree(unit: ImplicatedUnit, forms: Record<'m' | 'f' | 'n' | 'pl', string>): string {
  return forms[unit.grammar.ruGender];
}

/** "by its military unit number 51460" / "по номеру в/ч 51460". */
export function matchedByText(by: MatchedBy, locale: Locale): string {
  switch (by.kind) {
    case 'unit_number':
      return locale === 'en' ? `by its military unit number ${by.number}` : `по номеру в/ч ${by.number}`;
    case 'designation':
      return locale === 'en'
        ? `by its number and kind: ${by.number}, ${echelonName(by.echelon, 'en')}`
        : `по номеру и типу: ${by.number}, ${echelonName(by.echelon, 'ru')}`;
    case 'common_name':
      return locale === 'en'
        ? `by its common name "${by.name}"`
        : `по распространённому названию «${by.name}»`;
  }
}
