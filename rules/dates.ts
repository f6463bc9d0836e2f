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

/** Days since 1970-01-01 for a valid ISO date. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
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
  // Slices, not split('-'): messages format several dates per flag, and split allocates an array each time.
  const y = date.slice(0, 4);
  const m = date.slice(5, 7);
  const d = date.slice(8, 10);
  if (locale === 'ru') return `${d}.${m}.${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

/** A month (`YYYY-MM`) the same way: "Jul 2023" in English, "07.2023" in Russian. */
export function formatMonth(month: string, locale: 'en' | 'ru'): string {
  const [y, m] = month.split('-');
  if (locale === 'ru') return `${m}.${y}`;
  return `${MONTHS_EN[Number(m) - 1]} ${y}`;
}
