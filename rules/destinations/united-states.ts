import { unitedStates } from '../data/destinations';
import { defineDestination } from '../rule';

/** No route to the US from abroad. */
export default defineDestination({
  id: 'united-states',
  doc: 'US, any pathway but asylum in the country: not_available from abroad.',
  source: unitedStates.source,
  applies: (d) => d.country === 'US',
  verdict: () => ({ status: 'not_available', missing: [], notes: [unitedStates.note] }),
});
