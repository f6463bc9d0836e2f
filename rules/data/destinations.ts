/**
 * What each destination offers a Russian deserter applying from abroad (domain.md, "Destinations and
 * pathways", as of mid-2026). The verdict rules in rules/destinations/ read these facts.
 */

import type { Text } from '../i18n';
import type { CountryCode } from './countries';

export const reviewedOn = '2026-11-22';

export type DestinationFacts = { note: Text; source: string };

export const france: DestinationFacts = {
  note: {
    en: 'Asylum is claimed only on French soil (OFPRA); from abroad the route is a visa for asylum purposes from a French consulate. The CNDA (20 Jul 2023) accepts deserters and evaders as refugees if they prove actual call-up or service. France admitted six passportless deserters from Kazakhstan in 2024.',
    ru: 'Убежище во Франции просят только на её территории (OFPRA); из-за рубежа путь — виза для получения убежища во французском консульстве. CNDA (решение от 20.07.2023) признаёт дезертиров и уклонистов беженцами, если они докажут реальный призыв или службу. В 2024 году Франция приняла шестерых дезертиров без загранпаспортов из Казахстана.',
  },
  source: 'Seed 004 (BBC Russian); domain.md: Destinations (France)',
};

export const germanyWorkStudy: DestinationFacts = {
  note: {
    en: 'A German work or study visa is applied for at the embassies in Yerevan or Belgrade and needs a travel document; a work visa also needs a job offer. The Reiseausweis für Ausländer is issued only when a passport cannot reasonably be obtained.',
    ru: 'Рабочую или учебную визу в Германию подают в посольствах в Ереване или Белграде; нужен проездной документ, для рабочей визы — ещё и предложение о работе. Reiseausweis für Ausländer выдают, только если получить паспорт невозможно.',
  },
  source: 'Seed 003 (DW, "Not against Ukraine"): job offer, temporary travel document and work visa',
};

export const germanyHumanitarian: DestinationFacts = {
  note: {
    en: 'German humanitarian admission (§22 AufenthG) needs an outstanding commitment plus individual danger, so it rarely fits a deserter.',
    ru: 'Гуманитарный приём в Германии (§22 AufenthG) требует выдающихся заслуг и личной угрозы, поэтому дезертирам подходит редко.',
  },
  source: 'domain.md: Destinations (Germany, §22 AufenthG)',
};

export const unitedStates: DestinationFacts = {
  note: {
    en: 'The United States is not a route from abroad: refugee admissions are suspended since 27 Jan 2025 and asylum is claimed only in the US or at a port of entry.',
    ru: 'США — не вариант из-за рубежа: приём беженцев приостановлен с 27.01.2025, а убежище просят только на территории США или на пункте въезда.',
  },
  source: 'domain.md: Destinations (United States)',
};

export const noVisaRoute: DestinationFacts = {
  note: {
    en: 'There is no visa route: asylum is claimed only on arrival. Waypost never recommends irregular crossings.',
    ru: 'Визового пути нет: убежище просят только по прибытии. Waypost никогда не советует нелегальное пересечение границы.',
  },
  source: 'domain.md: Destinations (United Kingdom, Netherlands); Seed 000',
};
export const noVisaRouteCountries: ReadonlySet<CountryCode> = new Set<CountryCode>(['GB', 'NL']);

export const closedToRussians: DestinationFacts = {
  note: {
    en: 'Closed to Russians since autumn 2022, save rare individual cases.',
    ru: 'Закрыта для россиян с осени 2022 года, за редкими индивидуальными исключениями.',
  },
  source: 'domain.md: Destinations (Baltic states, Poland, Finland, Czechia)',
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
  source: 'domain.md: Destinations',
};

export const otherDestinations: DestinationFacts = {
  note: {
    en: 'Waypost has no reference data on this route: check the current practice with a partner organisation before promising anything.',
    ru: 'У Waypost нет справочных данных об этом пути: прежде чем что-то обещать, уточните текущую практику у партнёрской организации.',
  },
  source: 'domain.md: Destinations',
};

/** Schengen visas need a travel document; without one the realistic route is a national humanitarian or asylum visa. */
export const schengenWithoutPassport: DestinationFacts = {
  note: {
    en: 'Without a valid passport, a Schengen route needs a national humanitarian or asylum visa. A new Russian passport is often impossible with a criminal case open; the German Reiseausweis für Ausländer is issued only when a passport cannot reasonably be obtained; Germany has issued a temporary travel document with a work visa.',
    ru: 'Без действующего паспорта шенгенский путь возможен только по национальной гуманитарной визе или визе для получения убежища. Новый российский паспорт при открытом уголовном деле часто получить невозможно; немецкий Reiseausweis für Ausländer выдают, только если паспорт получить нельзя; Германия выдавала временный проездной документ вместе с рабочей визой.',
  },
  source: 'Seed 003 (DW); Seed 004 (BBC Russian); domain.md: Destinations (Schengen visas)',
};
