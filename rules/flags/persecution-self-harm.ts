import { criminalCode } from '../data/criminal-code';

const art339 = criminalCode['339'].penalties[0]!;

import { defineFlag } from '../rule';

/** Leaving by a self-inflicted wound ("a bullet to the leg", seed 002) is itself a crime under art. 339. */
export default defineFlag<{ medicalRecordSeen: boolean }>({
  id: 'PERSECUTION_SELF_HARM',
  category: 'persecution',
  severity: 'warning',
  title: { en: 'Self-inflicted injury', ru: 'Членовредительство' },
  doc: 'Desertion manner `self_inflicted_injury`: art. 339 exposure, medical records needed.',
  source: art339.source,
  check: ({ case: c, facts }) =>
    c.desertion.manner === 'self_inflicted_injury'
      ? {
          facts: ['desertion.manner=self_inflicted_injury'],
          params: { medicalRecordSeen: facts.seenTypes.has('medical_record') },
        }
      : undefined,
  message: {
    en: ({ medicalRecordSeen }) =>
      `He left through a self-inflicted injury. That is itself a crime under art. 339 (${art339.penalty.en}), and it must be documented: ${medicalRecordSeen ? 'a medical record has been seen; check it matches his account.' : 'no medical record has been seen yet.'}`,
    ru: ({ medicalRecordSeen }) =>
      `Он ушёл, причинив себе ранение. Это само по себе преступление по ст. 339 УК РФ (${art339.penalty.ru}), и его нужно подтвердить документально: ${medicalRecordSeen ? 'медицинские документы видели; проверьте, что они совпадают с его рассказом.' : 'медицинских документов пока не видели.'}`,
  },
});
