import type { ImplicatedUnit, IncidentWindow } from '../data/implicated-units';
import { formatDate, periodsOverlap } from '../dates';
import type { Period } from '../facts';
import { type Locale, listText } from '../i18n';
import { concatMap, unique } from '../lists';
import { defineFlag, type RuleContext } from '../rule';
import type { MatchedBy } from '../unit-match';
import { matchedByText, ruAgree, unitName } from '../unit-words';

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

const span = (from: string, to: string, locale: Locale) =>
  `${formatDate(from, locale)} – ${formatDate(to, locale)}`;

export const windowText = (w: IncidentWindow, locale: Locale) =>
  `${w.where[locale]} (${formatDate(w.from, locale)} – ${w.to ? formatDate(w.to, locale) : locale === 'en' ? 'ongoing' : 'по сей день'})`;

/** His unit is linked to atrocities and he was deployed while they happened: manual review, never rejection. */
export default defineFlag<{ unit: ImplicatedUnit; by: MatchedBy; overlaps: Overlap[] }>({
  id: 'UNIT_IMPLICATED',
  category: 'unit',
  severity: 'high',
  title: {
    en: 'Unit linked to atrocities, present in the window',
    ru: 'Часть связана с военными преступлениями, он был там в это время',
  },
  doc: "The unit or unit number matches a unit linked to atrocities and a deployment overlaps that unit's incident window.",
  check(ctx) {
    return concatMap(ctx.facts.unitMatches, ({ unit, by, fact }) => {
      const found = overlaps(unit, ctx);
      if (found.length === 0) return [];
      const facts = [fact, ...found.map(({ period: p }) => `deployments[${p.index}]=${p.from}..${p.to}`)];
      return [{ facts: unique(facts), params: { unit, by, overlaps: found }, source: unit.source }];
    });
  },
  message: {
    en: ({ unit, by, overlaps: found }) => {
      const periods = unique(found.map((o) => span(o.period.from, o.period.to, 'en')));
      return `He served in ${unitName(unit, 'en')} (recognised ${matchedByText(by, 'en')}), publicly linked to atrocities: ${listText(
        unique(found.map((o) => windowText(o.window, 'en'))),
        'en',
      )}, as identified by ${unit.identifiedBy.en}. His ${periods.length === 1 ? 'deployment' : 'deployments'} ${listText(periods, 'en')} ${periods.length === 1 ? 'overlaps' : 'overlap'} that period. This calls for a careful manual review of where he was and what he did, not for automatic rejection.`;
    },
    ru: ({ unit, by, overlaps: found }) => {
      const periods = unique(found.map((o) => span(o.period.from, o.period.to, 'ru')));
      return `Его часть — ${unitName(unit, 'ru')} (определена ${matchedByText(by, 'ru')}), ${ruAgree(unit, { m: 'публично связанный', f: 'публично связанная', n: 'публично связанное', pl: 'публично связанные' })} с военными преступлениями: ${listText(
        unique(found.map((o) => windowText(o.window, 'ru'))),
        'ru',
      )}; источник: ${unit.identifiedBy.ru}. ${periods.length === 1 ? 'Его командировка' : 'Его командировки'} ${listText(periods, 'ru')} ${periods.length === 1 ? 'совпадает' : 'совпадают'} с этим периодом. Это повод для тщательной ручной проверки того, где он был и что делал, а не для автоматического отказа.`;
    },
  },
});
