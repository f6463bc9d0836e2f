import { defineCheck } from '../rule';

/** An internal or international passport seen, original or copy. */
export default defineCheck<{ seen: boolean }>({
  id: 'DOC_IDENTITY',
  category: 'documents',
  label: {
    en: 'See an identity document (internal or international passport)',
    ru: 'Увидеть документ, удостоверяющий личность (внутренний или заграничный паспорт)',
  },
  doc: 'Done when an internal or international passport has been seen (original or copy).',
  check: ({ facts }) => {
    const seen = facts.seenTypes.has('internal_passport') || facts.seenTypes.has('international_passport');
    return { status: seen ? 'done' : 'todo', params: { seen } };
  },
  detail: {
    en: ({ seen }) =>
      seen ? 'A passport has been seen.' : 'No internal or international passport seen yet.',
    ru: ({ seen }) => (seen ? 'Паспорт видели.' : 'Ни внутреннего, ни заграничного паспорта пока не видели.'),
  },
});
