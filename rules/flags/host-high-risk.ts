import type { CountryCode } from '../data/countries';
import { type HostCountry, hostCountries } from '../data/host-countries';
import { countryName } from '../i18n';
import { defineFlag } from '../rule';

/** He is staying in a country that has handed deserters back (KZ, KG, AM) or is Russia's ally (BY: critical). */
export default defineFlag<{ country: CountryCode; host: HostCountry }>({
  id: 'HOST_HIGH_RISK',
  category: 'host_country',
  severity: 'warning',
  title: { en: 'Dangerous host country', ru: 'Опасная страна пребывания' },
  doc: 'Current country is Kazakhstan, Kyrgyzstan or Armenia (warning) or Belarus (critical).',
  check({ case: c }) {
    const country = c.currentStay.country;
    const host = hostCountries[country];
    if (!host || (host.danger !== 'high' && host.danger !== 'critical')) return undefined;
    return {
      severity: host.danger === 'critical' ? 'critical' : 'warning',
      facts: [`currentStay.country=${country}`],
      params: { country, host },
      source: host.source,
    };
  },
  message: {
    en: ({ country, host }) =>
      `He is now staying in ${countryName(country, 'en')}. ${host.why.en}. ${host.danger === 'critical' ? 'Help him leave for a safer country now.' : 'Keep his address out of every message and plan a move to a safer country.'}`,
    ru: ({ country, host }) =>
      `Сейчас он находится в стране ${countryName(country, 'ru')}. ${host.why.ru}. ${host.danger === 'critical' ? 'Помогите ему немедленно перебраться в более безопасную страну.' : 'Не упоминайте его адрес ни в каких сообщениях и планируйте переезд в более безопасную страну.'}`,
  },
});
