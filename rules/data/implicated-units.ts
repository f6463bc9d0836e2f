/**
 * Units publicly linked to atrocities, with their incident windows (domain.md, "Units and categories publicly
 * linked to atrocities"). A match means manual review, never automatic rejection. Matched by military unit
 * number (в/ч), by designation (number + branch + echelon, see unit-names.ts), or by a distinctive name.
 */
import type { Text } from '../i18n';
import type { Designation } from '../unit-names';

export const reviewedOn = '2026-11-22';

export type IncidentWindow = {
  from: string;
  /** Absent: the unit's involvement is open-ended ("2022 onward"); it then lasts until today. */
  to?: string;
  where: Text;
};

export type ImplicatedUnit = {
  id: string;
  name: Text;
  designation?: Designation;
  unitNumbers: readonly string[];
  /** Distinctive names, lower case, as word sequences; a word matches by prefix ("вагнер" matches "вагнера"). */
  names: readonly string[];
  windows: readonly IncidentWindow[];
  identifiedBy: string;
  source: string;
};

const KYIV_MARCH_2022 = { from: '2022-02-27', to: '2022-03-31' };
/** The full-scale invasion: "2022 onward" is read as from 24 Feb 2022. */
const FULL_SCALE_WAR = '2022-02-24';

export const implicatedUnits: readonly ImplicatedUnit[] = [
  {
    id: '64-omsbr',
    name: {
      en: '64th Separate Guards Motor Rifle Brigade',
      ru: '64-я отдельная гвардейская мотострелковая бригада',
    },
    designation: { number: 64, branch: 'motor_rifle', echelon: 'brigade' },
    unitNumbers: ['51460'],
    names: [],
    windows: [
      { ...KYIV_MARCH_2022, where: { en: 'Bucha, March 2022', ru: 'Буча, март 2022' } },
      {
        from: '2022-04-01',
        to: '2022-09-10',
        where: {
          en: 'Izium direction (Kharkiv region), from April 2022',
          ru: 'Изюмское направление (Харьковская область), с апреля 2022',
        },
      },
    ],
    identifiedBy: 'Ukrainian MoD personnel list; EU Decision 2022/883; UK and US sanctions',
    source:
      'https://babel.ua/en/news/82755-radio-liberty-the-64th-brigade-from-the-khabarovsk-krai-famous-for-atrocities-in-bucha-is-almost-completely-destroyed',
  },
  {
    id: '234-dshp',
    name: { en: '234th Guards Air Assault Regiment', ru: '234-й гвардейский десантно-штурмовой полк' },
    designation: { number: 234, branch: 'airborne', echelon: 'regiment' },
    unitNumbers: ['74268'],
    names: [],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Yablunska St, Bucha, March 2022', ru: 'ул. Яблонская, Буча, март 2022' },
      },
    ],
    identifiedBy: 'New York Times investigation, Dec 2022',
    source: 'domain.md: New York Times investigation, Dec 2022 (234th regiment on Yablunska St, Bucha)',
  },
  {
    id: '76-dshd',
    name: { en: '76th Guards Air Assault Division', ru: '76-я гвардейская десантно-штурмовая дивизия' },
    designation: { number: 76, branch: 'airborne', echelon: 'division' },
    unitNumbers: ['07264'],
    names: [],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Bucha and Hostomel, March 2022', ru: 'Буча и Гостомель, март 2022' },
      },
    ],
    identifiedBy: 'Reuters',
    source: 'domain.md: Reuters (76th Division in Bucha and Hostomel)',
  },
  {
    id: 'vityaz',
    name: { en: 'Rosgvardia "Vityaz"', ru: 'Росгвардия, «Витязь»' },
    unitNumbers: [],
    names: ['vityaz', 'vitiaz', 'витязь', 'витяз'],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Bucha, Hostomel, Borodianka, March 2022', ru: 'Буча, Гостомель, Бородянка, март 2022' },
      },
    ],
    identifiedBy: 'Reuters',
    source: 'domain.md: Reuters (Rosgvardia units in Bucha, Hostomel, Borodianka)',
  },
  {
    id: 'kadyrov-units',
    name: { en: 'Chechen (Kadyrov) units', ru: 'чеченские (кадыровские) подразделения' },
    unitNumbers: [],
    names: ['kadyrov', 'кадыров', 'akhmat', 'ahmat', 'ахмат'],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Bucha, Hostomel, Borodianka, March 2022', ru: 'Буча, Гостомель, Бородянка, март 2022' },
      },
    ],
    identifiedBy: 'Reuters',
    source: 'domain.md: Reuters (Chechen units in Bucha, Hostomel, Borodianka)',
  },
  {
    id: 'lpr-204',
    name: { en: '"LPR" 204th regiment (5th battalion)', ru: '204-й полк «ЛНР» (5-й батальон)' },
    designation: { number: 204, branch: '', echelon: 'regiment' },
    unitNumbers: [],
    names: [],
    windows: [
      {
        from: '2022-03-01',
        to: '2022-09-30',
        where: { en: 'Izium, March-September 2022', ru: 'Изюм, март–сентябрь 2022' },
      },
    ],
    identifiedBy: 'Centre for Information Resilience',
    source: 'domain.md: Centre for Information Resilience ("LPR" 204th regiment in Izium)',
  },
  {
    id: 'wagner',
    name: { en: 'PMC Wagner', ru: 'ЧВК «Вагнер»' },
    unitNumbers: [],
    names: ['wagner', 'vagner', 'вагнер'],
    windows: [{ from: FULL_SCALE_WAR, where: { en: 'Ukraine, 2022 onward', ru: 'Украина, с 2022 года' } }],
    identifiedBy: 'EU sanctions; reporting',
    source: 'domain.md: EU sanctions (PMC Wagner)',
  },
  {
    id: 'storm',
    name: { en: 'Storm-Z / Storm-V penal assault units', ru: 'штурмовые отряды «Шторм-Z» / «Шторм-V»' },
    unitNumbers: [],
    names: ['storm z', 'storm v', 'шторм z', 'шторм v', 'шторм з', 'шторм в'],
    windows: [{ from: FULL_SCALE_WAR, where: { en: 'Ukraine, 2022 onward', ru: 'Украина, с 2022 года' } }],
    identifiedBy: 'EU sanctions; reporting',
    source: 'domain.md: EU sanctions and reporting (Storm-Z / Storm-V)',
  },
];
