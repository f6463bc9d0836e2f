import type { Application, Destination } from '../case-schema';
import { formatDate } from '../dates';
import { countryName, listText } from '../i18n';
import { defineFlag } from '../rule';

type Denial = { destination: Destination; application: Application };

/** An earlier application was refused: a new one needs new evidence (and the refusal may decide Dublin). */
export default defineFlag<{ denials: Denial[] }>({
  id: 'DEST_PRIOR_DENIAL',
  category: 'destination',
  severity: 'info',
  title: { en: 'Earlier application denied', ru: 'Прежнее заявление отклонено' },
  doc: 'An earlier application to a destination was `denied`.',
  check({ case: c }) {
    const denials: (Denial & { path: string })[] = [];
    c.destinations.forEach((destination, i) => {
      destination.applications?.forEach((application, j) => {
        if (application.status === 'denied')
          denials.push({
            destination,
            application,
            path: `destinations[${i}].applications[${j}].status=denied`,
          });
      });
    });
    if (denials.length === 0) return undefined;
    return { facts: denials.map((d) => d.path), params: { denials } };
  },
  message: {
    en: ({ denials }) =>
      `Earlier application denied: ${listText(
        denials.map(
          (d) =>
            `${countryName(d.destination.country, 'en')}, filed on ${formatDate(d.application.filedOn, 'en')}`,
        ),
        'en',
      )}. A new application needs new evidence, and the earlier decision must be disclosed.`,
    ru: ({ denials }) =>
      `Прежнее заявление отклонено: ${listText(
        denials.map(
          (d) =>
            `${countryName(d.destination.country, 'ru')}, подано ${formatDate(d.application.filedOn, 'ru')}`,
        ),
        'ru',
      )}. Для нового заявления нужны новые доказательства, а о прежнем решении придётся сообщить.`,
  },
});
