import type { StayIncident } from '../case-schema';
import type { CountryCode } from '../data/countries';
import { countryName, listText } from '../i18n';
import { labels } from '../labels';
import { unique } from '../lists';
import { defineFlag } from '../rule';

const CRITICAL: ReadonlySet<StayIncident> = new Set([
  'detention',
  'deportation_order',
  'extradition_request',
  'abduction_attempt',
]);

/** Something has already happened to him in the host country; one flag at the most severe level. */
export default defineFlag<{ country: CountryCode; incidents: StayIncident[]; critical: boolean }>({
  id: 'HOST_INCIDENT',
  category: 'host_country',
  severity: 'critical',
  title: { en: 'Incident in the host country', ru: 'Инцидент в стране пребывания' },
  doc: 'A current-stay incident: detention, deportation order, extradition request or abduction attempt (critical); police contact or surveillance (high).',
  check({ case: c }) {
    const { incidents, country } = c.currentStay;
    if (incidents.length === 0) return undefined;
    const critical = incidents.some((i) => CRITICAL.has(i));
    return {
      severity: critical ? 'critical' : 'high',
      facts: incidents.map((i) => `currentStay.incidents=${i}`),
      params: { country, incidents: unique(incidents), critical },
    };
  },
  message: {
    en: ({ country, incidents, critical }) =>
      `Incidents in ${countryName(country, 'en')}: ${listText(
        incidents.map((i) => labels.en.stayIncidents[i].toLowerCase()),
        'en',
      )}. ${critical ? 'He is in immediate danger of being handed to Russia: get him a lawyer and protection now.' : 'The authorities know of him: plan for his safety and keep contact details secret.'}`,
    ru: ({ country, incidents, critical }) =>
      `Инциденты в стране пребывания — ${countryName(country, 'ru')}: ${listText(
        incidents.map((i) => labels.ru.stayIncidents[i].toLowerCase()),
        'ru',
      )}. ${critical ? 'Ему грозит немедленная выдача России: нужны юрист и защита прямо сейчас.' : 'Власти о нём знают: продумайте его безопасность и держите контакты в тайне.'}`,
  },
});
