import { criminalCode } from '../data/criminal-code';
import { defineFlag } from '../rule';

/** Leaving by a self-inflicted wound ("a bullet to the leg", seed 002) is itself a crime under art. 339. */
export default defineFlag<{ medicalRecordSeen: boolean }>({
  id: 'PERSECUTION_SELF_HARM',
  category: 'persecution',
  severity: 'warning',
  doc: 'Desertion manner `self_inflicted_injury`: art. 339 exposure, medical records needed.',
  source: criminalCode['339'].source,
  check: ({ case: c, facts }) =>
    c.desertion.manner === 'self_inflicted_injury'
      ? {
          facts: ['desertion.manner=self_inflicted_injury'],
          params: { medicalRecordSeen: facts.seenTypes.has('medical_record') },
        }
      : undefined,
  message: {
    en: ({ medicalRecordSeen }) =>
      `He left through a self-inflicted injury. That is itself a crime under art. 339 (${criminalCode['339'].penalty.en}), and it must be documented: ${medicalRecordSeen ? 'a medical record has been seen; check it matches his account.' : 'no medical record has been seen yet.'}`,
    ru: ({ medicalRecordSeen }) =>
      `Он ушёл, причинив себе ранение. Это само по себе преступление по ст. 339 УК РФ (${criminalCode['339'].penalty.ru}), и его нужно подтвердить документально: ${medicalRecordSeen ? 'медицинские документы видели; проверьте, что они совпадают с его рассказом.' : 'медицинских документов пока не видели.'}`,
  },
});
