import type { CaseFile } from '../case-schema';
import type { Text } from '../i18n';
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
export function findContradictions(c: CaseFile, today: string): Contradiction[] {
  const found: Contradiction[] = [];
  function add(facts: string[], en: string, ru: string) {
    found.push({ facts, text: { en, ru } });
  }
  const { enlistedOn } = c.service;
  const { leftOn, kind } = c.desertion;

  c.deployments.forEach((d, i) => {
    if (enlistedOn && d.from < enlistedOn)
      add(
        [`deployments[${i}].from=${d.from}`, `service.enlistedOn=${enlistedOn}`],
        `deployment ${i + 1} starts (${d.from}) before he enlisted (${enlistedOn})`,
        `командировка ${i + 1} начинается (${d.from}) раньше, чем он поступил на службу (${enlistedOn})`,
      );
    if (d.to !== undefined && d.to < d.from)
      add(
        [`deployments[${i}].from=${d.from}`, `deployments[${i}].to=${d.to}`],
        `deployment ${i + 1} ends (${d.to}) before it starts (${d.from})`,
        `командировка ${i + 1} заканчивается (${d.to}) раньше, чем начинается (${d.from})`,
      );
  });
  if (kind !== 'evader' && enlistedOn && leftOn && leftOn < enlistedOn)
    add(
      [`desertion.leftOn=${leftOn}`, `service.enlistedOn=${enlistedOn}`],
      `he left (${leftOn}) before he enlisted (${enlistedOn})`,
      `он ушёл (${leftOn}) раньше, чем поступил на службу (${enlistedOn})`,
    );
  if (leftOn) {
    c.persecution.criminalCases.forEach((cc, i) => {
      if (cc.openedOn && cc.openedOn < leftOn)
        add(
          [`persecution.criminalCases[${i}].openedOn=${cc.openedOn}`, `desertion.leftOn=${leftOn}`],
          `the criminal case under art. ${cc.article} was opened (${cc.openedOn}) before he left (${leftOn})`,
          `уголовное дело по ст. ${cc.article} возбуждено (${cc.openedOn}) раньше, чем он ушёл (${leftOn})`,
        );
    });
    const exit = c.route.findIndex((leg) => leg.from === 'RU');
    const leg = c.route[exit];
    if (kind === 'deserter' && leg && leg.date < leftOn)
      add(
        [`route[${exit}].date=${leg.date}`, `desertion.leftOn=${leftOn}`],
        `he crossed out of Russia (${leg.date}) before he left his unit (${leftOn})`,
        `он выехал из России (${leg.date}) раньше, чем ушёл из части (${leftOn})`,
      );
  }
  const { since, stayEndsOn } = c.currentStay;
  if (stayEndsOn && stayEndsOn < since)
    add(
      [`currentStay.since=${since}`, `currentStay.stayEndsOn=${stayEndsOn}`],
      `the current stay ends (${stayEndsOn}) before it starts (${since})`,
      `текущее пребывание заканчивается (${stayEndsOn}) раньше, чем начинается (${since})`,
    );

  for (const [path, date] of futureDates(c, today)) {
    add([`${path}=${date}`], `${path} (${date}) is after today`, `${path} (${date}) — дата в будущем`);
  }
  return found;
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
    return { facts: [...new Set(contradictions.flatMap((x) => x.facts))], params: { contradictions } };
  },
  message: {
    en: ({ contradictions }) =>
      `The dates contradict each other: ${contradictions.map((x) => x.text.en).join('; ')}. Correct a typing error, or ask him about it: an inconsistent story is a reason for caution.`,
    ru: ({ contradictions }) =>
      `Даты противоречат друг другу: ${contradictions.map((x) => x.text.ru).join('; ')}. Исправьте опечатку или спросите его об этом: несостыковки в рассказе — повод для осторожности.`,
  },
});
