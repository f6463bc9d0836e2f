import { bbcRussianDesertion } from '../data/sources';
import { defineFlag, type NoParams } from '../rule';

/** Never deployed: he never reached the front, which is easier to verify. */
export default defineFlag<NoParams>({
  id: 'DEPLOY_NONE',
  category: 'deployment',
  severity: 'info',
  title: { en: 'Never deployed', ru: 'Не был на фронте' },
  doc: 'No deployments recorded: never deployed.',
  source: bbcRussianDesertion,
  check: ({ case: c }) =>
    c.deployments.length === 0 ? { facts: ['deployments.length=0'], params: {} } : undefined,
  message: {
    en: () =>
      'No deployment to the war zone is recorded: he says he never reached the front. That is easier to verify; confirm it with the unit cross-check and open sources.',
    ru: () =>
      'Командировок в зону боевых действий не записано: по его словам, на фронт он не попал. Это проще проверить; подтвердите сверкой по части и открытыми источниками.',
  },
});
