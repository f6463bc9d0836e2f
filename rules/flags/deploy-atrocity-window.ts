import type { Deployment } from '../case-schema';
import { type AtrocityPlace, atrocityPlaces, atrocityRegionWindows } from '../data/atrocity-places';
import { formatDate, periodsOverlap } from '../dates';
import type { Locale, Text } from '../i18n';
import { labels } from '../labels';
import { concatMap, memoByText } from '../lists';
import { defineFlag } from '../rule';

type Hit = { index: number; deployment: Deployment; to: string; place: AtrocityPlace; exact: boolean };

// Spellings indexed once: a place matches when any word of the deployment's place is one of its spellings.
const placeBySpelling = new Map<string, AtrocityPlace>();
for (const place of atrocityPlaces) for (const s of place.spellings) placeBySpelling.set(s, place);
const placeById = new Map(atrocityPlaces.map((p) => [p.id, p]));

const findAtrocityPlace = memoByText((text: string): AtrocityPlace | undefined => {
  for (const word of text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}]+/u)) {
    const place = placeBySpelling.get(word);
    if (place) return place;
  }
  return undefined;
});

/** Places sharing the region and window, for the region-only message ("Bucha, Irpin, Hostomel, Borodianka"). */
function namesLike(place: AtrocityPlace, locale: Locale): string {
  return atrocityPlaces
    .filter((p) => p.region === place.region && p.window === place.window)
    .map((p) => p.name[locale])
    .join(', ');
}

// Named once per place and locale when the module loads: the reference data is fixed, messages are many.
const placesLikeText = new Map<AtrocityPlace, Text>(
  atrocityPlaces.map((place) => [place, { en: namesLike(place, 'en'), ru: namesLike(place, 'ru') }]),
);
const placesLike = (place: AtrocityPlace, locale: Locale) =>
  placesLikeText.get(place)?.[locale] ?? namesLike(place, locale);

/**
 * A deployment to a documented atrocity place within its window is high; a deployment only to the region
 * (kyiv: Bucha window, kharkiv: Izium, donetsk: Mariupol) within the window is a warning. One flag for the
 * case, at the most severe level found, naming every deployment concerned. Overlap includes both endpoints.
 */
export default defineFlag<{ hits: Hit[] }>({
  id: 'DEPLOY_ATROCITY_WINDOW',
  category: 'deployment',
  severity: 'high',
  title: {
    en: 'Deployed where and when atrocities were documented',
    ru: 'Был там, где и когда зафиксированы преступления',
  },
  doc: "A deployment's place is a documented atrocity place within its window (high), or only its region is (warning).",
  check({ case: c, facts }) {
    const hits: Hit[] = [];
    for (const { index, from, to } of facts.periods) {
      const deployment = c.deployments[index]!;
      const place = deployment.place ? findAtrocityPlace(deployment.place) : undefined;
      if (place && periodsOverlap(from, to, place.window.from, place.window.to)) {
        hits.push({ index, deployment, to, place, exact: true });
        continue;
      }
      const regional = atrocityRegionWindows[deployment.region];
      if (regional && periodsOverlap(from, to, regional.window.from, regional.window.to)) {
        hits.push({ index, deployment, to, place: placeById.get(regional.placeId)!, exact: false });
      }
    }
    if (hits.length === 0) return undefined;
    const exact = hits.some((h) => h.exact);
    return {
      severity: exact ? 'high' : 'warning',
      facts: concatMap(hits, (h) => [
        `deployments[${h.index}].region=${h.deployment.region}`,
        ...(h.deployment.place ? [`deployments[${h.index}].place=${h.deployment.place}`] : []),
        `deployments[${h.index}]=${h.deployment.from}..${h.to}`,
      ]),
      params: { hits },
      source: (hits.find((h) => h.exact) ?? hits[0]!).place.source,
    };
  },
  message: {
    en: ({ hits }) =>
      `${hits
        .map((h) => {
          const where = `${labels.en.regions[h.deployment.region]}${h.deployment.place ? `, ${h.deployment.place}` : ''}`;
          const span = `${formatDate(h.deployment.from, 'en')} – ${formatDate(h.to, 'en')}`;
          const window = `${formatDate(h.place.window.from, 'en')} – ${formatDate(h.place.window.to, 'en')}`;
          return h.exact
            ? `Deployment ${h.index + 1} (${where}, ${span}) was in ${h.place.name.en} while atrocities were documented there (${window}).`
            : `Deployment ${h.index + 1} (${where}, ${span}) overlaps the atrocities documented in that region (${placesLike(h.place, 'en')}, ${window}); ${h.deployment.place ? 'the place itself is not on the list' : 'no place is recorded'}.`;
        })
        .join(' ')} Establish exactly where he was and what he did there.`,
    ru: ({ hits }) =>
      `${hits
        .map((h) => {
          const where = `${labels.ru.regions[h.deployment.region]}${h.deployment.place ? `, ${h.deployment.place}` : ''}`;
          const span = `${formatDate(h.deployment.from, 'ru')} – ${formatDate(h.to, 'ru')}`;
          const window = `${formatDate(h.place.window.from, 'ru')} – ${formatDate(h.place.window.to, 'ru')}`;
          return h.exact
            ? `Командировка ${h.index + 1} (${where}, ${span}): он был в населённом пункте ${h.place.name.ru} в то время, когда там были зафиксированы преступления (${window}).`
            : `Командировка ${h.index + 1} (${where}, ${span}) совпадает по времени с преступлениями, зафиксированными в этой области (${placesLike(h.place, 'ru')}, ${window}); ${h.deployment.place ? 'сам населённый пункт в списке не значится' : 'населённый пункт не записан'}.`;
        })
        .join(' ')} Нужно точно установить, где он был и что там делал.`,
  },
});
