import type { DocumentType } from '../case-schema';
import { apDesertersHideAbroad } from '../data/sources';
import { listText, lowerLabel } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

/** Any document judged forged. Some deserters carry real and fake passports (seed 002). */
export default defineFlag<{ types: DocumentType[] }>({
  id: 'DOC_FORGED',
  category: 'documents',
  severity: 'critical',
  title: { en: 'Forged document', ru: 'Поддельный документ' },
  doc: 'Any document has authenticity `forged`.',
  source: apDesertersHideAbroad,
  check({ case: c }) {
    const forged = concatMap(c.documents, (d, i) => (d.authenticity === 'forged' ? [{ d, i }] : []));
    if (forged.length === 0) return undefined;
    return {
      facts: forged.map(({ i }) => `documents[${i}].authenticity=forged`),
      params: { types: forged.map(({ d }) => d.type) },
    };
  },
  message: {
    en: ({ types }) =>
      `Judged forged: ${listText(
        types.map((t) => labels.en.documentTypes[t]),
        'en',
      )}. Nothing this person presents can be relied on until a supervisor has heard his explanation; no partner will sponsor a case built on a forged document.`,
    ru: ({ types }) =>
      `Признан поддельным: ${listText(
        types.map((t) => lowerLabel(labels.ru.documentTypes[t])),
        'ru',
      )}. Пока руководитель не выслушает его объяснения, ни на один представленный им документ полагаться нельзя; ни одна партнёрская организация не поддержит дело с поддельным документом.`,
  },
});
