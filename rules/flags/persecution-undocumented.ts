import type { CaseFile } from '../case-schema';
import { bbcRussianDesertion } from '../data/sources';
import { labels } from '../labels';
import { defineFlag } from '../rule';

/** "The mere fact of desertion convinces no one" (seed 004): without a case or wanted listing, nothing shows persecution. */
export default defineFlag<{ wantedList: CaseFile['persecution']['wantedList'] }>({
  id: 'PERSECUTION_UNDOCUMENTED',
  category: 'persecution',
  severity: 'warning',
  title: { en: 'Persecution undocumented', ru: 'Преследование не подтверждено' },
  doc: 'No criminal case, and wanted list `none` or `unknown`.',
  source: bbcRussianDesertion,
  check({ case: c }) {
    const { criminalCases, wantedList } = c.persecution;
    if (criminalCases.length > 0 || (wantedList !== 'none' && wantedList !== 'unknown')) return undefined;
    return {
      facts: ['persecution.criminalCases.length=0', `persecution.wantedList=${wantedList}`],
      params: { wantedList },
    };
  },
  message: {
    en: ({ wantedList }) =>
      `No criminal case is recorded and the wanted-list status is "${labels.en.wantedLists[wantedList].toLowerCase()}". Desertion alone convinces no one: look for a case in court records and wanted lists, or a notice served on his family.`,
    ru: ({ wantedList }) =>
      `Уголовное дело не записано, статус розыска: «${labels.ru.wantedLists[wantedList].toLowerCase()}». Сам факт дезертирства никого не убеждает: ищите дело в судебных базах и базах розыска или повестку, врученную семье.`,
  },
});
