/**
 * Places and periods of documented atrocities (domain.md, "Units and categories publicly linked to atrocities").
 * A deployment to one of these places within its window is DEPLOY_ATROCITY_WINDOW (high); a deployment only
 * to the surrounding region within the window is the same flag at `warning`.
 */
import type { Region } from '../case-schema';
import type { Text } from '../i18n';

export const reviewedOn = '2026-11-22';

export type IncidentWindow = { from: string; to: string };

export type AtrocityPlace = {
  id: string;
  name: Text;
  region: Region;
  /** Spellings that identify the place: Latin, Russian and Ukrainian, with common inflected forms. */
  spellings: readonly string[];
  window: IncidentWindow;
  source: string;
};

const KYIV_REGION_MARCH_2022: IncidentWindow = { from: '2022-02-27', to: '2022-03-31' };
const IZIUM_2022: IncidentWindow = { from: '2022-04-01', to: '2022-09-10' };
const MARIUPOL_2022: IncidentWindow = { from: '2022-03-01', to: '2022-05-20' };

const KYIV_SOURCE =
  'Reuters and New York Times investigations, via domain.md (Kyiv region, 27 Feb - 31 Mar 2022)';

export const atrocityPlaces: readonly AtrocityPlace[] = [
  {
    id: 'bucha',
    name: { en: 'Bucha', ru: 'Буча' },
    region: 'kyiv',
    spellings: ['bucha', 'buča', 'буча', 'бучи', 'буче', 'бучу', 'бучей'],
    window: KYIV_REGION_MARCH_2022,
    source: KYIV_SOURCE,
  },
  {
    id: 'irpin',
    name: { en: 'Irpin', ru: 'Ирпень' },
    region: 'kyiv',
    spellings: ['irpin', 'irpen', 'ирпень', 'ирпеня', 'ирпене', 'ирпенем', 'ірпінь', 'ірпеня', 'ірпені'],
    window: KYIV_REGION_MARCH_2022,
    source: KYIV_SOURCE,
  },
  {
    id: 'hostomel',
    name: { en: 'Hostomel', ru: 'Гостомель' },
    region: 'kyiv',
    spellings: ['hostomel', 'gostomel', 'гостомель', 'гостомеля', 'гостомеле', 'гостомелем', 'гостомелі'],
    window: KYIV_REGION_MARCH_2022,
    source: KYIV_SOURCE,
  },
  {
    id: 'borodianka',
    name: { en: 'Borodianka', ru: 'Бородянка' },
    region: 'kyiv',
    spellings: [
      'borodianka',
      'borodyanka',
      'бородянка',
      'бородянки',
      'бородянке',
      'бородянку',
      'бородянкой',
      'бородянці',
    ],
    window: KYIV_REGION_MARCH_2022,
    source: KYIV_SOURCE,
  },
  {
    id: 'izium',
    name: { en: 'Izium', ru: 'Изюм' },
    region: 'kharkiv',
    spellings: ['izium', 'izyum', 'izum', 'изюм', 'изюма', 'изюме', 'изюмом', 'ізюм', 'ізюма', 'ізюмі'],
    window: IZIUM_2022,
    source: 'Centre for Information Resilience, via domain.md (Izium, Mar-Sep 2022)',
  },
  {
    id: 'mariupol',
    name: { en: 'Mariupol', ru: 'Мариуполь' },
    region: 'donetsk',
    spellings: [
      'mariupol',
      'мариуполь',
      'мариуполя',
      'мариуполе',
      'мариуполем',
      'маріуполь',
      'маріуполя',
      'маріуполі',
    ],
    window: MARIUPOL_2022,
    source: 'domain.md: places and windows with documented atrocities (Mariupol, 1 Mar - 20 May 2022)',
  },
];

/** Region-only matches: a deployment to the region during the window of its documented atrocities. */
export const atrocityRegionWindows: Partial<Record<Region, { window: IncidentWindow; placeId: string }>> = {
  kyiv: { window: KYIV_REGION_MARCH_2022, placeId: 'bucha' },
  kharkiv: { window: IZIUM_2022, placeId: 'izium' },
  donetsk: { window: MARIUPOL_2022, placeId: 'mariupol' },
};
