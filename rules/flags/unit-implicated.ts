import type { ImplicatedUnit, IncidentWindow } from '../data/implicated-units';
import { periodsOverlap } from '../dates';
import type { Period } from '../facts';
import { listText } from '../i18n';
import { defineFlag, type RuleContext } from '../rule';

type Overlap = { window: IncidentWindow; period: Period };

/** Deployment periods that overlap one of the unit's incident windows (inclusive; open windows last until today). */
export function overlaps(unit: ImplicatedUnit, ctx: RuleContext): Overlap[] {
  const found: Overlap[] = [];
  for (const window of unit.windows) {
    for (const period of ctx.facts.periods) {
      if (periodsOverlap(period.from, period.to, window.from, window.to ?? ctx.today))
        found.push({ window, period });
    }
  }
  return found;
}

const windowText = (w: IncidentWindow, locale: 'en' | 'ru') =>
  `${w.where[locale]} (${w.from} – ${w.to ?? (locale === 'en' ? 'ongoing' : 'по сей день')})`;

/** His unit is linked to atrocities and he was deployed while they happened: manual review, never rejection. */
export default defineFlag<{ unit: ImplicatedUnit; said: string; overlaps: Overlap[] }>({
  id: 'UNIT_IMPLICATED',
  category: 'unit',
  severity: 'high',
  doc: "The unit matches a unit linked to atrocities and a deployment overlaps that unit's incident window.",
  check(ctx) {
    return ctx.facts.unitMatches.flatMap(({ unit, by }) => {
      const found = overlaps(unit, ctx);
      if (found.length === 0) return [];
      const facts = [by, ...found.map(({ period: p }) => `deployments[${p.index}]=${p.from}..${p.to}`)];
      return [
        { facts: [...new Set(facts)], params: { unit, said: by, overlaps: found }, source: unit.source },
      ];
    });
  },
  message: {
    en: ({ unit, overlaps: found }) =>
      `His unit is the ${unit.name.en}, publicly linked to atrocities: ${listText(
        [...new Set(found.map((o) => windowText(o.window, 'en')))],
        'en',
      )} (identified by ${unit.identifiedBy}). His deployment ${listText(
        [...new Set(found.map((o) => `${o.period.from} – ${o.period.to}`))],
        'en',
      )} overlaps that window. This calls for a careful manual review of where he was and what he did, not for automatic rejection.`,
    ru: ({ unit, overlaps: found }) =>
      `Его часть — ${unit.name.ru}, публично связанная с военными преступлениями: ${listText(
        [...new Set(found.map((o) => windowText(o.window, 'ru')))],
        'ru',
      )} (установлено: ${unit.identifiedBy}). Его командировка ${listText(
        [...new Set(found.map((o) => `${o.period.from} – ${o.period.to}`))],
        'ru',
      )} пересекается с этим периодом. Это повод для тщательной ручной проверки того, где он был и что делал, а не для автоматического отказа.`,
  },
});
