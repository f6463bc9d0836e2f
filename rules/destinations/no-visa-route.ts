import { noVisaRoute, noVisaRouteCountries } from '../data/destinations';
import { defineDestination } from '../rule';

/** The UK and the Netherlands: asylum only on arrival, no visa to get there. */
export default defineDestination({
  id: 'no-visa-route',
  doc: 'GB, NL, any pathway but asylum in the country: not_available, no visa route.',
  source: noVisaRoute.source,
  applies: (d) => noVisaRouteCountries.has(d.country),
  verdict: () => ({ status: 'not_available', missing: [], notes: [noVisaRoute.note] }),
});
