import type { DocumentType } from '../case-schema';
import { isSeen } from '../facts';
import { lowerLabel } from '../i18n';
import { labels } from '../labels';
import { defineCheck } from '../rule';

/**
 * Every document seen has been checked and found consistent. With no document seen there is nothing to check
 * yet, so the item stays todo. Forged or anomalous documents leave it todo; the flags DOC_FORGED and
 * DOC_ANOMALIES carry the weight.
 */
export default defineCheck<{ seenCount: number; notConsistent: DocumentType[] }>({
  id: 'DOC_AUTHENTICITY',
  category: 'documents',
  label: {
    en: 'Check every document seen for authenticity',
    ru: 'Проверить подлинность каждого увиденного документа',
  },
  doc: 'Done when every document seen has authenticity `consistent` (todo when none is seen).',
  check: ({ case: c }) => {
    const seen = c.documents.filter(isSeen);
    const notConsistent = seen.filter((d) => d.authenticity !== 'consistent').map((d) => d.type);
    return {
      status: seen.length > 0 && notConsistent.length === 0 ? 'done' : 'todo',
      params: { seenCount: seen.length, notConsistent },
    };
  },
  detail: {
    en: ({ seenCount, notConsistent }) =>
      seenCount === 0
        ? 'No document seen yet, so none could be checked.'
        : notConsistent.length === 0
          ? 'Every document seen is consistent.'
          : `Not yet found consistent: ${notConsistent.map((t) => labels.en.documentTypes[t]).join(', ')}.`,
    ru: ({ seenCount, notConsistent }) =>
      seenCount === 0
        ? 'Документов пока не видели, проверять нечего.'
        : notConsistent.length === 0
          ? 'Все увиденные документы без расхождений.'
          : `Ещё не подтверждены: ${notConsistent.map((t) => lowerLabel(labels.ru.documentTypes[t])).join(', ')}.`,
  },
});
