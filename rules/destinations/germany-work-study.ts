import { germanyWorkStudy } from '../data/destinations';
import type { Text } from '../i18n';
import type { ChecklistId } from '../ids';
import { defineDestination } from '../rule';

const NEEDS_OFFER: Text = {
  en: 'A work visa needs a job offer from a German employer: none is recorded.',
  ru: 'Для рабочей визы нужно предложение о работе от немецкого работодателя: его нет.',
};

/** Germany, work or study visa: verified, a travel document, and for work a job offer (the seed 003 route). */
export default defineDestination({
  id: 'germany-work-study',
  doc: 'DE work_visa / study_visa: feasible when verified, with employerOffer (work) and PASSPORT_TRAVEL_DOCUMENT done; else needs_documents.',
  source: germanyWorkStudy.source,
  applies: (d) => d.country === 'DE' && (d.pathway === 'work_visa' || d.pathway === 'study_visa'),
  verdict(d, _ctx, { verified, unfinished, passportDone }) {
    const missing: ChecklistId[] = [
      ...unfinished,
      ...(passportDone ? [] : ['PASSPORT_TRAVEL_DOCUMENT' as const]),
    ];
    const needsOffer = d.pathway === 'work_visa' && d.employerOffer !== true;
    if (verified && passportDone && !needsOffer)
      return { status: 'feasible', missing: [], notes: [germanyWorkStudy.note] };
    const notes = [...(needsOffer ? [NEEDS_OFFER] : []), germanyWorkStudy.note];
    return { status: 'needs_documents', missing, notes };
  },
});
