/**
 * Places and periods of documented atrocities. A deployment to one of these places within its window is
 * DEPLOY_ATROCITY_WINDOW (high); a deployment only to the surrounding region within the window is the same flag
 * at `warning`.
 */
import type { Region } from '../case-schema';
import type { Text } from '../i18n';
import type { Source } from '../sources';
import { reutersBucha } from './sources';

export const reviewedOn = '2026-11-22';

export type IncidentWindow = { from: string; to: string };

export type AtrocityPlace = {
  id: string;
  name: Text;
  region: Region;
  /** Spellings that identify the place: Latin, Russian and Ukrainian, with common inflected forms. */
  spellings: readonly string[];
  window: IncidentWindow;
  source: Source;
};

const KYIV_REGION_MARCH_2022: IncidentWindow = { from: '2022-02-27', to: '2022-03-31' };
/**
 * Izium: from the start of the Russian assault on the town in early March 2022 (its air strikes and shelling
 * killed many of the civilians found in the mass burial site) to its liberation on 10 September 2022. The
 * earlier data began on 1 April, the day the town fell; its source said March to September, and is right.
 */
const IZIUM_2022: IncidentWindow = { from: '2022-03-01', to: '2022-09-10' };
const MARIUPOL_2022: IncidentWindow = { from: '2022-03-01', to: '2022-05-20' };

const KYIV_SOURCE = reutersBucha;
const IZIUM_SOURCE: Source = {
  url: 'https://war-evidence.mkip.gov.ua/2022/09/16/mass-grave-found-in-izium-1/',
  publisher: 'Ministry of Culture and Information Policy of Ukraine, war-evidence archive',
  date: '2022-09-16',
};
const MARIUPOL_SOURCE: Source = {
  url: 'https://www.ohchr.org/en/statements/2022/06/high-commissioner-updates-human-rights-council-mariupol-ukraine',
  publisher: 'UN High Commissioner for Human Rights, update on Mariupol',
  date: '2022-06-16',
};

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
    source: IZIUM_SOURCE,
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
    source: MARIUPOL_SOURCE,
  },
];

/** Region-only matches: a deployment to the region during the window of its documented atrocities. */
export const atrocityRegionWindows: Partial<Record<Region, { window: IncidentWindow; placeId: string }>> = {
  kyiv: { window: KYIV_REGION_MARCH_2022, placeId: 'bucha' },
  kharkiv: { window: IZIUM_2022, placeId: 'izium' },
  donetsk: { window: MARIUPOL_2022, placeId: 'mariupol' },
};
