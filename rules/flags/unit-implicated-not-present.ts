import type { ImplicatedUnit } from '../data/implicated-units';
import { bbcRussianDesertion } from '../data/sources';
import { listText } from '../i18n';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';
import type { MatchedBy } from '../unit-match';
import { matchedByText, ruAgree, unitName } from '../unit-words';
import { overlaps, windowText } from './unit-implicated';

/** His unit is linked to atrocities, but none of his deployments falls in the window: it speaks in his favour. */
export default defineFlag<{ unit: ImplicatedUnit; by: MatchedBy; deployed: boolean }>({
  id: 'UNIT_IMPLICATED_NOT_PRESENT',
  category: 'unit',
  severity: 'info',
  title: {
    en: 'Unit linked to atrocities, but he was not there then',
    ru: 'Часть связана с военными преступлениями, но его там тогда не было',
  },
  doc: 'The unit matches a unit linked to atrocities, but no deployment overlaps its incident windows.',
  source: bbcRussianDesertion,
  check(ctx) {
    return concatMap(ctx.facts.unitMatches, ({ unit, by, fact }) =>
      overlaps(unit, ctx).length > 0
        ? []
        : [
            {
              facts: [fact, `deployments.length=${ctx.case.deployments.length}`],
              params: { unit, by, deployed: ctx.case.deployments.length > 0 },
              source: unit.source,
            },
          ],
    );
  },
  message: {
    en: ({ unit, by, deployed }) =>
      `He served in ${unitName(unit, 'en')} (recognised ${matchedByText(by, 'en')}), linked to atrocities: ${listText(
        unit.windows.map((w) => windowText(w, 'en')),
        'en',
      )}. But ${deployed ? 'none of his deployments overlaps those periods' : 'he was never deployed'}. That speaks in his favour; confirm his dates with the unit cross-check.`,
    ru: ({ unit, by, deployed }) =>
      `Его часть — ${unitName(unit, 'ru')} (определена ${matchedByText(by, 'ru')}), ${ruAgree(unit, { m: 'связанный', f: 'связанная', n: 'связанное', pl: 'связанные' })} с военными преступлениями: ${listText(
        unit.windows.map((w) => windowText(w, 'ru')),
        'ru',
      )}. Но ${deployed ? 'ни одна его командировка не совпадает с этими периодами' : 'в зоне боевых действий он не был'}. Это говорит в его пользу; подтвердите даты сверкой по части.`,
  },
});
