import type { DocumentType } from '../case-schema';
import { listText, lowerLabel } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

/** Anomalies in a document: France's asylum court rejected a deserter over exactly this (CNDA, 20 Jul 2023). */
export default defineFlag<{ types: DocumentType[] }>({
  id: 'DOC_ANOMALIES',
  category: 'documents',
  severity: 'high',
  title: { en: 'Document anomalies', ru: 'Расхождения в документах' },
  doc: 'Any document has authenticity `anomalies`.',
  source: {
    unsourced: true,
    why: {
      en: "The CNDA's rejection of a deserter over document anomalies (20 Jul 2023) is not yet linked to a public source.",
      ru: 'Отказ CNDA дезертиру из-за расхождений в документах (20.07.2023) пока не подкреплён публичной ссылкой.',
    },
  },
  check({ case: c }) {
    const odd = concatMap(c.documents, (d, i) => (d.authenticity === 'anomalies' ? [{ d, i }] : []));
    if (odd.length === 0) return undefined;
    return {
      facts: odd.map(({ i }) => `documents[${i}].authenticity=anomalies`),
      params: { types: odd.map(({ d }) => d.type) },
    };
  },
  message: {
    en: ({ types }) =>
      `Anomalies found in: ${listText(
        types.map((t) => labels.en.documentTypes[t]),
        'en',
      )}. France's asylum court (CNDA) rejected a deserter over anomalies in his documents: resolve them, or explain them in writing, before any referral.`,
    ru: ({ types }) =>
      `Найдены расхождения: ${listText(
        types.map((t) => lowerLabel(labels.ru.documentTypes[t])),
        'ru',
      )}. Суд по делам убежища Франции (CNDA) отказал дезертиру именно из-за расхождений в документах: до направления их нужно устранить или письменно объяснить.`,
  },
});
