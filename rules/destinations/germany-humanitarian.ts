import { germanyHumanitarian } from '../data/destinations';
import { defineDestination } from '../rule';

/** §22 AufenthG needs outstanding commitment plus individual danger: rarely fits. */
export default defineDestination({
  id: 'germany-humanitarian',
  doc: 'DE humanitarian_visa: unlikely.',
  source: germanyHumanitarian.source,
  applies: (d) => d.country === 'DE' && d.pathway === 'humanitarian_visa',
  verdict: () => ({ status: 'unlikely', missing: [], notes: [germanyHumanitarian.note] }),
});
