import { defineCheck } from '../rule';

export const KNOWLEDGE_CHECKS_NEEDED = 3;

/** Questions only someone from that base would answer; any inconsistent answer blocks the item. */
export default defineCheck<{ consistent: number; inconsistent: number }>({
  id: 'VERIFY_KNOWLEDGE_CHECKS',
  category: 'verification',
  doc: 'Done when at least 3 knowledge checks are consistent and none is inconsistent; blocked if any is inconsistent.',
  source: 'Seed 004 (BBC Russian): "where is the dining hall?", "the memorial at the entrance?"',
  check: ({ case: c }) => {
    const checks = c.verification.knowledgeChecks;
    const consistent = checks.filter((k) => k.result === 'consistent').length;
    const inconsistent = checks.filter((k) => k.result === 'inconsistent').length;
    const status = inconsistent > 0 ? 'blocked' : consistent >= KNOWLEDGE_CHECKS_NEEDED ? 'done' : 'todo';
    return { status, params: { consistent, inconsistent } };
  },
  detail: {
    en: ({ consistent, inconsistent }) =>
      inconsistent > 0
        ? `${inconsistent} answer${inconsistent === 1 ? '' : 's'} did not fit: a supervisor must review before this can be completed.`
        : `${consistent} of ${KNOWLEDGE_CHECKS_NEEDED} consistent checks needed.`,
    ru: ({ consistent, inconsistent }) =>
      inconsistent > 0
        ? `Не сошлось ответов: ${inconsistent}. Пока руководитель не разберётся, пункт не закрыть.`
        : `Сошлось ${consistent} из ${KNOWLEDGE_CHECKS_NEEDED} нужных контрольных вопросов.`,
  },
});
