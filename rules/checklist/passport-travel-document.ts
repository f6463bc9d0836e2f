import type { DocumentType } from '../case-schema';
import { schengenWithoutPassport } from '../data/destinations';
import { formatDate } from '../dates';
import { labels } from '../labels';
import { defineCheck } from '../rule';

/**
 * A valid international passport or travel document (see facts.isValidTravelDocument). It decides which
 * pathways are open, not whether the story is verified; the detail says how to get one when missing.
 */
export default defineCheck<{ held: DocumentType | undefined; expiresOn: string | undefined }>({
  id: 'PASSPORT_TRAVEL_DOCUMENT',
  category: 'passport',
  label: {
    en: 'Valid international passport or travel document',
    ru: 'Действующий загранпаспорт или проездной документ',
  },
  doc: 'Done when a valid, unexpired international passport or travel document is held.',
  source: schengenWithoutPassport.source,
  check: ({ facts }) => {
    const held = facts.travelDocument?.document;
    return { status: held ? 'done' : 'todo', params: { held: held?.type, expiresOn: held?.expiresOn } };
  },
  detail: {
    en: ({ held, expiresOn }) =>
      held
        ? `${labels.en.documentTypes[held]}${expiresOn ? `, valid until ${formatDate(expiresOn, 'en')}` : ''}.`
        : `No valid one. ${schengenWithoutPassport.note.en}`,
    ru: ({ held, expiresOn }) =>
      held
        ? `${labels.ru.documentTypes[held]}${expiresOn ? `, действителен до ${formatDate(expiresOn, 'ru')}` : ''}.`
        : `Действующего нет. ${schengenWithoutPassport.note.ru}`,
  },
});
