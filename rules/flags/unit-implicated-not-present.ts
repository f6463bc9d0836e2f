import type { ImplicatedUnit } from '../data/implicated-units';
import { listText } from '../i18n';
import { defineFlag } from '../rule';
import { overlaps } from './unit-implicated';

/** His unit is linked to atrocities, but none of his deployments falls in the window: it speaks in his favour. */
export default defineFlag<{ unit: ImplicatedUnit; deployed: boolean }>({
  id: 'UNIT_IMPLICATED_NOT_PRESENT',
  category: 'unit',
  severity: 'info',
  doc: 'The unit matches a unit linked to atrocities, but no deployment overlaps its incident windows.',
  source:
    'Seed 004 (BBC Russian): "If I know the unit wasn\'t part of the invasion at the time... it speaks in his favour"',
  check(ctx) {
    return ctx.facts.unitMatches.flatMap(({ unit, by }) =>
      overlaps(unit, ctx).length > 0
        ? []
        : [
            {
              facts: [by, `deployments.length=${ctx.case.deployments.length}`],
              params: { unit, deployed: ctx.case.deployments.length > 0 },
              source: unit.source,
            },
          ],
    );
  },
  message: {
    en: ({ unit, deployed }) =>
      `His unit is the ${unit.name.en}, linked to atrocities in ${listText(
        unit.windows.map((w) => w.where.en),
        'en',
      )}, but ${deployed ? 'none of his deployments overlaps those periods' : 'he was never deployed'}. That speaks in his favour; confirm his dates with the unit cross-check.`,
    ru: ({ unit, deployed }) =>
      `Его часть — ${unit.name.ru}, связанная с преступлениями (${listText(
        unit.windows.map((w) => w.where.ru),
        'ru',
      )}), но ${deployed ? 'ни одна его командировка не пересекается с этими периодами' : 'на фронте он не был'}. Это говорит в его пользу; подтвердите даты сверкой по части.`,
  },
});
