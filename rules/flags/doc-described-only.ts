import type { Document } from '../case-schema';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

/**
 * One flag per document that is claimed but was never seen (`seen: none`), so each can be chased and cleared
 * on its own merits; the message carries the caseworker's note (e.g. "locked in the employer's safe").
 */
export default defineFlag<{ document: Document }>({
  id: 'DOC_DESCRIBED_ONLY',
  category: 'documents',
  severity: 'warning',
  title: { en: 'Document described but not seen', ru: 'Документ известен только со слов' },
  doc: 'A document is claimed (`seen: none`) but was never seen.',
  check({ case: c }) {
    return concatMap(c.documents, (document, i) =>
      document.seen === 'none'
        ? [
            {
              facts: [`documents[${i}].type=${document.type}`, `documents[${i}].seen=none`],
              params: { document },
            },
          ]
        : [],
    );
  },
  message: {
    en: ({ document: d }) =>
      `${labels.en.documentTypes[d.type]} is described but was never seen (status: ${labels.en.documentValidities[d.validity].toLowerCase()})${d.note ? `; note: "${d.note}"` : ''}. Until a copy or photo is seen, it cannot support his story.`,
    ru: ({ document: d }) =>
      `${labels.ru.documentTypes[d.type]}: документ известен только с его слов, его не видели (состояние: ${labels.ru.documentValidities[d.validity].toLowerCase()})${d.note ? `; примечание: «${d.note}»` : ''}. Пока не увидим копию или фото, рассказ он не подтверждает.`,
  },
});
