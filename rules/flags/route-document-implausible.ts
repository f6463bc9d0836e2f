import type { RouteLeg } from '../case-schema';
import { internalPassportEntry, internalPassportSource } from '../data/host-countries';
import { formatDate } from '../dates';
import { countryName } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

type Leg = { index: number; leg: RouteLeg };

/**
 * A leg into a country that admits Russians on the internal passport only in some way (Armenia: by air), or
 * not at all (every country but Kazakhstan, Kyrgyzstan, Belarus and Armenia), made on the internal passport.
 * A leg back into Russia needs no foreign passport.
 */
function needsForeignPassport(leg: RouteLeg): boolean {
  if (leg.to === 'RU') return false;
  const entry = internalPassportEntry[leg.to];
  return entry === undefined || (entry === 'air' && leg.mode !== 'air');
}

export default defineFlag<{ legs: Leg[] }>({
  id: 'ROUTE_DOCUMENT_IMPLAUSIBLE',
  category: 'timeline',
  severity: 'warning',
  title: { en: 'Route document implausible', ru: 'Неправдоподобный документ на маршруте' },
  doc: 'A route leg made on `internal_passport` into a country that needs a foreign passport: every country except Kazakhstan, Kyrgyzstan, Belarus, and Armenia by air.',
  source: internalPassportSource,
  check({ case: c }) {
    const legs = concatMap(c.route, (leg, index) =>
      leg.documentUsed === 'internal_passport' && needsForeignPassport(leg) ? [{ index, leg }] : [],
    );
    if (legs.length === 0) return undefined;
    return {
      facts: concatMap(legs, ({ index, leg }) => [
        `route[${index}].to=${leg.to}`,
        `route[${index}].mode=${leg.mode}`,
        `route[${index}].documentUsed=internal_passport`,
      ]),
      params: { legs },
    };
  },
  message: {
    en: ({ legs }) =>
      `${legs
        .map(({ index, leg }) =>
          internalPassportEntry[leg.to] === 'air'
            ? `Leg ${index + 1} (${formatDate(leg.date, 'en')}, into ${countryName(leg.to, 'en')}) is recorded as made ${leg.mode === 'other' ? 'by other means' : labels.en.routeModes[leg.mode].toLowerCase()} on the internal passport, but that country admits Russians on it only when they arrive by air.`
            : `Leg ${index + 1} (${formatDate(leg.date, 'en')}, into ${countryName(leg.to, 'en')}) is recorded on the internal passport, but that country admits Russians only with a foreign-travel passport.`,
        )
        .join(
          ' ',
        )} Ask how he crossed: a mistaken record, another document, or an irregular crossing changes the case.`,
    ru: ({ legs }) =>
      `${legs
        .map(({ index, leg }) =>
          internalPassportEntry[leg.to] === 'air'
            ? `Отрезок ${index + 1} (${formatDate(leg.date, 'ru')}, въезд в страну ${countryName(leg.to, 'ru')}) пройден не самолётом, хотя по внутреннему паспорту туда впускают только прилетевших авиарейсом.`
            : `Отрезок ${index + 1} (${formatDate(leg.date, 'ru')}, въезд в страну ${countryName(leg.to, 'ru')}) записан по внутреннему паспорту, но туда россиян впускают только по загранпаспорту.`,
        )
        .join(
          ' ',
        )} Выясните, как он пересёк границу: ошибка в записи, другой документ или незаконный переход границы меняют всё дело.`,
  },
});
