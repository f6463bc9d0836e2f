import type { CaseFile } from '../case-schema';
import { formatDate } from '../dates';
import type { Text } from '../i18n';
import { concatMap, unique } from '../lists';
import { defineFlag } from '../rule';

type Contradiction = { facts: string[]; text: Text };

/**
 * Dates that contradict each other, each listed in one flag:
 * - a deployment before enlistment; desertion before enlistment (not for evaders, who by definition fled
 *   before enlisting);
 * - a criminal case opened before he left (strictly before: a case opened the day he left is plausible);
 * - for a deserter, a first route leg out of Russia before the day he left;
 * - any event date after today (expiry and end-of-stay dates are future by nature and not checked);
 * - a period ending before it starts (a deployment, or the current stay).
 */
function findContradictions(c: CaseFile, today: string): Contradiction[] {
  const found: Contradiction[] = [];
  // Dates as each language writes them: the `D` in the English text, `R` in the Russian.
  const D = (date: string | undefined) => (date === undefined ? '' : formatDate(date, 'en'));
  const R = (date: string | undefined) => (date === undefined ? '' : formatDate(date, 'ru'));
  function add(facts: string[], en: string, ru: string) {
    found.push({ facts, text: { en, ru } });
  }
  const { enlistedOn } = c.service;
  const { leftOn, kind } = c.desertion;

  c.deployments.forEach((d, i) => {
    if (enlistedOn && d.from < enlistedOn)
      add(
        [`deployments[${i}].from=${d.from}`, `service.enlistedOn=${enlistedOn}`],
        `deployment ${i + 1} starts (${D(d.from)}) before he enlisted (${D(enlistedOn)})`,
        `командировка ${i + 1} начинается (${R(d.from)}) раньше, чем он поступил на службу (${R(enlistedOn)})`,
      );
    if (d.to !== undefined && d.to < d.from)
      add(
        [`deployments[${i}].from=${d.from}`, `deployments[${i}].to=${d.to}`],
        `deployment ${i + 1} ends (${D(d.to)}) before it starts (${D(d.from)})`,
        `командировка ${i + 1} заканчивается (${R(d.to)}) раньше, чем начинается (${R(d.from)})`,
      );
  });
  if (kind !== 'evader' && enlistedOn && leftOn && leftOn < enlistedOn)
    add(
      [`desertion.leftOn=${leftOn}`, `service.enlistedOn=${enlistedOn}`],
      `he left (${D(leftOn)}) before he enlisted (${D(enlistedOn)})`,
      `он ушёл (${R(leftOn)}) раньше, чем поступил на службу (${R(enlistedOn)})`,
    );
  if (leftOn) {
    c.persecution.criminalCases.forEach((cc, i) => {
      if (cc.openedOn && cc.openedOn < leftOn)
        add(
          [`persecution.criminalCases[${i}].openedOn=${cc.openedOn}`, `desertion.leftOn=${leftOn}`],
          `the criminal case under art. ${cc.article} was opened (${D(cc.openedOn)}) before he left (${D(leftOn)})`,
          `уголовное дело по ст. ${cc.article} возбуждено (${R(cc.openedOn)}) раньше, чем он ушёл (${R(leftOn)})`,
        );
    });
    const exit = c.route.findIndex((leg) => leg.from === 'RU');
    const leg = c.route[exit];
    if (kind === 'deserter' && leg && leg.date < leftOn)
      add(
        [`route[${exit}].date=${leg.date}`, `desertion.leftOn=${leftOn}`],
        `he crossed out of Russia (${D(leg.date)}) before he left his unit (${D(leftOn)})`,
        `он выехал из России (${R(leg.date)}) раньше, чем ушёл из части (${R(leftOn)})`,
      );
  }
  const { since, stayEndsOn } = c.currentStay;
  if (stayEndsOn && stayEndsOn < since)
    add(
      [`currentStay.since=${since}`, `currentStay.stayEndsOn=${stayEndsOn}`],
      `the current stay ends (${D(stayEndsOn)}) before it starts (${D(since)})`,
      `текущее пребывание заканчивается (${R(stayEndsOn)}) раньше, чем начинается (${R(since)})`,
    );

  for (const [path, date] of futureDates(c, today)) {
    const name = pathName(path);
    add(
      [`${path}=${date}`],
      `${name.en} (${D(date)}) is after today`,
      `${name.ru} (${R(date)}): эта дата ещё не наступила`,
    );
  }
  return found;
}

/** What a dated path is, in words a caseworker reads (the path itself stays in `facts`). */
function pathName(path: string): Text {
  const all = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  if (path === 'person.dateOfBirth') return { en: 'the date of birth', ru: 'дата рождения' };
  if (path === 'service.enlistedOn') return { en: 'the enlistment', ru: 'поступление на службу' };
  if (path === 'desertion.leftOn') return { en: 'the day he left', ru: 'дата ухода' };
  if (path === 'currentStay.since')
    return { en: 'the start of the current stay', ru: 'начало нынешнего пребывания' };
  if (path.endsWith('.from'))
    return { en: `the start of deployment ${all[0]}`, ru: `начало командировки ${all[0]}` };
  if (path.endsWith('.to'))
    return { en: `the end of deployment ${all[0]}`, ru: `конец командировки ${all[0]}` };
  if (path.endsWith('.openedOn'))
    return { en: `the opening of criminal case ${all[0]}`, ru: `возбуждение уголовного дела ${all[0]}` };
  if (path.startsWith('route')) return { en: `route leg ${all[0]}`, ru: `отрезок маршрута ${all[0]}` };
  if (path.endsWith('.filedOn'))
    return {
      en: `application ${all[1]} to destination ${all[0]}`,
      ru: `заявление ${all[1]} (страна назначения ${all[0]})`,
    };
  return { en: `interview ${all[0]}`, ru: `интервью ${all[0]}` };
}

/**
 * Dates of things that have already happened but lie after today, by path. Plain loops, and a path is built
 * only for a date found: this runs for every case and finds something in few.
 */
function futureDates(c: CaseFile, today: string): [string, string][] {
  const found: [string, string][] = [];
  const after = (date: string | undefined): date is string => date !== undefined && date > today;
  if (after(c.person.dateOfBirth)) found.push(['person.dateOfBirth', c.person.dateOfBirth]);
  if (after(c.service.enlistedOn)) found.push(['service.enlistedOn', c.service.enlistedOn]);
  if (after(c.desertion.leftOn)) found.push(['desertion.leftOn', c.desertion.leftOn]);
  if (after(c.currentStay.since)) found.push(['currentStay.since', c.currentStay.since]);
  for (let i = 0; i < c.deployments.length; i++) {
    const d = c.deployments[i]!;
    if (after(d.from)) found.push([`deployments[${i}].from`, d.from]);
    if (after(d.to)) found.push([`deployments[${i}].to`, d.to]);
  }
  for (let i = 0; i < c.persecution.criminalCases.length; i++) {
    const { openedOn } = c.persecution.criminalCases[i]!;
    if (after(openedOn)) found.push([`persecution.criminalCases[${i}].openedOn`, openedOn]);
  }
  for (let i = 0; i < c.route.length; i++) {
    const { date } = c.route[i]!;
    if (after(date)) found.push([`route[${i}].date`, date]);
  }
  for (let i = 0; i < c.destinations.length; i++) {
    const applications = c.destinations[i]!.applications ?? [];
    for (let j = 0; j < applications.length; j++) {
      const { filedOn } = applications[j]!;
      if (after(filedOn)) found.push([`destinations[${i}].applications[${j}].filedOn`, filedOn]);
    }
  }
  for (let i = 0; i < c.verification.interviews.length; i++) {
    const { on } = c.verification.interviews[i]!;
    if (after(on)) found.push([`verification.interviews[${i}].on`, on]);
  }
  return found;
}

export default defineFlag<{ contradictions: Contradiction[] }>({
  id: 'TIMELINE_INCONSISTENT',
  category: 'timeline',
  severity: 'high',
  title: { en: 'Dates contradict each other', ru: 'Даты противоречат друг другу' },
  doc: 'Dates contradict: deployment or desertion before enlistment, case before leaving, exit before leaving, a date after today, a period ending before it starts.',
  check({ case: c, today }) {
    const contradictions = findContradictions(c, today);
    if (contradictions.length === 0) return undefined;
    return { facts: unique(concatMap(contradictions, (x) => x.facts)), params: { contradictions } };
  },
  message: {
    en: ({ contradictions }) =>
      `The dates contradict each other: ${contradictions.map((x) => x.text.en).join('; ')}. Correct a typing error, or ask him about it: an inconsistent story is a reason for caution.`,
    ru: ({ contradictions }) =>
      `Даты противоречат друг другу: ${contradictions.map((x) => x.text.ru).join('; ')}. Исправьте опечатку или спросите его об этом: несостыковки в рассказе — повод для осторожности.`,
  },
});
