import { defineFlag, type NoParams } from '../rule';

/** He admits taking part in abuses: exclusion from protection is likely (CJEU Shepherd, C-472/13). */
export default defineFlag<NoParams>({
  id: 'SCREEN_PARTICIPATION',
  category: 'screening',
  severity: 'critical',
  title: { en: 'Admits participation in abuses', ru: 'Признаёт участие в преступлениях' },
  doc: '`admitsParticipation`.',
  source: {
    url: 'https://curia.europa.eu/juris/liste.jsf?num=C-472/13',
    publisher: 'Court of Justice of the European Union, Shepherd (C-472/13)',
    date: '2015-02-26',
  },
  check: ({ case: c }) =>
    c.screening.admitsParticipation
      ? { facts: ['screening.admitsParticipation=true'], params: {} }
      : undefined,
  message: {
    en: () =>
      'He admits taking part in abuses. No partner can sponsor a visa for him and exclusion from refugee protection is likely; a supervisor decides what help can still be given, and how his account is recorded.',
    ru: () =>
      'Он признаёт участие в преступлениях. Ни одна партнёрская организация не сможет поддержать его заявление на визу, а в статусе беженца ему, вероятно, откажут; руководитель решает, какая помощь ещё возможна и как записать его показания.',
  },
});
