/**
 * Dates as people type them. Forms take the day first with dots (20.07.2023, as written in Russia, Kazakhstan
 * and Armenia) or ISO (2023-07-20); the case format and the database hold ISO only. The range every date of a
 * case must fall in is here too, so the schema and the forms say the same.
 */
import { isIsoDate } from './dates';

/** No date of a case lies outside these years (a date of birth of year 1, a desertion in 2999). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2099-12-31';
export const DATE_RANGE_MESSAGE = `must be between ${EARLIEST_DATE.slice(0, 4)} and ${LATEST_DATE.slice(0, 4)}`;

// Day first, separated by dots (or slashes, dashes or spaces: a phone's number pad may lack the dot).
const DAY_FIRST = /^(\d{1,2})([./ -])(\d{1,2})\2(\d{4})$/;

/** The ISO date a person typed (`20.07.2023`, `2023-07-20`), or undefined when it names no real day. */
export function readTypedDate(typed: string): string | undefined {
  const text = typed.trim();
  const m = DAY_FIRST.exec(text);
  const iso = m ? `${m[4]}-${m[3]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : undefined;
}

/** What a date input shows for a stored ISO date. */
export function typedDate(iso: string): string {
  return isIsoDate(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** The same calendar day `years` later (earlier when negative); 29 February becomes 28 February. */
export function addYears(iso: string, years: number): string {
  const y = String(Number(iso.slice(0, 4)) + years).padStart(4, '0');
  const moved = `${y}${iso.slice(4)}`;
  return isIsoDate(moved) ? moved : `${y}-02-28`;
}
