import type { OpenSourceCheck } from '../case-schema';
import { listText, lowerLabel } from '../i18n';
import { labels } from '../labels';
import { concatMap, unique } from '../lists';
import { defineFlag } from '../rule';

/** Court records, wanted lists, media or leaks tell another story. */
export default defineFlag<{ sources: OpenSourceCheck['source'][] }>({
  id: 'OPEN_SOURCE_CONTRADICTS',
  category: 'verification',
  severity: 'high',
  title: { en: 'Open sources contradict his story', ru: 'Открытые источники противоречат его рассказу' },
  doc: 'Any open-source check `contradicts`.',
  check({ case: c }) {
    const found = concatMap(c.verification.openSource, (o, i) =>
      o.result === 'contradicts' ? [{ o, i }] : [],
    );
    if (found.length === 0) return undefined;
    return {
      facts: found.map(({ o, i }) => `verification.openSource[${i}]=${o.source}:contradicts`),
      params: { sources: unique(found.map(({ o }) => o.source)) },
    };
  },
  message: {
    en: ({ sources }) =>
      `Open sources contradict his story: ${listText(
        sources.map((s) => labels.en.openSourceSources[s].toLowerCase()),
        'en',
      )}. A supervisor must review the contradiction before any referral.`,
    ru: ({ sources }) =>
      `Открытые источники противоречат его рассказу: ${listText(
        sources.map((s) => lowerLabel(labels.ru.openSourceSources[s])),
        'ru',
      )}. До любого направления противоречие должен разобрать руководитель.`,
  },
});
