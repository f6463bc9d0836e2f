/**
 * Units publicly linked to atrocities, with their incident windows. A match means manual review, never
 * automatic rejection. Each unit lists what identifies it in an interview, each part with its source: its kind
 * and number (matched however written, see unit-names.ts), its parent formation, its military unit numbers
 * (в/ч), its official names, and the common names people use for it ("Pskov division").
 */
import type { Text } from '../i18n';
import type { Citation, Source } from '../sources';
import type { Echelon, UnitBranch } from '../unit-names';
import { nytBucha, reutersBucha } from './sources';

export const reviewedOn = '2026-11-22';

export type IncidentWindow = {
  from: string;
  /** Absent: the unit's involvement is open-ended ("2022 onward"); it then lasts until today. */
  to?: string;
  where: Text;
  source: Citation;
};

type Sourced<T> = { value: T; source: Citation };

export type ImplicatedUnit = {
  id: string;
  /** How messages and the case page name it (no article). */
  name: Text;
  /** For agreement in messages: "the" before the English name; the Russian name's gender or plural. */
  grammar: { enArticle: boolean; ruGender: 'm' | 'f' | 'n' | 'pl' };
  /** Kind and number: "234th" + airborne + regiment. A `''` branch: the source names none ("204th regiment"). */
  designation?: Sourced<{ number: number; branch: UnitBranch | ''; echelon: Echelon }>;
  parent?: Sourced<Text>;
  unitNumbers: readonly Sourced<string>[];
  officialNames: readonly Sourced<string>[];
  /** Names used instead of the designation; matched word by word, any case ending ("Псковской дивизии"). */
  commonNames: readonly Sourced<string>[];
  windows: readonly IncidentWindow[];
  identifiedBy: Text;
  /** The source the flag cites: the one that links the unit to the atrocities. */
  source: Citation;
};

const radioSvoboda64: Source = {
  url: 'https://babel.ua/en/news/82755-radio-liberty-the-64th-brigade-from-the-khabarovsk-krai-famous-for-atrocities-in-bucha-is-almost-completely-destroyed',
  publisher: 'Radio Svoboda (reported by Babel)',
  date: '2022-08-10',
};
const wiki64: Source = {
  url: 'https://it.wikipedia.org/wiki/64%C2%AA_Brigata_motorizzata_fucilieri',
  publisher: 'Wikipedia (Italian): 64ª Brigata fucilieri motorizzati',
  date: '2024',
};
const euDecision2022883: Source = {
  url: 'https://eur-lex.europa.eu/eli/dec/2022/883/oj',
  publisher: 'Council of the European Union, Decision (CFSP) 2022/883',
  date: '2022-06-03',
};
const wiki234: Source = {
  url: 'https://en.wikipedia.org/wiki/234th_Guards_Air_Assault_Regiment',
  publisher: 'Wikipedia: 234th Guards Air Assault Regiment',
  date: '2024',
};
const wiki76: Source = {
  url: 'https://en.wikipedia.org/wiki/76th_Guards_Air_Assault_Division',
  publisher: 'Wikipedia: 76th Guards Air Assault Division',
  date: '2024',
};
const belsatPskov: Source = {
  url: 'https://belsat.eu/en/news/notorious-pskov-division-paratroopers-participating-in-drills-in-brest/',
  publisher: 'Belsat, "Notorious Pskov division paratroopers participating in drills in Brest"',
  date: '2018-04',
};
const plnPskov: Source = {
  url: 'http://www.pln-pskov.ru/news/37188.html',
  publisher: 'Псковская лента новостей: «234 полку Псковской десантно-штурмовой дивизии исполняется 81 год»',
  date: '2007-01-15',
};
const izium: Source = {
  url: 'https://war-evidence.mkip.gov.ua/2022/09/16/mass-grave-found-in-izium-1/',
  publisher: 'Ministry of Culture and Information Policy of Ukraine, war-evidence archive',
  date: '2022-09-16',
};
const euWagner: Source = {
  url: 'https://eur-lex.europa.eu/eli/dec/2021/2197/oj',
  publisher: 'Council of the European Union, Decision (CFSP) 2021/2197 (Wagner Group)',
  date: '2021-12-13',
};
const reutersStormZ: Source = {
  url: 'https://www.i24news.tv/en/news/ukraine-conflict/1696356292-report-exposes-horrors-of-russian-penal-units-in-ukraine',
  publisher: 'Reuters investigation of Storm-Z penal units (reported by i24NEWS)',
  date: '2023-10-03',
};
const cir204: Citation = {
  unsourced: true,
  why: {
    en: 'The Centre for Information Resilience finding on the "LPR" 204th regiment in Izium is known only from the project\'s domain notes; its public link has not been found yet.',
    ru: 'Вывод Centre for Information Resilience о 204-м полку «ЛНР» в Изюме известен только из заметок проекта; публичная ссылка пока не найдена.',
  },
};

const KYIV_MARCH_2022 = { from: '2022-02-27', to: '2022-03-31' };
/** The full-scale invasion: "2022 onward" is read as from 24 Feb 2022. */
const FULL_SCALE_WAR = '2022-02-24';
const named = (values: readonly string[], source: Citation) => values.map((value) => ({ value, source }));

export const implicatedUnits: readonly ImplicatedUnit[] = [
  {
    id: '64-omsbr',
    name: {
      en: '64th Separate Guards Motor Rifle Brigade',
      ru: '64-я отдельная гвардейская мотострелковая бригада',
    },
    grammar: { enArticle: true, ruGender: 'f' },
    designation: { value: { number: 64, branch: 'motor_rifle', echelon: 'brigade' }, source: wiki64 },
    parent: { value: { en: '35th Combined Arms Army', ru: '35-я общевойсковая армия' }, source: wiki64 },
    unitNumbers: [{ value: '51460', source: radioSvoboda64 }],
    officialNames: named(
      ['64th Separate Guards Motor Rifle Brigade', '64-я отдельная гвардейская мотострелковая бригада'],
      wiki64,
    ),
    commonNames: [],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Bucha, March 2022', ru: 'Буча, март 2022 года' },
        source: euDecision2022883,
      },
      {
        from: '2022-04-01',
        to: '2022-09-10',
        where: {
          en: 'the Izium direction (Kharkiv region), from April 2022',
          ru: 'изюмское направление (Харьковская область), с апреля 2022 года',
        },
        source: radioSvoboda64,
      },
    ],
    identifiedBy: {
      en: "Ukraine's Ministry of Defence personnel list; EU Decision 2022/883; UK and US sanctions",
      ru: 'список личного состава, опубликованный Минобороны Украины; решение ЕС 2022/883; санкции Великобритании и США',
    },
    source: euDecision2022883,
  },
  {
    id: '234-dshp',
    name: { en: '234th Guards Air Assault Regiment', ru: '234-й гвардейский десантно-штурмовой полк' },
    grammar: { enArticle: true, ruGender: 'm' },
    designation: { value: { number: 234, branch: 'airborne', echelon: 'regiment' }, source: wiki234 },
    parent: {
      value: { en: '76th Guards Air Assault Division', ru: '76-я гвардейская десантно-штурмовая дивизия' },
      source: nytBucha,
    },
    unitNumbers: [{ value: '74268', source: wiki234 }],
    officialNames: named(
      [
        '234th Guards Air Assault Chernomorsky Order of Kutuzov Regiment named after Saint Alexander Nevsky',
        '234-й гвардейский десантно-штурмовой Черноморский ордена Кутузова III степени полк имени Святого Александра Невского',
      ],
      wiki234,
    ),
    commonNames: [],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Yablunska Street, Bucha, March 2022', ru: 'улица Яблонская, Буча, март 2022 года' },
        source: nytBucha,
      },
    ],
    identifiedBy: {
      en: 'a New York Times investigation, December 2022',
      ru: 'расследование The New York Times, декабрь 2022 года',
    },
    source: nytBucha,
  },
  {
    id: '76-dshd',
    name: { en: '76th Guards Air Assault Division', ru: '76-я гвардейская десантно-штурмовая дивизия' },
    grammar: { enArticle: true, ruGender: 'f' },
    designation: { value: { number: 76, branch: 'airborne', echelon: 'division' }, source: wiki76 },
    parent: {
      value: { en: 'Russian Airborne Forces (VDV)', ru: 'Воздушно-десантные войска (ВДВ)' },
      source: wiki76,
    },
    unitNumbers: [{ value: '07264', source: wiki76 }],
    officialNames: named(
      [
        '76th Guards Chernigov Red Banner Air Assault Division',
        '76-я гвардейская десантно-штурмовая Черниговская Краснознамённая дивизия',
      ],
      wiki76,
    ),
    commonNames: [
      { value: 'Pskov division', source: belsatPskov },
      { value: 'Pskov airborne division', source: belsatPskov },
      { value: 'Псковская дивизия', source: plnPskov },
      { value: 'Псковская десантно-штурмовая дивизия', source: plnPskov },
    ],
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: { en: 'Bucha and Hostomel, March 2022', ru: 'Буча и Гостомель, март 2022 года' },
        source: reutersBucha,
      },
    ],
    identifiedBy: { en: 'a Reuters investigation, May 2022', ru: 'расследование Reuters, май 2022 года' },
    source: reutersBucha,
  },
  {
    id: 'vityaz',
    name: { en: 'Rosgvardia "Vityaz" unit', ru: 'отряд Росгвардии «Витязь»' },
    grammar: { enArticle: true, ruGender: 'm' },
    unitNumbers: [],
    officialNames: [],
    commonNames: named(['Vityaz', 'Vitiaz', 'Витязь'], reutersBucha),
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: {
          en: 'Bucha, Hostomel and Borodianka, March 2022',
          ru: 'Буча, Гостомель и Бородянка, март 2022 года',
        },
        source: reutersBucha,
      },
    ],
    identifiedBy: { en: 'a Reuters investigation, May 2022', ru: 'расследование Reuters, май 2022 года' },
    source: reutersBucha,
  },
  {
    id: 'kadyrov-units',
    name: { en: 'Chechen (Kadyrov) units', ru: 'чеченские (кадыровские) подразделения' },
    grammar: { enArticle: false, ruGender: 'pl' },
    unitNumbers: [],
    officialNames: [],
    commonNames: named(
      ['Kadyrov', 'Kadyrovtsy', 'Кадыров', 'Кадыровцы', 'Akhmat', 'Ahmat', 'Ахмат'],
      reutersBucha,
    ),
    windows: [
      {
        ...KYIV_MARCH_2022,
        where: {
          en: 'Bucha, Hostomel and Borodianka, March 2022',
          ru: 'Буча, Гостомель и Бородянка, март 2022 года',
        },
        source: reutersBucha,
      },
    ],
    identifiedBy: { en: 'a Reuters investigation, May 2022', ru: 'расследование Reuters, май 2022 года' },
    source: reutersBucha,
  },
  {
    id: 'lpr-204',
    name: { en: '"LPR" 204th regiment (5th battalion)', ru: '204-й полк «ЛНР» (5-й батальон)' },
    grammar: { enArticle: true, ruGender: 'm' },
    designation: { value: { number: 204, branch: '', echelon: 'regiment' }, source: cir204 },
    unitNumbers: [],
    officialNames: [],
    commonNames: [],
    windows: [
      {
        // Russian forces attacked Izium from early March 2022 and held it until its liberation on 10 September.
        from: '2022-03-01',
        to: '2022-09-10',
        where: { en: 'Izium, March to September 2022', ru: 'Изюм, март — сентябрь 2022 года' },
        source: izium,
      },
    ],
    identifiedBy: { en: 'the Centre for Information Resilience', ru: 'Centre for Information Resilience' },
    source: cir204,
  },
  {
    id: 'wagner',
    name: { en: 'PMC Wagner', ru: 'ЧВК «Вагнер»' },
    grammar: { enArticle: false, ruGender: 'f' },
    unitNumbers: [],
    officialNames: [],
    commonNames: named(['Wagner', 'Vagner', 'Вагнер', 'Вагнера', 'ЧВК Вагнер'], euWagner),
    windows: [
      {
        from: FULL_SCALE_WAR,
        where: { en: 'Ukraine, 2022 onward', ru: 'Украина, с 2022 года' },
        source: euWagner,
      },
    ],
    identifiedBy: { en: 'EU sanctions and reporting', ru: 'санкции ЕС и публикации в СМИ' },
    source: euWagner,
  },
  {
    id: 'storm',
    name: { en: 'Storm-Z and Storm-V penal assault units', ru: 'штурмовые отряды «Шторм-Z» и «Шторм-V»' },
    grammar: { enArticle: true, ruGender: 'pl' },
    unitNumbers: [],
    officialNames: [],
    commonNames: named(['Storm Z', 'Storm V', 'Шторм Z', 'Шторм V', 'Шторм З', 'Шторм В'], reutersStormZ),
    windows: [
      {
        from: FULL_SCALE_WAR,
        where: { en: 'Ukraine, 2022 onward', ru: 'Украина, с 2022 года' },
        source: reutersStormZ,
      },
    ],
    identifiedBy: { en: 'EU sanctions and reporting', ru: 'санкции ЕС и публикации в СМИ' },
    source: reutersStormZ,
  },
];
