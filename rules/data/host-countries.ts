/**
 * Countries deserters stay in on the way out: what entry needs, how long a stay lasts, and how dangerous the
 * country is for a deserter (domain.md, "Host countries"). Danger: `critical` never a transit, `high` has handed
 * or let deserters be taken back to Russia, `medium` safer but not safe.
 */

import type { Text } from '../i18n';
import type { CountryCode } from './countries';

export const reviewedOn = '2026-11-22';

export type HostCountry = {
  /** Russians may enter on the internal passport (ID) alone. */
  idOnlyEntry: boolean;
  stayLimit: Text;
  danger: 'critical' | 'high' | 'medium';
  why: Text;
  source: string;
};

export const hostCountries: Partial<Record<CountryCode, HostCountry>> = {
  KZ: {
    idOnlyEntry: true,
    stayLimit: { en: '90 days in any 180', ru: '90 дней в течение любых 180' },
    danger: 'high',
    why: {
      en: 'Kazakhstan deported the deserter Zhilin in December 2022, refused refugee status to 11 deserters, and handed the asylum seeker Bazhukov to the Russian military on 2 February 2026',
      ru: 'Казахстан депортировал дезертира Жилина в декабре 2022 года, отказал в статусе беженца 11 дезертирам, а 2 февраля 2026 года передал российским военным просителя убежища Бажукова',
    },
    source: 'https://zona.media/article/2026/02/12/kz2026',
  },
  KG: {
    idOnlyEntry: true,
    stayLimit: { en: '90 days in any 180', ru: '90 дней в течение любых 180' },
    danger: 'high',
    why: {
      en: "Kyrgyzstan's security service has handed people to the FSB without a court, and face recognition is run against Russian wanted lists",
      ru: 'Спецслужбы Киргизии передавали людей ФСБ без суда, а системы распознавания лиц сверяют с российскими списками розыска',
    },
    source: 'domain.md: Host countries (Kyrgyzstan)',
  },
  AM: {
    idOnlyEntry: true,
    stayLimit: { en: '180 days a year', ru: '180 дней в году' },
    danger: 'high',
    why: {
      en: 'Russian military police from the Gyumri base seized deserters in Armenia in December 2023 and April 2024',
      ru: 'Российская военная полиция с базы в Гюмри задерживала дезертиров в Армении в декабре 2023 и апреле 2024 года',
    },
    source:
      'https://meduza.io/en/news/2023/12/10/russian-military-police-arrest-russian-citizen-in-armenia-on-desertion-charges',
  },
  BY: {
    idOnlyEntry: true,
    stayLimit: { en: 'no limit for Russians', ru: 'для граждан России без ограничения' },
    danger: 'critical',
    why: {
      en: "Belarus is Russia's ally and hands people over; it is never a safe place to stay or pass through",
      ru: 'Беларусь — союзник России и выдаёт людей; там нельзя ни оставаться, ни следовать транзитом',
    },
    source: 'domain.md: Host countries (Belarus)',
  },
  GE: {
    idOnlyEntry: false,
    stayLimit: { en: '1 year', ru: '1 год' },
    danger: 'medium',
    why: {
      en: 'Georgia has left the CIS; entry needs a foreign passport',
      ru: 'Грузия вышла из СНГ; для въезда нужен загранпаспорт',
    },
    source: 'domain.md: Host countries (Georgia)',
  },
  RS: {
    idOnlyEntry: false,
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Serbia approved the extradition of a Russian in December 2025 (on a non-military charge)',
      ru: 'Сербия в декабре 2025 года одобрила экстрадицию гражданина России (по невоенной статье)',
    },
    source: 'domain.md: Host countries (Serbia)',
  },
  TR: {
    idOnlyEntry: false,
    stayLimit: { en: '60 days in any 180', ru: '60 дней в течение любых 180' },
    danger: 'medium',
    why: {
      en: 'Turkey has widely refused residence permits to Russians since December 2022',
      ru: 'Турция с декабря 2022 года массово отказывает россиянам в виде на жительство',
    },
    source: 'domain.md: Host countries (Turkey)',
  },
  ME: {
    idOnlyEntry: false,
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Montenegro allows only short visa-free stays',
      ru: 'Черногория допускает лишь короткое безвизовое пребывание',
    },
    source: 'domain.md: Host countries (Montenegro)',
  },
  MN: {
    idOnlyEntry: false,
    stayLimit: { en: '30 days', ru: '30 дней' },
    danger: 'medium',
    why: {
      en: 'Mongolia allows only short visa-free stays',
      ru: 'Монголия допускает лишь короткое безвизовое пребывание',
    },
    source: 'domain.md: Host countries (Mongolia)',
  },
};
