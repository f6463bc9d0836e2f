// The second line of redaction. The section builders leave out what a profile withholds; this pass then
// replaces any withheld value that is still quoted in free text (a flag's message names the unit, a
// supervisor's reason names the town, or his surname in another spelling) and, where the profile keeps dates
// to the month, shortens every date.
import type { CaseFile } from '../../rules/case-schema';
import type { Locale } from '../../rules/i18n';
import { dayInEveryLocale, daysToMonths, formatDay, formatMonthOf } from '../i18n/dates';
import { nameScrubber } from './names';
import type { ProfileRules } from './profiles';

/** A case-fact date as the profile shows it, in the summary's language: the day, or only the month. */
export function profileDate(date: string, rules: ProfileRules, locale: Locale): string {
  return rules.exactDates ? formatDay(date, locale) : formatMonthOf(date, locale);
}

/** Every value of the case file this profile withholds, as it could appear in text. */
function withheldValues(file: CaseFile, rules: ProfileRules): string[] {
  const values: (string | undefined)[] = [];
  const { person, service } = file;
  if (!rules.names) {
    values.push(person.fullName, person.fullNameNative, ...file.documents.map((d) => d.number));
    if (person.dateOfBirth) values.push(...dayInEveryLocale(person.dateOfBirth));
  }
  if (!rules.dependants) values.push(...(person.dependants ?? []).map((d) => d.relation));
  if (!rules.unit) values.push(service.unit, service.unitNumber);
  if (!rules.places) values.push(...file.deployments.map((d) => d.place));
  if (!rules.statement) values.push(file.desertion.statement);
  if (!rules.documentNotes) values.push(...file.documents.map((d) => d.note));
  if (!rules.knowledgeTopics) values.push(...file.verification.knowledgeChecks.map((k) => k.topic));
  if (!rules.vouchedBy) values.push(...(file.verification.vouchedBy ?? []));
  // Longest first, so a value containing another is replaced whole.
  return [...new Set(values.filter((v): v is string => !!v && v.trim().length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function that takes withheld values (and, by profile, days of dates) out of a text. */
export function scrubber(
  file: CaseFile,
  rules: ProfileRules,
  mark: string,
  locale: Locale,
): (text: string) => string {
  const values = withheldValues(file, rules);
  const pattern = values.length
    ? new RegExp(values.map((v) => escapeRegExp(v.trim())).join('|'), 'giu')
    : null;
  // Where names are withheld, so is each of his names quoted on its own, in any spelling or case ending.
  const names = rules.names
    ? (text: string) => text
    : nameScrubber([file.person.fullName, file.person.fullNameNative], [file.person.pseudonym], mark);
  return (text) => {
    const scrubbed = pattern ? text.replace(pattern, mark) : text;
    return rules.exactDates ? names(scrubbed) : daysToMonths(names(scrubbed), locale);
  };
}
