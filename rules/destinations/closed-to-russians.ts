import { closedToRussians, closedToRussiansCountries } from '../data/destinations';
import { defineDestination } from '../rule';

/** The Baltic states, Poland, Finland and Czechia closed their doors to Russians in autumn 2022. */
export default defineDestination({
  id: 'closed-to-russians',
  doc: 'LT, LV, EE, PL, FI, CZ, any pathway but asylum in the country: not_available.',
  source: closedToRussians.source,
  applies: (d) => closedToRussiansCountries.has(d.country),
  verdict: () => ({ status: 'not_available', missing: [], notes: [closedToRussians.note] }),
});
