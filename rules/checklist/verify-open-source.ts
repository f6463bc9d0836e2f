import { defineCheck } from '../rule';

/** Court records and leaked databases confirm criminal cases and service. */
export default defineCheck<{ count: number }>({
  id: 'VERIFY_OPEN_SOURCE',
  category: 'verification',
  label: {
    en: 'Check open sources (court records, wanted lists, media, leaks)',
    ru: 'Проверить открытые источники (суды, розыск, СМИ, утечки)',
  },
  doc: 'Done when at least one open-source check is recorded.',
  check: ({ case: c }) => {
    const count = c.verification.openSource.length;
    return { status: count > 0 ? 'done' : 'todo', params: { count } };
  },
  detail: {
    en: ({ count }) =>
      count === 0
        ? 'No open-source check yet: court records, wanted lists, media, leaked databases.'
        : `${count} open-source check${count === 1 ? '' : 's'} recorded.`,
    ru: ({ count }) =>
      count === 0
        ? 'Проверок по открытым источникам ещё нет: судебные базы, базы розыска, СМИ, утечки.'
        : `Записано проверок по открытым источникам: ${count}.`,
  },
});
