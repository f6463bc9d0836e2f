import {
  effectiveReviewedOn,
  type ReferenceDataFile,
  type ReferenceReviews,
  referenceDataFiles,
} from '../data/index';
import { daysBetween, formatDate } from '../dates';
import { listText } from '../i18n';
import { defineFlag, type Parameter } from '../rule';

/** Reference data older than this many days (before today) is stale. 90 days exactly is not yet stale. */
export const staleAfter: Parameter = {
  value: 90,
  unit: 'days',
  decidedBy: 'domain.md: "the app says when that date is more than 90 days old" (ruleset 2026.11)',
};

export type StaleFile = { file: ReferenceDataFile; reviewedOn: string };

/** Files whose last review, in code or by an admin, is more than `staleAfter` days before today. */
export function staleFiles(today: string, reviews?: ReferenceReviews): StaleFile[] {
  return referenceDataFiles
    .map((file) => ({ file, reviewedOn: effectiveReviewedOn(file, reviews) }))
    .filter((f) => daysBetween(f.reviewedOn, today) > staleAfter.value);
}

// A batch is usually evaluated for one day with the same reviews: remember the last answer.
let last: { today: string; reviews: ReferenceReviews | undefined; files: StaleFile[] } | undefined;
function staleToday(today: string, reviews: ReferenceReviews | undefined): StaleFile[] {
  if (last?.today !== today || last.reviews !== reviews)
    last = { today, reviews, files: staleFiles(today, reviews) };
  return last.files;
}

/** Facts change: deportations, closed borders, new units identified. The rules are only as good as their data. */
export default defineFlag<{ files: StaleFile[] }>({
  id: 'REFDATA_STALE',
  category: 'reference_data',
  severity: 'info',
  title: { en: 'Reference data out of date', ru: 'Справочные данные устарели' },
  doc: `A reference-data file was last reviewed (in code, or by an admin on the reference-data page) more than ${staleAfter.value} days before today.`,
  parameters: { staleAfter },
  check({ today, reviews }) {
    const files = staleToday(today, reviews);
    if (files.length === 0) return undefined;
    return { facts: files.map((f) => `${f.file.file}.reviewedOn=${f.reviewedOn}`), params: { files } };
  },
  message: {
    en: ({ files }) =>
      `Some reference data was last reviewed more than ${staleAfter.value} days ago: ${listText(
        files.map((f) => `${f.file.title.en} (${formatDate(f.reviewedOn, 'en')})`),
        'en',
      )}. Host-country dangers, routes and unit links change: have an admin review them before relying on this assessment.`,
    ru: ({ files }) =>
      `Часть справочных данных не проверялась больше ${staleAfter.value} дней: ${listText(
        files.map((f) => `${f.file.title.ru} (${formatDate(f.reviewedOn, 'ru')})`),
        'ru',
      )}. Опасность стран, маршруты и сведения о частях меняются: пусть администратор проверит эти данные, прежде чем полагаться на оценку.`,
  },
});
