import type { CriminalCase } from '../case-schema';
import { type AppliedPenalty, criminalCode, penaltyFor, persecutionArticles } from '../data/criminal-code';
import { formatDate } from '../dates';
import type { Locale } from '../i18n';
import { labels } from '../labels';
import { concatMap } from '../lists';
import { defineFlag } from '../rule';

type Article = keyof typeof criminalCode;
type Charged = { index: number; criminalCase: CriminalCase & { article: Article }; applied: AppliedPenalty };
type Params = Charged & { harshest: Charged | undefined; cases: number };

const isListed = (cc: CriminalCase): cc is CriminalCase & { article: Article } =>
  persecutionArticles.has(cc.article);

function caseText({ criminalCase: cc, applied }: Charged, locale: Locale): string {
  const offence = criminalCode[cc.article].offence[locale];
  return locale === 'en'
    ? `art. ${cc.article}${cc.part ? ` part ${cc.part}` : ''} (${offence}), up to ${applied.maxYears} years`
    : `ст. ${cc.article}${cc.part ? ` ч. ${cc.part}` : ''} (${offence}), до ${applied.maxYears} лет`;
}

/** "stage: wanted; " before the opening date; nothing when the stage is only that it was opened. */
function stageText(cc: CriminalCase, locale: Locale): string {
  const opened = cc.openedOn !== undefined;
  if (cc.stage === 'opened' && opened) return '';
  const label = labels[locale].criminalCaseStages[cc.stage].toLowerCase();
  return locale === 'en'
    ? `stage: ${label}${opened ? '; ' : ''}`
    : `стадия: ${label}${opened ? '; дело ' : ''}`;
}

const undatedNote = {
  en: ' (the date he left is not recorded, so this is the harshest range that may apply)',
  ru: ' (дата ухода не записана, поэтому указан самый строгий срок из возможных)',
};

/**
 * One flag per criminal case under a military-offence article, each with the maximum penalty in force when he
 * left (the 2026 range for prison recruits applies only to desertion on or after 9 Jan 2026). With several
 * cases, each message also names the harshest exposure across them.
 */
export default defineFlag<Params>({
  id: 'PERSECUTION_EVIDENCE',
  category: 'persecution',
  severity: 'info',
  title: { en: 'Criminal case for leaving the army', ru: 'Уголовное дело за уход из армии' },
  doc: 'A criminal case under art. 337, 338, 332, 339, 352.1 or 328: the message states the maximum penalty in force when he left, and with several cases the harshest.',
  check({ case: c }) {
    const charged: Charged[] = concatMap(c.persecution.criminalCases, (criminalCase, index) =>
      isListed(criminalCase)
        ? [
            {
              index,
              criminalCase,
              applied: penaltyFor(criminalCase.article, c.service.serviceType, {
                leftOn: c.desertion.leftOn,
                openedOn: criminalCase.openedOn,
              }),
            },
          ]
        : [],
    );
    const harshest =
      charged.length > 1
        ? charged.reduce((a, b) => (b.applied.maxYears > a.applied.maxYears ? b : a))
        : undefined;
    return charged.map((one) => ({
      facts: [
        `persecution.criminalCases[${one.index}].article=${one.criminalCase.article}`,
        `persecution.criminalCases[${one.index}].stage=${one.criminalCase.stage}`,
        ...(c.desertion.leftOn ? [`desertion.leftOn=${c.desertion.leftOn}`] : []),
      ],
      params: {
        index: one.index,
        criminalCase: one.criminalCase,
        applied: one.applied,
        harshest,
        cases: charged.length,
      },
      source: one.applied.source,
    }));
  },
  message: {
    en: (p) => {
      const cc = p.criminalCase;
      const stage = stageText(cc, 'en');
      const harshest =
        p.harshest && p.harshest.index !== p.index
          ? ` Across his ${p.cases} cases the harshest exposure is ${caseText(p.harshest, 'en')}.`
          : p.harshest
            ? ` Of his ${p.cases} cases, this one carries the harshest exposure.`
            : '';
      return `Criminal case under art. ${cc.article}${cc.part ? ` part ${cc.part}` : ''} (${criminalCode[cc.article].offence.en}), ${stage}${cc.openedOn ? `opened on ${formatDate(cc.openedOn, 'en')}` : ''}. It carries ${p.applied.penalty.en} (at most ${p.applied.maxYears} years)${p.applied.dateUnknown ? undatedNote.en : ''}.${harshest} ${cc.evidenceSeen ? 'Papers for the case have been seen.' : 'No papers for the case have been seen yet.'}`;
    },
    ru: (p) => {
      const cc = p.criminalCase;
      const stage = stageText(cc, 'ru');
      const harshest =
        p.harshest && p.harshest.index !== p.index
          ? ` Самое строгое наказание по всем его делам (их ${p.cases}): ${caseText(p.harshest, 'ru')}.`
          : p.harshest
            ? ` Из всех его дел (их ${p.cases}) по этому грозит самое строгое наказание.`
            : '';
      return `Уголовное дело по ст. ${cc.article}${cc.part ? ` ч. ${cc.part}` : ''} УК РФ (${criminalCode[cc.article].offence.ru}), ${stage}${cc.openedOn ? `возбуждено ${formatDate(cc.openedOn, 'ru')}` : ''}. Грозит лишение свободы ${p.applied.penalty.ru} (максимум — ${p.applied.maxYears} лет)${p.applied.dateUnknown ? undatedNote.ru : ''}.${harshest} ${cc.evidenceSeen ? 'Документы по делу видели.' : 'Документов по делу пока не видели.'}`;
    },
  },
});
