import { bbcRussianDesertion } from '../data/sources';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

/** "One wrong answer about a memorial that does not exist is a red flag" (seed 004). */
export default defineFlag<{ topics: string[] }>({
  id: 'VERIFY_KNOWLEDGE_FAILED',
  category: 'verification',
  severity: 'high',
  title: { en: 'Failed knowledge check', ru: 'Не прошёл контрольный вопрос' },
  doc: 'Any knowledge check is `inconsistent`.',
  source: bbcRussianDesertion,
  check({ case: c }) {
    const failed = concatMap(c.verification.knowledgeChecks, (k, i) =>
      k.result === 'inconsistent' ? [{ k, i }] : [],
    );
    if (failed.length === 0) return undefined;
    return {
      facts: failed.map(({ i }) => `verification.knowledgeChecks[${i}].result=inconsistent`),
      params: { topics: failed.map(({ k }) => k.topic) },
    };
  },
  message: {
    en: ({ topics }) =>
      `His answers did not fit on: ${topics.map((t) => `"${t}"`).join(', ')}. Someone who served at that base would know; one wrong answer can be a red flag. A supervisor should weigh it, and the checks may be repeated.`,
    ru: ({ topics }) =>
      `Его ответы не сошлись: ${topics.map((t) => `«${t}»`).join(', ')}. Тот, кто служил на этой базе, должен это знать; даже один неверный ответ может быть тревожным сигналом. Это должен оценить руководитель; вопросы можно повторить.`,
  },
});
