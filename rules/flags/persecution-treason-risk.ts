import type { CriminalArticle } from '../case-schema';
import { criminalCode } from '../data/criminal-code';
import { listText } from '../i18n';
import { concatMap, unique } from '../lists';
import { defineFlag } from '../rule';

type TreasonArticle = Extract<CriminalArticle, '275' | '352.1'>;

/** A treason (275) or surrender (352.1) case: the heaviest exposure, and a sign of security-service interest. */
export default defineFlag<{ articles: TreasonArticle[] }>({
  id: 'PERSECUTION_TREASON_RISK',
  category: 'persecution',
  severity: 'high',
  title: { en: 'Treason exposure', ru: 'Риск обвинения в госизмене' },
  doc: 'A criminal case under art. 275 (treason) or art. 352.1 (voluntary surrender).',
  source: criminalCode['275'].penalties[0]!.source,
  check({ case: c }) {
    const cases = concatMap(c.persecution.criminalCases, (cc, i) =>
      cc.article === '275' || cc.article === '352.1' ? [{ article: cc.article, i }] : [],
    );
    if (cases.length === 0) return undefined;
    return {
      facts: cases.map(({ article, i }) => `persecution.criminalCases[${i}].article=${article}`),
      params: { articles: unique(cases.map((x) => x.article)) },
    };
  },
  message: {
    en: ({ articles }) =>
      `Treason exposure: ${listText(
        articles.map(
          (a) => `art. ${a} (${criminalCode[a].offence.en}: ${criminalCode[a].penalties[0]!.penalty.en})`,
        ),
        'en',
      )}. Such cases draw the security services' attention to him and to anyone helping him: a supervisor should review the case and its security.`,
    ru: ({ articles }) =>
      `Риск обвинения в госизмене: ${listText(
        articles.map(
          (a) => `ст. ${a} (${criminalCode[a].offence.ru}: ${criminalCode[a].penalties[0]!.penalty.ru})`,
        ),
        'ru',
      )}. Такие дела привлекают внимание спецслужб к нему и к тем, кто ему помогает: руководитель должен проверить дело и меры безопасности.`,
  },
});
