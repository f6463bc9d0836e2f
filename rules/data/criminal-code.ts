/**
 * Russian Criminal Code articles a deserter, refuser or evader faces, with the maximum penalty in mobilisation
 * or wartime (Federal Law 365-FZ of 24 Sep 2022). From domain.md, "Persecution".
 */
import type { CriminalArticle } from '../case-schema';
import type { Text } from '../i18n';

export const reviewedOn = '2026-11-22';

export type ArticleFacts = {
  offence: Text;
  penalty: Text;
  /** The heaviest sentence in years (life imprisonment counts as 99), to compare cases. */
  maxYears: number;
  source: string;
};

const CRIMINAL_CODE = 'https://www.consultant.ru/document/cons_doc_LAW_10699/';

export const criminalCode: Record<Exclude<CriminalArticle, 'other'>, ArticleFacts> = {
  '337': {
    offence: { en: 'unauthorised absence from the unit', ru: 'самовольное оставление части' },
    penalty: {
      en: '5 to 10 years when the absence is over one month',
      ru: 'от 5 до 10 лет, если отсутствие длится больше месяца',
    },
    maxYears: 10,
    source: 'https://www.kommersant.ru/doc/8336959',
  },
  '338': {
    offence: { en: 'desertion', ru: 'дезертирство' },
    penalty: { en: '5 to 15 years', ru: 'от 5 до 15 лет' },
    maxYears: 15,
    source: 'https://kiportal.ru/biblioteka/zakonodatelstvo/uk-chast2-razdel11-glava33-statya338',
  },
  '332': {
    offence: {
      en: 'disobeying orders, including refusing to fight (part 2.1)',
      ru: 'неисполнение приказа, в том числе отказ участвовать в боевых действиях (часть 2.1)',
    },
    penalty: {
      en: '2 to 3 years; up to 10 with grave consequences',
      ru: 'от 2 до 3 лет; до 10 лет при тяжких последствиях',
    },
    maxYears: 10,
    source: CRIMINAL_CODE,
  },
  '339': {
    offence: {
      en: 'evading service by feigned illness or self-harm',
      ru: 'уклонение от службы путём симуляции болезни или членовредительства',
    },
    penalty: { en: '5 to 10 years', ru: 'от 5 до 10 лет' },
    maxYears: 10,
    source: 'https://www.kommersant.ru/doc/8195137',
  },
  '352.1': {
    offence: { en: 'voluntary surrender', ru: 'добровольная сдача в плен' },
    penalty: { en: '3 to 10 years', ru: 'от 3 до 10 лет' },
    maxYears: 10,
    source: CRIMINAL_CODE,
  },
  '328': {
    offence: {
      en: 'draft evasion (conscription, not mobilisation)',
      ru: 'уклонение от призыва (срочная служба, не мобилизация)',
    },
    penalty: { en: 'up to 2 years', ru: 'до 2 лет' },
    maxYears: 2,
    source: CRIMINAL_CODE,
  },
  '275': {
    offence: { en: 'high treason', ru: 'государственная измена' },
    penalty: {
      en: '12 to 20 years, or life imprisonment',
      ru: 'от 12 до 20 лет или пожизненное лишение свободы',
    },
    maxYears: 99,
    source: CRIMINAL_CODE,
  },
};

/** Since 9 Jan 2026 soldiers recruited from prison face more under art. 338. */
export const prisonRecruitDesertion = {
  since: '2026-01-09',
  penalty: {
    en: '10 to 20 years for soldiers recruited from prison',
    ru: 'от 10 до 20 лет для завербованных из колоний',
  },
  maxYears: 20,
  source: 'https://tass.ru/obschestvo/26110361',
} as const;

/** Articles whose case is persecution evidence for PERSECUTION_EVIDENCE (275 is treason risk instead). */
export const persecutionArticles: ReadonlySet<CriminalArticle> = new Set([
  '337',
  '338',
  '332',
  '339',
  '352.1',
  '328',
]);
