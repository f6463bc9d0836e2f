import type { Document } from '../case-schema';
import { schengenWithoutPassport } from '../data/destinations';
import { formatDate } from '../dates';
import { listText } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

type Held = Pick<Document, 'type' | 'validity' | 'expiresOn'>;

/** The flag counterpart of checklist item PASSPORT_TRAVEL_DOCUMENT (same test: facts.travelDocument). */
export default defineFlag<{ held: Held[] }>({
  id: 'PASSPORT_NONE_VALID',
  category: 'passport',
  severity: 'warning',
  title: {
    en: 'No valid passport or travel document',
    ru: 'Нет действующего паспорта или проездного документа',
  },
  doc: 'No valid international passport or travel document: a Schengen route needs a national humanitarian or asylum visa.',
  source: schengenWithoutPassport.source,
  check({ case: c, facts }) {
    if (facts.travelDocument) return undefined;
    const held = concatMap(c.documents, (d, i) =>
      d.type === 'international_passport' || d.type === 'travel_document' ? [{ d, i }] : [],
    );
    return {
      facts:
        held.length === 0
          ? ['documents[type=international_passport|travel_document]=none']
          : held.map(
              ({ d, i }) =>
                `documents[${i}].validity=${d.validity}${d.expiresOn ? `, expiresOn=${d.expiresOn}` : ''}`,
            ),
      params: { held: held.map(({ d }) => d) },
    };
  },
  message: {
    en: ({ held }) =>
      `${
        held.length === 0
          ? 'He has no international passport or travel document.'
          : `His ${listText(
              held.map(
                (d) =>
                  `${labels.en.documentTypes[d.type].toLowerCase()} is ${d.validity === 'valid' ? `expired${d.expiresOn ? ` (${formatDate(d.expiresOn, 'en')})` : ''}` : labels.en.documentValidities[d.validity].toLowerCase()}`,
              ),
              'en',
            )}.`
      } A Schengen route then needs a national humanitarian or asylum visa; see the passport item on the checklist for how to obtain a document.`,
    ru: ({ held }) =>
      `${
        held.length === 0
          ? 'У него нет ни загранпаспорта, ни проездного документа.'
          : `${listText(
              held.map(
                (d) =>
                  `${labels.ru.documentTypes[d.type]}: ${d.validity === 'valid' ? `истёк${d.expiresOn ? ` (${formatDate(d.expiresOn, 'ru')})` : ''}` : labels.ru.documentValidities[d.validity].toLowerCase()}`,
              ),
              'ru',
            )}.`
      } Тогда шенгенский путь возможен только по национальной гуманитарной визе или визе для получения убежища; как получить документ, сказано в пункте о паспорте в чек-листе.`,
  },
});
