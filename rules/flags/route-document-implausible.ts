import type { RouteLeg } from '../case-schema';
import { foreignPassportCountries, source } from '../data/foreign-passport-countries';
import { countryName } from '../i18n';
import { defineFlag } from '../rule';

type Leg = { index: number; leg: RouteLeg };

/** A leg into a country that admits Russians only on a foreign-travel passport, made on the internal passport. */
export default defineFlag<{ legs: Leg[] }>({
  id: 'ROUTE_DOCUMENT_IMPLAUSIBLE',
  category: 'timeline',
  severity: 'warning',
  doc: 'A route leg into GE, RS, ME, TR, MN, UZ or any EU country made on `internal_passport`.',
  source,
  check({ case: c }) {
    const legs = c.route.flatMap((leg, index) =>
      leg.documentUsed === 'internal_passport' && foreignPassportCountries.has(leg.to)
        ? [{ index, leg }]
        : [],
    );
    if (legs.length === 0) return undefined;
    return {
      facts: legs.flatMap(({ index, leg }) => [
        `route[${index}].to=${leg.to}`,
        `route[${index}].documentUsed=internal_passport`,
      ]),
      params: { legs },
    };
  },
  message: {
    en: ({ legs }) =>
      `${legs
        .map(
          ({ index, leg }) =>
            `Leg ${index + 1} (${leg.date}, into ${countryName(leg.to, 'en')}) is recorded on the internal passport, but that country admits Russians only with a foreign-travel passport.`,
        )
        .join(
          ' ',
        )} Ask how he crossed: a mistaken record, another document, or an irregular crossing changes the case.`,
    ru: ({ legs }) =>
      `${legs
        .map(
          ({ index, leg }) =>
            `Отрезок ${index + 1} (${leg.date}, въезд: ${countryName(leg.to, 'ru')}) записан по внутреннему паспорту, но эта страна впускает россиян только по загранпаспорту.`,
        )
        .join(
          ' ',
        )} Выясните, как он пересёк границу: ошибка в записи, другой документ или нелегальный переход меняют дело.`,
  },
});
