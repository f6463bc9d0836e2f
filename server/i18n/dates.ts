// Every date and time a reader sees is written here, in the reader's language: a day as "3 Dec 2026" in
// English and "03.12.2026" in Russian (the rules' own messages write days the same way: rules/dates.ts), a
// month as "Dec 2026" / "12.2026", a moment to the minute in UTC, said so, since the people on one case sit in
// several time zones. Pages, the summary and its PDF call these; templates get them as `it.dates` and format
// nothing themselves.
import type { Locale } from '../../db/schema';
import { formatDate, formatMonth } from '../../rules/dates';

/** A calendar day (`YYYY-MM-DD`), a timestamp string, or a moment. */
export type DateValue = string | Date;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** The UTC calendar day of a moment, or the day a string names; null for what names no day. */
function isoDayOf(value: DateValue): string | null {
  if (typeof value === 'string' && ISO_DAY.test(value)) return value;
  const at = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(at.getTime()) ? null : at.toISOString().slice(0, 10);
}

/** A day: "3 Dec 2026" / "03.12.2026". Text that names no day (an old record) is shown as it is. */
export function formatDay(value: DateValue, locale: Locale): string {
  const day = isoDayOf(value);
  return day ? formatDate(day, locale) : String(value);
}

/** A month, from `YYYY-MM` or a day in it: "Dec 2026" / "12.2026". */
export function formatMonthOf(value: DateValue, locale: Locale): string {
  const month = typeof value === 'string' && ISO_MONTH.test(value) ? value : isoDayOf(value)?.slice(0, 7);
  return month ? formatMonth(month, locale) : String(value);
}

/** A moment, in UTC: "3 Dec 2026, 14:05 UTC" / "03.12.2026, 14:05 UTC"; with seconds where order matters. */
export function formatTime(
  value: DateValue,
  locale: Locale,
  precision: 'minute' | 'second' = 'minute',
): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return String(value);
  const iso = at.toISOString();
  const clock = iso.slice(11, precision === 'second' ? 19 : 16);
  return `${formatDate(iso.slice(0, 10), locale)}, ${clock} UTC`;
}

/** The machine-readable form for a `<time datetime>` attribute: what a browser or screen reader parses. */
export function machineTime(value: DateValue): string {
  if (typeof value === 'string') return value;
  return value.toISOString();
}

const DAY_IN_TEXT = [
  { pattern: /\b(\d{4})-(\d{2})-\d{2}\b/g, month: (m: string[]) => `${m[1]}-${m[2]}` },
  {
    pattern: /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g,
    month: (m: string[]) => `${m[2]}-${String(MONTHS_EN.indexOf(m[1]!) + 1).padStart(2, '0')}`,
  },
  { pattern: /\b\d{2}\.(\d{2})\.(\d{4})\b/g, month: (m: string[]) => `${m[2]}-${m[1]}` },
];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The text with every day in it, written any way this app writes one (ISO, English, Russian), cut to its month
 * in `locale`: what a profile that keeps dates only to the month does to free text.
 */
export function daysToMonths(text: string, locale: Locale): string {
  let out = text;
  for (const { pattern, month } of DAY_IN_TEXT) {
    out = out.replace(pattern, (...m: string[]) => formatMonth(month(m), locale));
  }
  return out;
}

/** A day written every way a reader of any of our languages could find it: for redaction. */
export function dayInEveryLocale(day: string): string[] {
  return [day, formatDay(day, 'en'), formatDay(day, 'ru')];
}

/** The formatters bound to one locale: what every page gets as `it.dates`. */
export function datesFor(locale: Locale) {
  return {
    day: (value: DateValue) => formatDay(value, locale),
    month: (value: DateValue) => formatMonthOf(value, locale),
    time: (value: DateValue) => formatTime(value, locale),
    timeToSecond: (value: DateValue) => formatTime(value, locale, 'second'),
    machine: machineTime,
  };
}
