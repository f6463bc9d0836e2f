import { defineFlag, type NoParams } from '../rule';

/** What he says about his unit does not fit what is known of it. */
export default defineFlag<NoParams>({
  id: 'UNIT_CROSS_CHECK_FAILED',
  category: 'unit',
  severity: 'high',
  title: { en: 'Unit cross-check failed', ru: 'Сверка по части не сошлась' },
  doc: '`unitCrossCheck` is `inconsistent`.',
  check: ({ case: c }) =>
    c.verification.unitCrossCheck === 'inconsistent'
      ? { facts: ['verification.unitCrossCheck=inconsistent'], params: {} }
      : undefined,
  message: {
    en: () =>
      'The unit cross-check is recorded as inconsistent: what he says about his unit does not fit what is known of where it was and when. A supervisor must weigh this before any referral.',
    ru: () =>
      'Сверка по части не сошлась: его рассказ о части не совпадает с тем, что известно о том, где и когда она была. До любого направления это должен оценить руководитель.',
  },
});
