import type { Verification } from '../case-schema';
import { labels } from '../labels';
import { defineCheck } from '../rule';

/** Where was his unit, and when? Checked against open-source military analysis. */
export default defineCheck<{ result: Verification['unitCrossCheck'] }>({
  id: 'VERIFY_UNIT_CROSS_CHECK',
  category: 'verification',
  label: {
    en: "Cross-check the unit's whereabouts against open sources",
    ru: 'Сверить местонахождение части с открытыми источниками',
  },
  doc: 'Done when `unitCrossCheck` is `consistent`; blocked when `inconsistent`.',
  check: ({ case: c }) => {
    const result = c.verification.unitCrossCheck;
    const status = result === 'consistent' ? 'done' : result === 'inconsistent' ? 'blocked' : 'todo';
    return { status, params: { result } };
  },
  detail: {
    en: ({ result }) =>
      result === 'not_done'
        ? 'Not done yet: check where his unit was, and when, against open sources (e.g. Conflict Intelligence Team).'
        : `Result: ${labels.en.unitCrossCheckResults[result].toLowerCase()}.`,
    ru: ({ result }) =>
      result === 'not_done'
        ? 'Ещё не проводилась: сверьте, где и когда была его часть, с открытыми источниками (например, Conflict Intelligence Team).'
        : `Результат: ${labels.ru.unitCrossCheckResults[result].toLowerCase()}.`,
  },
});
