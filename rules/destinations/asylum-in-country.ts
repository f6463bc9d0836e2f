import { asylumInCountry } from '../data/destinations';
import { countryName } from '../i18n';
import { defineDestination } from '../rule';

/**
 * Asylum in a country is claimed on its soil: feasible when he is there, not available otherwise. Decision:
 * this row applies before the per-country rows, so a man already in the US, the UK or Poland can claim there.
 */
export default defineDestination({
  id: 'asylum-in-country',
  doc: 'Any asylum_in_country: feasible when currentStay.country is that country; else not_available.',
  source: asylumInCountry.source,
  applies: (d) => d.pathway === 'asylum_in_country',
  verdict(d, { case: c }) {
    const here = c.currentStay.country === d.country;
    return {
      status: here ? 'feasible' : 'not_available',
      missing: [],
      notes: [
        here
          ? {
              en: `He is in ${countryName(d.country, 'en')} and can claim asylum there; find him a lawyer for the claim.`,
              ru: `Он находится в стране ${countryName(d.country, 'ru')} и может попросить там убежища; найдите ему юриста.`,
            }
          : {
              en: `Asylum in ${countryName(d.country, 'en')} is claimed only on its soil, and he is not there; Waypost never recommends an irregular crossing.`,
              ru: `Убежище в стране ${countryName(d.country, 'ru')} можно попросить только на её территории, а его там нет; Waypost никогда не советует нелегальный переход границы.`,
            },
      ],
    };
  },
});
