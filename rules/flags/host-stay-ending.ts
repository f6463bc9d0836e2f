import type { CountryCode } from '../data/countries';
import { daysBetween, formatDate } from '../dates';
import { countryName, enPlural, ruPlural } from '../i18n';
import { defineFlag, type Parameter } from '../rule';

type Params =
  | { kind: 'no_basis'; country: CountryCode }
  | { kind: 'ended'; country: CountryCode; endsOn: string; days: number }
  | { kind: 'ending'; country: CountryCode; endsOn: string; days: number };

/** Days before the end of stay at which the flag fires (high), and becomes critical. Both inclusive. */
export const stayWarning: Parameter = {
  value: 30,
  unit: 'days',
  decidedBy: 'rules.md HOST_STAY_ENDING (ruleset 2026.11): time to extend a stay or move before it runs out',
};
const stayCritical: Parameter = {
  value: 14,
  unit: 'days',
  decidedBy: 'rules.md HOST_STAY_ENDING (ruleset 2026.11): too little time left to arrange a move safely',
};

/**
 * The legal stay ends within 30 days (high), within 14 days or already past (critical), or there is no legal
 * basis at all (critical). A stay ending exactly 30 days from today fires; 31 does not. 14 is critical; 15 high.
 */
export default defineFlag<Params>({
  id: 'HOST_STAY_ENDING',
  category: 'host_country',
  severity: 'high',
  title: { en: 'Legal stay ending', ru: 'Срок законного пребывания истекает' },
  doc: `\`stayEndsOn\` within ${stayWarning.value} days of today (critical within ${stayCritical.value} days or past), or basis \`none\`.`,
  parameters: { stayWarning, stayCritical },
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
    if (days > stayWarning.value) return undefined;
    const facts = [`currentStay.stayEndsOn=${stayEndsOn}`, `currentStay.country=${country}`];
    if (days < 0)
      return {
        severity: 'critical',
        facts,
        params: { kind: 'ended', country, endsOn: stayEndsOn, days: -days },
      };
    return {
      severity: days <= stayCritical.value ? 'critical' : 'high',
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
        return `His legal stay in ${where} ended on ${formatDate(p.endsOn, 'en')}, ${p.days} ${enPlural(p.days, 'day', 'days')} ago: he is there unlawfully and can be deported. Find him a lawyer now.`;
      const urgent = p.days <= stayCritical.value;
      return `His legal stay in ${where} ends on ${formatDate(p.endsOn, 'en')}, ${p.days === 0 ? 'today' : `in ${p.days} ${enPlural(p.days, 'day', 'days')}`}. ${urgent ? 'Act now: extend the stay or move him before it runs out.' : 'Arrange an extension or a move before it runs out.'}`;
    },
    ru: (p) => {
      const where = countryName(p.country, 'ru');
      if (p.kind === 'no_basis')
        return `У него нет законных оснований находиться в стране ${where}: его могут задержать и депортировать в любой момент. Нужен юрист и легальный статус или переезд в более безопасную страну — немедленно.`;
      if (p.kind === 'ended')
        return `Срок его законного пребывания в стране ${where} истёк ${formatDate(p.endsOn, 'ru')}, ${p.days} ${ruPlural(p.days, 'день', 'дня', 'дней')} назад: он находится там незаконно, и его могут депортировать. Срочно нужен юрист.`;
      const urgent = p.days <= stayCritical.value;
      return `Срок его законного пребывания в стране ${where} истекает ${formatDate(p.endsOn, 'ru')}, ${p.days === 0 ? 'сегодня' : `через ${p.days} ${ruPlural(p.days, 'день', 'дня', 'дней')}`}. ${urgent ? 'Действовать нужно сейчас: продлить пребывание или помочь ему уехать до истечения срока.' : 'Позаботьтесь о продлении или переезде до истечения срока.'}`;
    },
  },
});
