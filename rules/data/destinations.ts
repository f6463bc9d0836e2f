/**
 * What each destination offers a Russian deserter applying from abroad, as of mid-2026. The verdict rules in
 * rules/destinations/ read these facts.
 */

import type { Text } from '../i18n';
import type { Citation } from '../sources';
import type { CountryCode } from './countries';
import { bbcRussianDesertion, dwNotAgainstUkraine } from './sources';

export const reviewedOn = '2026-11-22';

export type DestinationFacts = { note: Text; source: Citation };

export const france: DestinationFacts = {
  note: {
    en: 'Asylum is claimed only on French soil (OFPRA); from abroad the route is a visa for asylum purposes from a French consulate. The CNDA (20 Jul 2023) accepts deserters and evaders as refugees if they prove actual call-up or service. France admitted six passportless deserters from Kazakhstan in 2024.',
    ru: 'Убежище во Франции просят только на её территории (OFPRA); из-за рубежа путь — виза для получения убежища во французском консульстве. CNDA (решение от 20.07.2023) признаёт дезертиров и уклонистов беженцами, если они докажут реальный призыв или службу. В 2024 году Франция приняла шестерых дезертиров без загранпаспортов из Казахстана.',
  },
  source: bbcRussianDesertion,
};

export const germanyWorkStudy: DestinationFacts = {
  note: {
    en: 'A German work or study visa is applied for at the embassies in Yerevan or Belgrade and needs a travel document; a work visa also needs a job offer. The Reiseausweis für Ausländer is issued only when a passport cannot reasonably be obtained.',
    ru: 'Рабочую или учебную визу в Германию подают в посольствах в Ереване или Белграде; нужен проездной документ, для рабочей визы — ещё и предложение о работе. Reiseausweis für Ausländer выдают, только если получить паспорт невозможно.',
  },
  source: dwNotAgainstUkraine,
};

export const germanyHumanitarian: DestinationFacts = {
  note: {
    en: 'German humanitarian admission (§22 AufenthG) needs a particular interest of Germany in admitting the person (in practice, an outstanding public commitment such as human-rights work) plus an individual danger, so it rarely fits a deserter.',
    ru: 'Гуманитарный приём в Германии (§22 AufenthG) возможен при особой заинтересованности Германии в приёме человека (на практике — заметная общественная, например правозащитная, деятельность) и личной угрозе ему, поэтому дезертирам он подходит редко.',
  },
  source: {
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__22.html',
    publisher: 'German Federal Ministry of Justice: Residence Act (AufenthG), section 22',
    date: '2004-07-30',
  },
};

export const unitedStates: DestinationFacts = {
  note: {
    en: 'The United States is not a route from abroad: refugee admissions are suspended since 27 Jan 2025 and asylum is claimed only in the US or at a port of entry.',
    ru: 'США — не вариант из-за рубежа: приём беженцев приостановлен с 27.01.2025, а убежище просят только на территории США или на пункте въезда.',
  },
  source: {
    url: 'https://www.whitehouse.gov/presidential-actions/2025/01/realigning-the-united-states-refugee-admissions-program/',
    publisher:
      'The White House: Executive Order 14163, Realigning the United States Refugee Admissions Program',
    date: '2025-01-20',
  },
};

export const noVisaRoute: DestinationFacts = {
  note: {
    en: 'There is no visa route: asylum is claimed only on arrival. Waypost never recommends irregular crossings.',
    ru: 'Визового пути нет: убежище просят только по прибытии. Waypost никогда не советует нелегальное пересечение границы.',
  },
  source: {
    url: 'https://www.gov.uk/claim-asylum',
    publisher: 'GOV.UK: Claim asylum in the UK',
    date: '2026',
  },
};
export const noVisaRouteCountries: ReadonlySet<CountryCode> = new Set<CountryCode>(['GB', 'NL']);

export const closedToRussians: DestinationFacts = {
  note: {
    en: 'Closed to Russians since autumn 2022, save rare individual cases.',
    ru: 'Закрыта для россиян с осени 2022 года, за редкими индивидуальными исключениями.',
  },
  source: {
    unsourced: true,
    why: {
      en: 'The closure of these borders to Russians is not yet backed by a public source in the reference data.',
      ru: 'Закрытие этих границ для россиян в справочных данных пока не подкреплено публичным источником.',
    },
  },
};
export const closedToRussiansCountries: ReadonlySet<CountryCode> = new Set<CountryCode>([
  'LT',
  'LV',
  'EE',
  'PL',
  'FI',
  'CZ',
]);

export const asylumInCountry: DestinationFacts = {
  note: {
    en: 'Asylum in a country is claimed only on its soil.',
    ru: 'Убежище в стране просят только на её территории.',
  },
  source: bbcRussianDesertion,
};

export const otherDestinations: DestinationFacts = {
  note: {
    en: 'Waypost has no reference data on this route: check the current practice with a partner organisation before promising anything.',
    ru: 'У Waypost нет справочных данных об этом пути: прежде чем что-то обещать, уточните текущую практику у партнёрской организации.',
  },
  source: {
    unsourced: true,
    why: {
      en: 'There is no reference data on this route, so there is nothing to cite.',
      ru: 'Справочных данных об этом пути нет, поэтому ссылаться не на что.',
    },
  },
};

/** Schengen visas need a travel document; without one the realistic route is a national humanitarian or asylum visa. */
export const schengenWithoutPassport: DestinationFacts = {
  note: {
    en: 'Without a valid passport, a Schengen route needs a national humanitarian or asylum visa. A new Russian passport is often impossible with a criminal case open; the German Reiseausweis für Ausländer is issued only when a passport cannot reasonably be obtained; Germany has issued a temporary travel document with a work visa.',
    ru: 'Без действующего паспорта шенгенский путь возможен только по национальной гуманитарной визе или визе для получения убежища. Новый российский паспорт при открытом уголовном деле часто получить невозможно; немецкий Reiseausweis für Ausländer выдают, только если паспорт получить нельзя; Германия выдавала временный проездной документ вместе с рабочей визой.',
  },
  source: dwNotAgainstUkraine,
};
