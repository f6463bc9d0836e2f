import type { Screening } from '../case-schema';
import { bbcRussianDesertion } from '../data/sources';
import { listText } from '../i18n';
import { labels } from '../labels';
import { unique } from '../lists';
import { defineFlag } from '../rule';

/** "We cannot prove that someone is an FSB agent, but we can sense when someone seems suspicious" (seed 004). */
export default defineFlag<{ indicators: Screening['securityIndicators'] }>({
  id: 'SCREEN_SECURITY',
  category: 'screening',
  severity: 'high',
  title: { en: 'Security concern', ru: 'Есть признаки угрозы безопасности' },
  doc: 'Any security indicator recorded.',
  source: bbcRussianDesertion,
  check({ case: c }) {
    const indicators = unique(c.screening.securityIndicators);
    if (indicators.length === 0) return undefined;
    return { facts: indicators.map((i) => `screening.securityIndicators=${i}`), params: { indicators } };
  },
  message: {
    en: ({ indicators }) =>
      `Security concern: ${listText(
        indicators.map((i) => labels.en.securityIndicators[i].toLowerCase()),
        'en',
      )}. Nothing is proven, but a supervisor must review him and partners must be told to be extremely careful with him.`,
    ru: ({ indicators }) =>
      `Есть настораживающие признаки: ${listText(
        indicators.map((i) => labels.ru.securityIndicators[i].toLowerCase()),
        'ru',
      )}. Ничего не доказано, но его должен проверить руководитель, а партнёров нужно предупредить о крайней осторожности.`,
  },
});
