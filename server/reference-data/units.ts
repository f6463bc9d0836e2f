// The implicated units as the case form and the case page show them: suggestions while the unit is typed
// (server-side, with a datalist of every reference name as the no-script fallback), and which reference unit
// the recorded unit was matched to, so a wrong match is seen at once.
import type { Service } from '../../rules/case-schema';
import { implicatedUnits } from '../../rules/data/implicated-units';
import type { Locale } from '../../rules/i18n';
import { matchImplicatedUnits, suggestUnits } from '../../rules/unit-match';
import { matchedByText } from '../../rules/unit-words';

export type UnitOption = { value: string; label: string };

/** One option per reference unit name: what a caseworker may pick (the names in his language first). */
function optionsFor(units: typeof implicatedUnits, locale: Locale): UnitOption[] {
  const other: Locale = locale === 'en' ? 'ru' : 'en';
  return units.flatMap((u) => {
    const numbers = u.unitNumbers.map((n) => n.value).join(', ');
    const label = numbers ? `${u.name[locale]} · ${numbers}` : u.name[locale];
    // A Russian page offers the Cyrillic names; an English one offers both scripts, as interviews use both.
    const names = [u.name[locale], u.name[other], ...u.commonNames.map((n) => n.value)].filter(
      (n) => locale === 'en' || !/[A-Za-z]{2}/.test(n),
    );
    return [...new Set(names)].map((value) => ({ value, label }));
  });
}

const allOptions: Record<Locale, UnitOption[]> = {
  en: optionsFor(implicatedUnits, 'en'),
  ru: optionsFor(implicatedUnits, 'ru'),
};

/** The datalist behind the unit field: every reference name, so suggestions work without script. */
export const unitDatalist = (locale: Locale): UnitOption[] => allOptions[locale];

/** What the suggestion endpoint answers for the text typed so far. */
export function unitSuggestions(text: string, locale: Locale): { units: { name: string; detail: string }[] } {
  return {
    units: suggestUnits(text).map((u) => ({
      name: u.name[locale],
      detail: u.unitNumbers.map((n) => n.value).join(', '),
    })),
  };
}

/** Each reference unit the recorded unit or unit number was matched to, and how, in the reader's language. */
export function unitMatchesView(service: Pick<Service, 'unit' | 'unitNumber'> | undefined, locale: Locale) {
  if (!service) return [];
  return matchImplicatedUnits(service).map((m) => ({
    name: m.unit.name[locale],
    how: matchedByText(m.by, locale),
  }));
}
