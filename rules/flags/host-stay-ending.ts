import type { CountryCode } from '../data/countries';
import { daysBetween } from '../dates';
import { countryName, enPlural, ruPlural } from '../i18n';
import { defineFlag } from '../rule';

type Params =
  | { kind: 'no_basis'; country: CountryCode }
  | { kind: 'ended'; country: CountryCode; endsOn: string; days: number }
  | { kind: 'ending'; country: CountryCode; endsOn: string; days: number };

/** Days before the end of stay at which the flag fires (high), and becomes critical. Both inclusive. */
export const STAY_WARNING_DAYS = 30;
export const STAY_CRITICAL_DAYS = 14;

/**
 * The legal stay ends within 30 days (high), within 14 days or already past (critical), or there is no legal
 * basis at all (critical). A stay ending exactly 30 days from today fires; 31 does not. 14 is critical; 15 high.
 */
export default defineFlag<Params>({
  id: 'HOST_STAY_ENDING',
  category: 'host_country',
  severity: 'high',
  doc: '`stayEndsOn` within 30 days of today (critical within 14 days or past), or basis `none`.',
  check({ case: c, today }) {
    const { country, basis, stayEndsOn } = c.currentStay;
    if (basis === 'none') {
      return {
        severity: 'critical',
        facts: ['currentStay.basis=none', `currentStay.country=${country}`],
        params: { kind: 'no_basis', country },
      };
    }
    if (stayEndsOn === undefined) return undefined;
    const days = daysBetween(today, stayEndsOn);
    if (days > STAY_WARNING_DAYS) return undefined;
    const facts = [`currentStay.stayEndsOn=${stayEndsOn}`, `currentStay.country=${country}`];
    if (days < 0)
      return {
        severity: 'critical',
        facts,
        params: { kind: 'ended', country, endsOn: stayEndsOn, days: -days },
      };
    return {
      severity: days <= STAY_CRITICAL_DAYS ? 'critical' : 'high',
      facts,
      params: { kind: 'ending', country, endsOn: stayEndsOn, days },
    };
  },
  message: {
    en: (p) => {
      const where = countryName(p.country, 'en');
      if (p.kind === 'no_basis')
        return `He has no legal basis to stay in ${where}: he can be detained and deported at any moment. Find him a lawyer and a legal status, or a safer country, now.`;
      if (p.kind === 'ended')
        return `His legal stay in ${where} ended on ${p.endsOn}, ${p.days} ${enPlural(p.days, 'day', 'days')} ago: he is there unlawfully and can be deported. Find him a lawyer now.`;
      const urgent = p.days <= STAY_CRITICAL_DAYS;
      return `His legal stay in ${where} ends on ${p.endsOn}, ${p.days === 0 ? 'today' : `in ${p.days} ${enPlural(p.days, 'day', 'days')}`}. ${urgent ? 'Act now: extend the stay or move him before it runs out.' : 'Arrange an extension or a move before it runs out.'}`;
    },
    ru: (p) => {
      const where = countryName(p.country, 'ru');
      if (p.kind === 'no_basis')
        return `У него нет законных оснований находиться в стране (${where}): его могут задержать и депортировать в любой момент. Нужен юрист и легальный статус или переезд в более безопасную страну — немедленно.`;
      if (p.kind === 'ended')
        return `Срок его законного пребывания (${where}) истёк ${p.endsOn}, ${p.days} ${ruPlural(p.days, 'день', 'дня', 'дней')} назад: он находится там незаконно, и его могут депортировать. Срочно нужен юрист.`;
      const urgent = p.days <= STAY_CRITICAL_DAYS;
      return `Срок его законного пребывания (${where}) истекает ${p.endsOn}, ${p.days === 0 ? 'сегодня' : `через ${p.days} ${ruPlural(p.days, 'день', 'дня', 'дней')}`}. ${urgent ? 'Действовать нужно сейчас: продлить пребывание или помочь ему уехать до истечения срока.' : 'Позаботьтесь о продлении или переезде до истечения срока.'}`;
    },
  },
});
