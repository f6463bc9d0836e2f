/**
 * Dates that cannot be right within one part of a case: an event after today, a period ending before it
 * starts, a date of birth that gives an impossible age. Each part is checked on its own (a form holds one part,
 * so its errors go beside its fields; an imported file is checked part by part). Contradictions across parts
 * (a deployment before enlistment) stay a flag (TIMELINE_INCONSISTENT): either date may be the wrong one.
 * Pure: today is passed in. "Today" allows a day ahead, for a user whose day has begun before UTC's.
 */
import type { CaseFile } from './case-schema';
import { addYears } from './date-input';
import { addDays } from './dates';

/** The age a date of birth may give: younger than this cannot have served, older is a typing error. */
const MIN_AGE = 14;
const MAX_AGE = 100;

export const dateMessages = {
  future: 'must not be after today',
  beforeStart: 'must not be before the start',
  birth: `must give an age from ${MIN_AGE} to ${MAX_AGE}`,
} as const;

interface DateProblem {
  field: string;
  message: string;
}

type Dates = Record<string, unknown>;
const iso = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A check of one part: its date fields that cannot be right, each with its problem. */
export type DateCheck = (value: Dates, today: string) => DateProblem[];

/** Fields holding things that have already happened, and pairs of a period's start and end. */
function check(past: string[], periods: [string, string][] = []): DateCheck {
  return (value, today) => {
    const latest = addDays(today, 1);
    const out: DateProblem[] = [];
    for (const field of past) {
      const date = iso(value[field]);
      if (date !== undefined && date > latest) out.push({ field, message: dateMessages.future });
    }
    for (const [start, end] of periods) {
      const from = iso(value[start]);
      const to = iso(value[end]);
      if (from !== undefined && to !== undefined && to < from && !out.some((p) => p.field === end))
        out.push({ field: end, message: dateMessages.beforeStart });
    }
    return out;
  };
}

const personDates: DateCheck = (value, today) => {
  const born = iso(value.dateOfBirth);
  if (born === undefined) return [];
  const ok = born >= addYears(today, -MAX_AGE - 1) && born <= addYears(today, -MIN_AGE);
  return ok ? [] : [{ field: 'dateOfBirth', message: dateMessages.birth }];
};

/** The check of each part of the case format that holds dates, by the part's name. */
export const dateChecks = {
  person: personDates,
  service: check(['enlistedOn']),
  desertion: check(['leftOn']),
  deployment: check(['from', 'to'], [['from', 'to']]),
  criminalCase: check(['openedOn']),
  routeLeg: check(['date']),
  currentStay: check(['since'], [['since', 'stayEndsOn']]),
  application: check(['filedOn']),
  interview: check(['on']),
} satisfies Record<string, DateCheck>;

/** Every part's date problems in a whole case file, by path (as rules/parse.ts names them). */
export function caseDateProblems(file: CaseFile, today: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const add = (path: string, value: Dates, checkPart: DateCheck) => {
    for (const p of checkPart(value, today)) out.push({ path: `${path}.${p.field}`, message: p.message });
  };
  add('person', file.person, dateChecks.person);
  add('service', file.service, dateChecks.service);
  add('desertion', file.desertion, dateChecks.desertion);
  add('currentStay', file.currentStay, dateChecks.currentStay);
  for (const [i, d] of file.deployments.entries()) add(`deployments[${i}]`, d, dateChecks.deployment);
  for (const [i, c] of file.persecution.criminalCases.entries())
    add(`persecution.criminalCases[${i}]`, c, dateChecks.criminalCase);
  for (const [i, leg] of file.route.entries()) add(`route[${i}]`, leg, dateChecks.routeLeg);
  for (const [i, d] of file.destinations.entries())
    for (const [j, a] of (d.applications ?? []).entries())
      add(`destinations[${i}].applications[${j}]`, a, dateChecks.application);
  for (const [i, v] of file.verification.interviews.entries())
    add(`verification.interviews[${i}]`, v, dateChecks.interview);
  return out;
}
