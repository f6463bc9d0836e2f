import { defineCheck } from '../rule';

/** Papers for every criminal case he claims; not applicable when he claims none. */
export default defineCheck<{ claimed: number; withoutPapers: string[] }>({
  id: 'DOC_CRIMINAL_CASE',
  category: 'documents',
  label: {
    en: 'See papers for every criminal case claimed',
    ru: 'Увидеть документы по каждому заявленному уголовному делу',
  },
  doc: 'Done when every criminal case claimed has `evidenceSeen`; not applicable when none is claimed.',
  check: ({ case: c }) => {
    const cases = c.persecution.criminalCases;
    const withoutPapers = cases.filter((cc) => !cc.evidenceSeen).map((cc) => cc.article);
    const status = cases.length === 0 ? 'not_applicable' : withoutPapers.length === 0 ? 'done' : 'todo';
    return { status, params: { claimed: cases.length, withoutPapers } };
  },
  detail: {
    en: ({ claimed, withoutPapers }) =>
      claimed === 0
        ? 'No criminal case claimed.'
        : withoutPapers.length === 0
          ? 'Papers seen for every case claimed.'
          : `No case file, court record or notice seen yet for: ${withoutPapers.map((a) => `art. ${a}`).join(', ')}.`,
    ru: ({ claimed, withoutPapers }) =>
      claimed === 0
        ? 'Уголовных дел не заявлено.'
        : withoutPapers.length === 0
          ? 'Документы по каждому заявленному делу видели.'
          : `Не видели ни материалов дела, ни судебной записи, ни уведомления по делам: ${withoutPapers.map((a) => `ст. ${a}`).join(', ')}.`,
  },
});
