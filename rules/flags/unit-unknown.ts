import { atrocityPlaces, atrocityRegionWindows } from '../data/atrocity-places';
import { formatDate, periodsOverlap } from '../dates';
import { type Locale, listText, type Text } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';
import { readUnitText } from '../unit-match';
import type { Designation } from '../unit-names';
import { echelonName } from '../unit-words';

type Region = keyof typeof atrocityRegionWindows;
type AtRisk = { index: number; region: Region; from: string; to: string };
type Params = {
  /** The unit and unit number as recorded, for the reader to compare with what was read. */
  said: string | undefined;
  /** What the text was read as: its numbers with their kind, and unit numbers. */
  designations: Designation[];
  unitNumbers: string[];
  atRisk: AtRisk[];
};

function readText({ designations, unitNumbers }: Params, locale: Locale): string {
  const parts = [
    ...designations.map((d) => `${d.number} (${echelonName(d.echelon, locale)})`),
    ...unitNumbers.map((n) => (locale === 'en' ? `military unit number ${n}` : `номер в/ч ${n}`)),
  ];
  if (parts.length === 0)
    return locale === 'en'
      ? 'no unit number and no number with a kind of unit (brigade, regiment, division...) could be read from it'
      : 'ни номера в/ч, ни номера с типом части (бригада, полк, дивизия...) из этого текста прочитать не удалось';
  return locale === 'en'
    ? `it was read as ${listText(parts, 'en')}, and no unit in the reference data has that`
    : `из этого текста прочитано: ${listText(parts, 'ru')}, и ни одна часть из справочных данных этому не соответствует`;
}

/** The documented places of a region ("Bucha, Irpin, ..."), named in a locale. */
function regionPlaces(region: Region, locale: Locale): string {
  return atrocityPlaces
    .filter((p) => p.region === region)
    .map((p) => p.name[locale])
    .join(', ');
}

// Named once per region and locale when the module loads: the reference data is fixed, messages are many.
const regionPlacesText = new Map<Region, Text>(
  atrocityPlaces.map((p) => [
    p.region,
    { en: regionPlaces(p.region, 'en'), ru: regionPlaces(p.region, 'ru') },
  ]),
);

function atRiskText(atRisk: AtRisk[], locale: Locale): string {
  if (atRisk.length === 0) return '';
  const where = atRisk.map((r) => {
    const places = regionPlacesText.get(r.region)?.[locale] ?? regionPlaces(r.region, locale);
    const w = atrocityRegionWindows[r.region]!.window;
    return `${labels[locale].regions[r.region]} (${places}; ${formatDate(w.from, locale)} – ${formatDate(w.to, locale)})`;
  });
  return locale === 'en'
    ? ` He was deployed in ${listText(where, 'en')} while atrocities were documented there: establish which unit he served in before anything else.`
    : ` Его командировка пришлась на место и время задокументированных военных преступлений: ${listText(where, 'ru')}. Прежде всего установите, в какой части он служил.`;
}

/** No unit given, or one the reference data does not know: that is not a clearance, and says what was read. */
export default defineFlag<Params>({
  id: 'UNIT_UNKNOWN',
  category: 'unit',
  severity: 'info',
  title: { en: 'Unit not in reference data', ru: 'Части нет в справочных данных' },
  doc: 'No unit or unit number given, or the unit is not in the reference data: manual cross-check needed. The message says what was read, and names any deployment in a documented atrocity region and window.',
  check({ case: c, facts: derived }) {
    if (derived.unitMatches.length > 0) return undefined;
    const { unit, unitNumber } = c.service;
    const atRisk: AtRisk[] = concatMap(derived.periods, ({ index, from, to }) => {
      const region = c.deployments[index]!.region as Region;
      const regional = atrocityRegionWindows[region];
      return regional && periodsOverlap(from, to, regional.window.from, regional.window.to)
        ? [{ index, region, from, to }]
        : [];
    });
    const read = unit === undefined ? undefined : readUnitText(unit);
    const facts = [
      `service.unit=${unit ?? '(none)'}`,
      `service.unitNumber=${unitNumber ?? '(none)'}`,
      ...atRisk.map((r) => `deployments[${r.index}].region=${r.region}`),
    ];
    return {
      facts,
      params: {
        said: [unit, unitNumber && `в/ч ${unitNumber}`].filter(Boolean).join(', ') || undefined,
        designations: read?.designations ?? [],
        unitNumbers: [...new Set([...(read?.unitNumbers ?? []), ...(unitNumber ? [unitNumber] : [])])],
        atRisk,
      },
    };
  },
  message: {
    en: (p) =>
      (p.said
        ? `The unit "${p.said}" is not among the units Waypost links to atrocities: ${readText(p, 'en')}. That does not clear him: cross-check by hand where his unit was, and when.`
        : 'No unit or unit number is recorded. Ask for both (the military unit number, в/ч, is on most papers) and cross-check the unit by hand.') +
      atRiskText(p.atRisk, 'en'),
    ru: (p) =>
      (p.said
        ? `Части «${p.said}» нет среди частей, которые Waypost связывает с военными преступлениями: ${readText(p, 'ru')}. Это не снимает подозрений: где и когда была его часть, нужно сверить вручную.`
        : 'Ни часть, ни номер в/ч не записаны. Спросите и то и другое (номер в/ч указан в большинстве документов) и сверьте часть вручную.') +
      atRiskText(p.atRisk, 'ru'),
  },
});
