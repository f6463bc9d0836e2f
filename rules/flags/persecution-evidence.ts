import type { CriminalCase, ServiceType } from '../case-schema';
import { criminalCode, persecutionArticles, prisonRecruitDesertion } from '../data/criminal-code';
import type { Locale } from '../i18n';
import { labels } from '../labels';
import { defineFlag } from '../rule';

type Params = { index: number; criminalCase: CriminalCase; prisonRecruit: boolean };

function penalty({ criminalCase: cc, prisonRecruit }: Params, locale: Locale): string {
  const facts = criminalCode[cc.article as keyof typeof criminalCode];
  const base = facts.penalty[locale];
  return prisonRecruit && cc.article === '338' ? `${base}; ${prisonRecruitDesertion.penalty[locale]}` : base;
}

const isPrisonRecruit = (t: ServiceType) => t === 'prison_recruit';

/**
 * One flag per criminal case under a military-offence article, each with its maximum penalty and its own
 * source. Art. 338 for prison recruits carries the heavier range in force since 9 Jan 2026.
 */
export default defineFlag<Params>({
  id: 'PERSECUTION_EVIDENCE',
  category: 'persecution',
  severity: 'info',
  doc: 'A criminal case under art. 337, 338, 332, 339, 352.1 or 328: the message states the maximum penalty.',
  check({ case: c }) {
    const prisonRecruit = isPrisonRecruit(c.service.serviceType);
    return c.persecution.criminalCases.flatMap((criminalCase, index) => {
      if (!persecutionArticles.has(criminalCase.article)) return [];
      const facts = criminalCode[criminalCase.article as keyof typeof criminalCode];
      return [
        {
          facts: [
            `persecution.criminalCases[${index}].article=${criminalCase.article}`,
            `persecution.criminalCases[${index}].stage=${criminalCase.stage}`,
          ],
          params: { index, criminalCase, prisonRecruit },
          source:
            prisonRecruit && criminalCase.article === '338' ? prisonRecruitDesertion.source : facts.source,
        },
      ];
    });
  },
  message: {
    en: (p) => {
      const cc = p.criminalCase;
      const facts = criminalCode[cc.article as keyof typeof criminalCode];
      return `Criminal case under art. ${cc.article}${cc.part ? ` part ${cc.part}` : ''} (${facts.offence.en}), ${labels.en.criminalCaseStages[cc.stage].toLowerCase()}${cc.openedOn ? `, opened ${cc.openedOn}` : ''}. In wartime this carries ${penalty(p, 'en')}. ${cc.evidenceSeen ? 'Papers for the case have been seen.' : 'No papers for the case have been seen yet.'}`;
    },
    ru: (p) => {
      const cc = p.criminalCase;
      const facts = criminalCode[cc.article as keyof typeof criminalCode];
      return `Уголовное дело по ст. ${cc.article}${cc.part ? ` ч. ${cc.part}` : ''} УК РФ (${facts.offence.ru}), стадия: ${labels.ru.criminalCaseStages[cc.stage].toLowerCase()}${cc.openedOn ? `, возбуждено ${cc.openedOn}` : ''}. В военное время грозит: ${penalty(p, 'ru')}. ${cc.evidenceSeen ? 'Документы по делу видели.' : 'Документов по делу пока не видели.'}`;
    },
  },
});
