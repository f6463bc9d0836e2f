// Sample material for the generated cases of both benchmarks (`npm run bench:rules` here, `npm run bench`
// in bench/): a seeded generator, and the countries and units the cases pick from.
import type { CountryCode } from '../data/countries';

/** mulberry32: a small seeded generator, so every run works on the same cases. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Host, transit and destination countries, safe and dangerous. */
export const sampleCountries = [
  'RU',
  'KZ',
  'KG',
  'AM',
  'BY',
  'GE',
  'RS',
  'TR',
  'FR',
  'DE',
  'US',
  'GB',
  'NL',
  'PL',
  'LV',
  'IT',
] as const satisfies readonly CountryCode[];

/** Units as people write them: implicated ones in several spellings, and near misses that must not match. */
export const sampleUnits = [
  '64 ОМСБр',
  '64th Separate Guards Motor Rifle Brigade',
  '58th Combined Arms Army signals brigade',
  'ЧВК Вагнер',
  '234 гв. дшп',
  'в/ч 51460',
  '164th brigade',
  '1st Guards Tank Army repair battalion',
];
