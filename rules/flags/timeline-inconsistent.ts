import type { CaseFile } from '../case-schema';
import { formatDate } from '../dates';
import type { Text } from '../i18n';
import { concatMap } from '../lists';
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

/** Dates of things that have already happened but lie after today, by path (paths built only when needed). */
function futureDates(c: CaseFile, today: string): [string, string][] {
  const found: [string, string][] = [];
  const check = (date: string | undefined, path: () => string) => {
    if (date !== undefined && date > today) found.push([path(), date]);
  };
  check(c.person.dateOfBirth, () => 'person.dateOfBirth');
  check(c.service.enlistedOn, () => 'service.enlistedOn');
  check(c.desertion.leftOn, () => 'desertion.leftOn');
  check(c.currentStay.since, () => 'currentStay.since');
  c.deployments.forEach((d, i) => {
    check(d.from, () => `deployments[${i}].from`);
    check(d.to, () => `deployments[${i}].to`);
  });
  c.persecution.criminalCases.forEach((cc, i) => {
    check(cc.openedOn, () => `persecution.criminalCases[${i}].openedOn`);
  });
  c.route.forEach((leg, i) => {
    check(leg.date, () => `route[${i}].date`);
  });
  c.destinations.forEach((d, i) => {
    d.applications?.forEach((a, j) => {
      check(a.filedOn, () => `destinations[${i}].applications[${j}].filedOn`);
    });
  });
  c.verification.interviews.forEach((iv, i) => {
    check(iv.on, () => `verification.interviews[${i}].on`);
  });
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
    return { facts: [...new Set(concatMap(contradictions, (x) => x.facts))], params: { contradictions } };
  },
  message: {
    en: ({ contradictions }) =>
      `The dates contradict each other: ${contradictions.map((x) => x.text.en).join('; ')}. Correct a typing error, or ask him about it: an inconsistent story is a reason for caution.`,
    ru: ({ contradictions }) =>
      `Даты противоречат друг другу: ${contradictions.map((x) => x.text.ru).join('; ')}. Исправьте опечатку или спросите его об этом: несостыковки в рассказе — повод для осторожности.`,
  },
});
