import type { RouteLeg } from '../case-schema';
import { apDesertersHideAbroad } from '../data/sources';
import { formatDate } from '../dates';
import { listText, lowerLabel } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

type Params = { wantedList: 'interstate' | 'interpol' | undefined; incidents: RouteLeg[] };

/**
 * Russia puts deserters on CIS interstate wanted lists (Interpol refuses Red Notices for military offences),
 * which is how people are pulled off planes at Kazakh airports (seeds 002, 003).
 */
export default defineFlag<Params>({
  id: 'WANTED_TRAVEL_RISK',
  category: 'passport',
  severity: 'high',
  title: { en: 'Wanted abroad: travel risk', ru: 'Розыск за рубежом: опасно ехать' },
  doc: 'Wanted list `interstate` or `interpol`, or a route incident `removed_from_flight` or `detained`.',
  source: apDesertersHideAbroad,
  check({ case: c }) {
    const { wantedList } = c.persecution;
    const listed = wantedList === 'interstate' || wantedList === 'interpol' ? wantedList : undefined;
    const legs = concatMap(c.route, (leg, i) =>
      leg.incident === 'removed_from_flight' || leg.incident === 'detained' ? [{ leg, i }] : [],
    );
    if (!listed && legs.length === 0) return undefined;
    return {
      facts: [
        ...(listed ? [`persecution.wantedList=${listed}`] : []),
        ...legs.map(({ leg, i }) => `route[${i}].incident=${leg.incident}`),
      ],
      params: { wantedList: listed, incidents: legs.map(({ leg }) => leg) },
    };
  },
  message: {
    en: ({ wantedList, incidents }) => {
      const why = [
        ...(wantedList ? [`he is on the ${labels.en.wantedLists[wantedList]}`] : []),
        ...incidents.map(
          (l) =>
            `he was ${labels.en.routeIncidents[l.incident].toLowerCase()} on ${formatDate(l.date, 'en')} (${l.from} → ${l.to})`,
        ),
      ];
      return `Travel risk: ${listText(why, 'en')}. No travel through CIS airports or borders without a lawyer's clearance: people on these lists are taken off planes and handed to Russia.`;
    },
    ru: ({ wantedList, incidents }) => {
      const why = [
        ...(wantedList
          ? [
              `он объявлен в ${wantedList === 'interpol' ? 'розыск Интерпола' : lowerLabel(labels.ru.wantedLists[wantedList])}`,
            ]
          : []),
        ...incidents.map(
          (l) =>
            `${formatDate(l.date, 'ru')} (${l.from} → ${l.to}) он ${labels.ru.routeIncidents[l.incident].toLowerCase()}`,
        ),
      ];
      return `Опасно ехать: ${listText(why, 'ru')}. Никаких перелётов и пересечений границ через страны СНГ без согласования с юристом: людей из таких списков снимают с рейсов и выдают России.`;
    },
  },
});
