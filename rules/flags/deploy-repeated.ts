import type { Deployment } from '../case-schema';
import { bbcRussianDesertion } from '../data/sources';
import { formatDate } from '../dates';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

type Return = { earlier: number; later: number; ended: Deployment; back: Deployment };

const WENT_HOME: ReadonlySet<Deployment['endedBy']> = new Set(['leave', 'injury', 'rotation']);

/**
 * He went back: a deployment starts after an earlier one ended by leave, injury or rotation. "After" is strict:
 * a deployment starting the day another ended is a transfer, not a return.
 */
export default defineFlag<{ returns: Return[] }>({
  id: 'DEPLOY_REPEATED',
  category: 'deployment',
  severity: 'warning',
  title: { en: 'Went back to the front', ru: 'Возвращался на фронт' },
  doc: 'A deployment starts after an earlier one ended by leave, injury or rotation (he went back).',
  source: bbcRussianDesertion,
  check({ case: c }) {
    const returns: Return[] = [];
    c.deployments.forEach((back, later) => {
      const earlier = c.deployments.findIndex(
        (d) => d !== back && WENT_HOME.has(d.endedBy) && d.to !== undefined && d.to < back.from,
      );
      if (earlier >= 0) returns.push({ earlier, later, ended: c.deployments[earlier]!, back });
    });
    if (returns.length === 0) return undefined;
    return {
      facts: concatMap(returns, (r) => [
        `deployments[${r.earlier}].endedBy=${r.ended.endedBy}`,
        `deployments[${r.earlier}].to=${r.ended.to}`,
        `deployments[${r.later}].from=${r.back.from}`,
      ]),
      params: { returns },
    };
  },
  message: {
    en: ({ returns }) =>
      `He went back to the front: ${returns
        .map(
          (r) =>
            `deployment ${r.later + 1} (${labels.en.regions[r.back.region]}, from ${formatDate(r.back.from, 'en')}) began after deployment ${r.earlier + 1} ended by ${labels.en.deploymentEndings[r.ended.endedBy].toLowerCase()} on ${formatDate(r.ended.to!, 'en')}`,
        )
        .join(
          '; ',
        )}. Someone who returned, possibly to different places, is harder to verify: establish each period and place.`,
    ru: ({ returns }) =>
      `Он возвращался на фронт: ${returns
        .map(
          (r) =>
            `командировка ${r.later + 1} (${labels.ru.regions[r.back.region]}, с ${formatDate(r.back.from, 'ru')}) началась после того, как командировка ${r.earlier + 1} закончилась ${formatDate(r.ended.to!, 'ru')} (причина: ${labels.ru.deploymentEndings[r.ended.endedBy].toLowerCase()})`,
        )
        .join(
          '; ',
        )}. Того, кто возвращался, возможно в разные места, проверить труднее: установите каждый период и место.`,
  },
});
