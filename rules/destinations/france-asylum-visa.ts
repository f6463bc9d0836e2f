import { france } from '../data/destinations';
import { defineDestination } from '../rule';

/** France: a visa for asylum purposes for verified cases; no passport needed (six were admitted without, 2024). */
export default defineDestination({
  id: 'france-asylum-visa',
  doc: 'FR asylum_visa: feasible when verified (no passport needed); else needs_documents.',
  source: france.source,
  applies: (d) => d.country === 'FR' && d.pathway === 'asylum_visa',
  verdict: (_d, _ctx, { verified, unfinished }) =>
    verified
      ? { status: 'feasible', missing: [], notes: [france.note] }
      : { status: 'needs_documents', missing: unfinished, notes: [france.note] },
});
