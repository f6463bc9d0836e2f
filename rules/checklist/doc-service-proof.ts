import type { DocumentType } from '../case-schema';
import { bbcRussianDesertion } from '../data/sources';
import { lowerLabel } from '../i18n';
import { labels } from '../labels';
import { defineCheck } from '../rule';

const serviceProofTypes: readonly DocumentType[] = [
  'military_id',
  'officer_id',
  'service_contract',
  'call_up_summons',
  'service_certificate',
];

/** Proof he served (or was called up): the CNDA requires proof of actual call-up or service. */
export default defineCheck<{ seen: DocumentType[] }>({
  id: 'DOC_SERVICE_PROOF',
  category: 'documents',
  label: {
    en: 'See proof of military service (military or officer ID, contract, call-up summons or service certificate)',
    ru: 'Увидеть подтверждение службы (военный билет, удостоверение офицера, контракт, повестку или справку о службе)',
  },
  doc: 'Done when a military ID, officer ID, contract, call-up summons or service certificate has been seen.',
  source: bbcRussianDesertion,
  check: ({ facts }) => {
    const seen = serviceProofTypes.filter((t) => facts.seenTypes.has(t));
    return { status: seen.length > 0 ? 'done' : 'todo', params: { seen } };
  },
  detail: {
    en: ({ seen }) =>
      seen.length > 0
        ? `Seen: ${seen.map((t) => labels.en.documentTypes[t]).join(', ')}.`
        : 'No military ID, contract, summons or service certificate seen yet.',
    ru: ({ seen }) =>
      seen.length > 0
        ? `Видели: ${seen.map((t) => lowerLabel(labels.ru.documentTypes[t])).join(', ')}.`
        : 'Ни военного билета, ни контракта, ни повестки, ни справки о службе пока не видели.',
  },
});
