import { defineCheck } from '../rule';

/** At least one interview logged. */
export default defineCheck<{ count: number; minutes: number }>({
  id: 'VERIFY_INTERVIEW',
  category: 'verification',
  label: { en: 'Hold and log an interview', ru: 'Провести и записать интервью' },
  doc: 'Done when at least one interview is logged.',
  check: ({ case: c }) => {
    const { interviews } = c.verification;
    return {
      status: interviews.length > 0 ? 'done' : 'todo',
      params: { count: interviews.length, minutes: interviews.reduce((sum, i) => sum + i.minutes, 0) },
    };
  },
  detail: {
    en: ({ count, minutes }) =>
      count === 0
        ? 'No interview logged yet.'
        : `${count} interview${count === 1 ? '' : 's'} logged, ${minutes} minutes in all.`,
    ru: ({ count, minutes }) =>
      count === 0 ? 'Интервью пока не записано.' : `Записано интервью: ${count}, всего ${minutes} мин.`,
  },
});
