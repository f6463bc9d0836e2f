/**
 * Countries deserters stay in on the way out: what entry needs, how long a stay lasts, and how dangerous the
 * country is for a deserter (domain.md, "Host countries"). Danger: `critical` never a transit, `high` has handed
 * or let deserters be taken back to Russia, `medium` safer but not safe.
 */

import type { Text } from '../i18n';
import type { Citation, Source } from '../sources';
import type { CountryCode } from './countries';
import { bbcRussianDesertion, tassInternalPassport } from './sources';

export const reviewedOn = '2026-11-22';

export type HostCountry = {
  stayLimit: Text;
  danger: 'critical' | 'high' | 'medium';
  why: Text;
  source: Citation;
};

const bishkekHerald: Source = {
  url: 'https://bishkekherald.com/2023/11/28/rights-defenders-assess-probability-of-extradition-of-chechen-movlaev-from-kyrgyzstan/',
  publisher: 'The Bishkek Herald (from Caucasian Knot)',
  date: '2023-11-28',
};
const meduzaTurkey: Source = {
  url: 'https://meduza.io/en/feature/2023/01/23/maybe-uncle-vova-asked-erdogan-to-make-our-lives-harder',
  publisher: 'Meduza',
  date: '2023-01-23',
};
const rferlSerbia: Source = {
  url: 'https://www.rferl.org/a/serbia-russia-extradition-war-ukraine/33620718.html',
  publisher: 'Radio Free Europe/Radio Liberty, Balkan Service',
  date: '2025-12',
};
const shortStayUnsourced: Citation = {
  unsourced: true,
  why: {
    en: 'The length of a visa-free stay is not yet backed by a public source in the reference data.',
    ru: 'Срок безвизового пребывания в справочных данных пока не подкреплён публичным источником.',
  },
};
const belarusUnsourced: Citation = {
  unsourced: true,
  why: {
    en: "That Belarus hands deserters to Russia is the project's judgement, not yet backed by a public source.",
    ru: 'То, что Беларусь выдаёт дезертиров России, — оценка проекта, пока не подкреплённая публичным источником.',
  },
};

export const hostCountries: Partial<Record<CountryCode, HostCountry>> = {
  KZ: {
    stayLimit: { en: '90 days in any 180', ru: '90 дней в течение любых 180' },
    danger: 'high',
    why: {
      en: 'Kazakhstan deported the deserter Zhilin in December 2022, refused refugee status to 11 deserters, and handed the asylum seeker Bazhukov to the Russian military on 2 February 2026',
      ru: 'Казахстан депортировал дезертира Жилина в декабре 2022 года, отказал в статусе беженца 11 дезертирам, а 2 февраля 2026 года передал российским военным просителя убежища Бажукова',
    },
    source: {
      url: 'https://zona.media/article/2026/02/12/kz2026',
      publisher: 'Mediazona',
      date: '2026-02-12',
    },
  },
  KG: {
    stayLimit: { en: '90 days in any 180', ru: '90 дней в течение любых 180' },
    danger: 'high',
    why: {
      en: 'Kyrgyzstan detains Russians wanted at home on various pretexts, shares face-recognition data with Russia and almost never grants refugee status',
      ru: 'Киргизия под разными предлогами задерживает россиян, которых ищут на родине, обменивается с Россией данными систем распознавания лиц и почти никогда не предоставляет статус беженца',
    },
    source: bishkekHerald,
  },
  AM: {
    stayLimit: { en: '180 days a year', ru: '180 дней в году' },
    danger: 'high',
    why: {
      en: 'Russian military police from the Gyumri base seized deserters in Armenia in December 2023 and April 2024',
      ru: 'Российская военная полиция с базы в Гюмри задерживала дезертиров в Армении в декабре 2023 и апреле 2024 года',
    },
    source: {
      url: 'https://meduza.io/en/news/2023/12/10/russian-military-police-arrest-russian-citizen-in-armenia-on-desertion-charges',
      publisher: 'Meduza',
      date: '2023-12-10',
    },
  },
  BY: {
    stayLimit: { en: 'no limit for Russians', ru: 'для граждан России без ограничения' },
    danger: 'critical',
    why: {
      en: "Belarus is Russia's ally and hands people over; it is never a safe place to stay or pass through",
      ru: 'Беларусь — союзник России и выдаёт людей; там нельзя ни оставаться, ни следовать транзитом',
    },
    source: belarusUnsourced,
  },
  GE: {
    stayLimit: { en: '1 year', ru: '1 год' },
    danger: 'medium',
    why: {
      en: 'Georgia has left the CIS; entry needs a foreign passport',
      ru: 'Грузия вышла из СНГ; для въезда нужен загранпаспорт',
    },
    source: bbcRussianDesertion,
  },
  RS: {
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Serbia approved the extradition of a Russian in December 2025 (on a non-military charge)',
      ru: 'Сербия в декабре 2025 года одобрила экстрадицию гражданина России (по невоенной статье)',
    },
    source: rferlSerbia,
  },
  TR: {
    stayLimit: { en: '60 days in any 180', ru: '60 дней в течение любых 180' },
    danger: 'medium',
    why: {
      en: 'Turkey has widely refused residence permits to Russians since December 2022',
      ru: 'Турция с декабря 2022 года массово отказывает россиянам в виде на жительство',
    },
    source: meduzaTurkey,
  },
  ME: {
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Montenegro allows only short visa-free stays',
      ru: 'Черногория допускает лишь короткое безвизовое пребывание',
    },
    source: bbcRussianDesertion,
  },
  MN: {
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Mongolia allows only short visa-free stays',
      ru: 'Монголия допускает лишь короткое безвизовое пребывание',
    },
    source: shortStayUnsourced,
  },
};

/**
 * Countries a Russian may enter on the internal passport (ID) alone, and how: Armenia only by air. Every other
 * country needs a foreign-travel passport (ROUTE_DOCUMENT_IMPLAUSIBLE).
 */
export const internalPassportEntry: Partial<Record<CountryCode, 'any' | 'air'>> = {
  KZ: 'any',
  KG: 'any',
  BY: 'any',
  AM: 'air',
};
export const internalPassportSource = tassInternalPassport;
