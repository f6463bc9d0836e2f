import { type ReferenceDataFile, referenceDataFiles } from '../data/index';
import { daysBetween } from '../dates';
import { defineFlag } from '../rule';

/** Reference data older than this many days (before today) is stale. 90 days exactly is not yet stale. */
export const STALE_AFTER_DAYS = 90;

export function staleFiles(
  today: string,
  files: readonly ReferenceDataFile[] = referenceDataFiles,
): ReferenceDataFile[] {
  return files.filter((f) => daysBetween(f.reviewedOn, today) > STALE_AFTER_DAYS);
}

// A batch is usually evaluated for one day: remember the last answer for the built-in files.
let last: { today: string; files: ReferenceDataFile[] } | undefined;
function staleToday(today: string): ReferenceDataFile[] {
  if (last?.today !== today) last = { today, files: staleFiles(today) };
  return last.files;
}

/** Facts change: deportations, closed borders, new units identified. The rules are only as good as their data. */
export default defineFlag<{ files: ReferenceDataFile[] }>({
  id: 'REFDATA_STALE',
  category: 'reference_data',
  severity: 'info',
  doc: 'A reference-data file was last reviewed more than 90 days before today.',
  check({ today }) {
    const files = staleToday(today);
    if (files.length === 0) return undefined;
    return { facts: files.map((f) => `${f.file}.reviewedOn=${f.reviewedOn}`), params: { files } };
  },
  message: {
    en: ({ files }) =>
      `Reference data last reviewed more than ${STALE_AFTER_DAYS} days ago: ${files.map((f) => `${f.file} (${f.reviewedOn})`).join(', ')}. Host-country dangers, routes and unit links change: have an admin review them before relying on this assessment.`,
    ru: ({ files }) =>
      `Справочные данные не проверялись больше ${STALE_AFTER_DAYS} дней: ${files.map((f) => `${f.file} (${f.reviewedOn})`).join(', ')}. Опасность стран, маршруты и сведения о частях меняются: пусть администратор проверит данные, прежде чем полагаться на эту оценку.`,
  },
});
