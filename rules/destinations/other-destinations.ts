import { otherDestinations } from '../data/destinations';
import { defineDestination } from '../rule';

/** Every other country and pathway: no reference data, so unlikely until current practice is checked. */
export default defineDestination({
  id: 'other-destinations',
  doc: 'Any other destination: unlikely, with a note to check current practice.',
  source: otherDestinations.source,
  applies: () => true,
  verdict: () => ({ status: 'unlikely', missing: [], notes: [otherDestinations.note] }),
});
