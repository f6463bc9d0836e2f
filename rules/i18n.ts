/** Locales the rules speak, and the small helpers every message uses. */
import type { CountryCode } from './data/countries';
import { memoByText } from './lists';

export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

/** A fixed text in every locale. */
export type Text = Record<Locale, string>;

/** A message with parameters, worded in every locale. */
export type Wording<P> = Record<Locale, (params: P) => string>;

// Intl.DisplayNames knows every ISO country name in both languages (pure, no I/O). Built on first use, not
// when the module loads: loading its locale data is a tenth of a second at start-up.
let countryNames: Record<Locale, Intl.DisplayNames> | undefined;
const displayNames = () =>
  (countryNames ??= {
    en: new Intl.DisplayNames(['en'], { type: 'region' }),
    ru: new Intl.DisplayNames(['ru'], { type: 'region' }),
  });

const nameCache: Record<Locale, Map<string, string>> = { en: new Map(), ru: new Map() };

/** "Kazakhstan (KZ)" / "Казахстан (KZ)": the name for readers, the code for the record. Memoised: Intl is slow. */
export function countryName(code: CountryCode | string, locale: Locale): string {
  let name = nameCache[locale].get(code);
  if (name === undefined) {
    name = `${displayNames()[locale].of(code) ?? code} (${code})`;
    nameCache[locale].set(code, name);
  }
  return name;
}

/** Joins a list for a sentence: "a, b and c" / "a, b и c". */
export function listText(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'ru' ? ' и ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** Russian plural form for a count: one / few / many (1 день, 2 дня, 5 дней). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function enPlural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * A label used mid-sentence: "Военный билет" -> "военный билет", but "СМИ" and "ID" stay as they are.
 * Remembered: messages lower the same few labels on every case, and each case conversion allocates.
 */
export const lowerLabel = memoByText((text: string): string => {
  const second = text.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? lowerFirst(text)
    : text;
});

/** "See proof…" -> "see proof…", for a label used mid-sentence (keeps "ID", "CNDA" as they are). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
