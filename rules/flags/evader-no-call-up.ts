import { bbcRussianDesertion } from '../data/sources';
import { defineFlag, type NoParams } from '../rule';

/** The CNDA (20 Jul 2023) accepts mobilisation evaders as refugees only with proof of actual call-up. */
export default defineFlag<NoParams>({
  id: 'EVADER_NO_CALL_UP',
  category: 'persecution',
  severity: 'warning',
  title: { en: 'Evader without proof of call-up', ru: 'Уклонист без подтверждения призыва' },
  doc: 'Kind `evader` without a `call_up_summons` seen.',
  source: bbcRussianDesertion,
  check: ({ case: c, facts }) =>
    c.desertion.kind === 'evader' && !facts.seenTypes.has('call_up_summons')
      ? { facts: ['desertion.kind=evader', 'documents[type=call_up_summons]=not seen'], params: {} }
      : undefined,
  message: {
    en: () =>
      "He is recorded as an evader, but no call-up summons has been seen. France's asylum court (CNDA, 20 July 2023) requires proof of actual call-up: ask for the summons or a photo of it.",
    ru: () =>
      'Он записан как уклонист, но повестку никто не видел. Суд по делам убежища Франции (CNDA, 20 июля 2023 года) требует доказательства реального призыва: попросите повестку или её фото.',
  },
});
