import { bbcRussianDesertion } from '../data/sources';
import { defineCheck, type Parameter } from '../rule';

/** How many consistent knowledge checks complete the item. */
const checksNeeded: Parameter = {
  value: 3,
  unit: 'checks',
  decidedBy:
    'rules.md VERIFY_KNOWLEDGE_CHECKS (ruleset 2026.11): more than one answer, as verifiers ask several',
};

/** Questions only someone from that base would answer; any inconsistent answer blocks the item. */
export default defineCheck<{ consistent: number; inconsistent: number }>({
  id: 'VERIFY_KNOWLEDGE_CHECKS',
  category: 'verification',
  label: {
    en: `Run at least ${checksNeeded.value} knowledge checks about the unit and base`,
    ru: `Задать не менее ${checksNeeded.value} контрольных вопросов о части и месте службы`,
  },
  doc: `Done when at least ${checksNeeded.value} knowledge checks are consistent and none is inconsistent; blocked if any is inconsistent.`,
  parameters: { checksNeeded },
  source: bbcRussianDesertion,
  check: ({ case: c }) => {
    const checks = c.verification.knowledgeChecks;
    const consistent = checks.filter((k) => k.result === 'consistent').length;
    const inconsistent = checks.filter((k) => k.result === 'inconsistent').length;
    const status = inconsistent > 0 ? 'blocked' : consistent >= checksNeeded.value ? 'done' : 'todo';
    return { status, params: { consistent, inconsistent } };
  },
  detail: {
    en: ({ consistent, inconsistent }) =>
      inconsistent > 0
        ? `${inconsistent} answer${inconsistent === 1 ? '' : 's'} did not fit: a supervisor must review before this can be completed.`
        : `${consistent} of ${checksNeeded.value} consistent checks needed.`,
    ru: ({ consistent, inconsistent }) =>
      inconsistent > 0
        ? `Не сошлось ответов: ${inconsistent}. Пока руководитель не разберётся, пункт не закрыть.`
        : `Совпавших ответов на контрольные вопросы: ${consistent} из ${checksNeeded.value} необходимых.`,
  },
});
