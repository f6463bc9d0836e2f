import { defineFlag, type NoParams } from '../rule';

/** He saw abuses: his account matters as evidence and must be taken carefully, apart from the intake. */
export default defineFlag<NoParams>({
  id: 'SCREEN_WITNESS',
  category: 'screening',
  severity: 'info',
  title: { en: 'Witnessed abuses', ru: 'Был свидетелем преступлений' },
  doc: '`witnessedAbuses`: record a separate witness statement; handle with care.',
  check: ({ case: c }) =>
    c.screening.witnessedAbuses ? { facts: ['screening.witnessedAbuses=true'], params: {} } : undefined,
  message: {
    en: () =>
      'He says he witnessed abuses. Record a separate witness statement, with care: it may be evidence, it may be traumatic to tell, and it must not sit in the intake notes.',
    ru: () =>
      'Он говорит, что был свидетелем преступлений. Запишите отдельные свидетельские показания, бережно: это может быть доказательством, рассказ может травмировать, и в записях интервью ему не место.',
  },
});
