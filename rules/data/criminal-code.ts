/**
 * Russian Criminal Code articles a deserter, refuser or evader faces, with the maximum penalty in mobilisation
 * or wartime. Each penalty carries the dates it applies between (`since`, `until`) and, where it is aimed at
 * one kind of soldier, that kind: the rules pick the one in force when he left.
 */
import type { CriminalArticle, ServiceType } from '../case-schema';
import type { Text } from '../i18n';
import type { Citation, Source } from '../sources';
import { criminalCodeText } from './sources';

export const reviewedOn = '2026-11-22';

type Penalty = {
  /** In force for an offence on or after this day… */
  since: string;
  /** …and before this one, when it was replaced. */
  until?: string;
  /** Only for this kind of service (the 2026 law aims at soldiers recruited from prison). */
  onlyFor?: ServiceType;
  penalty: Text;
  /** The heaviest sentence in years (life imprisonment counts as 99), to compare cases. */
  maxYears: number;
  source: Citation;
};

export type ArticleFacts = { offence: Text; penalties: readonly Penalty[] };

/** Federal Law 365-FZ of 24 Sep 2022 brought in the mobilisation and wartime penalties. */
const LAW_365_FZ = '2022-09-24';

const kommersant337: Source = {
  url: 'https://www.kommersant.ru/doc/8336959',
  publisher: 'Kommersant',
  date: '2026',
};
const kiportal338: Source = {
  url: 'https://kiportal.ru/biblioteka/zakonodatelstvo/uk-chast2-razdel11-glava33-statya338',
  publisher: 'Kiportal: Criminal Code of the Russian Federation, art. 338',
  date: LAW_365_FZ,
};
const kommersant339: Source = {
  url: 'https://www.kommersant.ru/doc/8195137',
  publisher: 'Kommersant',
  date: '2025',
};
const tassPrisonRecruits: Source = {
  url: 'https://tass.ru/obschestvo/26110361',
  publisher: 'TASS',
  date: '2026-01',
};

const since365 = (penalty: Text, maxYears: number, source: Citation): Penalty => ({
  since: LAW_365_FZ,
  penalty,
  maxYears,
  source,
});

export const criminalCode: Record<Exclude<CriminalArticle, 'other'>, ArticleFacts> = {
  '337': {
    offence: { en: 'unauthorised absence from the unit', ru: 'самовольное оставление части' },
    penalties: [
      since365(
        {
          en: '5 to 10 years when the absence is over one month',
          ru: 'от 5 до 10 лет, если отсутствие длится больше месяца',
        },
        10,
        kommersant337,
      ),
    ],
  },
  '338': {
    offence: { en: 'desertion', ru: 'дезертирство' },
    penalties: [
      since365({ en: '5 to 15 years', ru: 'от 5 до 15 лет' }, 15, kiportal338),
      {
        since: '2026-01-09',
        onlyFor: 'prison_recruit',
        penalty: {
          en: '10 to 20 years for a soldier recruited from prison',
          ru: 'от 10 до 20 лет для завербованного из колонии',
        },
        maxYears: 20,
        source: tassPrisonRecruits,
      },
    ],
  },
  '332': {
    offence: {
      en: 'disobeying orders, including refusing to fight (part 2.1)',
      ru: 'неисполнение приказа, в том числе отказ участвовать в боевых действиях (часть 2.1)',
    },
    penalties: [
      since365(
        {
          en: '2 to 3 years; up to 10 with grave consequences',
          ru: 'от 2 до 3 лет; до 10 лет при тяжких последствиях',
        },
        10,
        criminalCodeText,
      ),
    ],
  },
  '339': {
    offence: {
      en: 'evading service by feigned illness or self-harm',
      ru: 'уклонение от службы путём симуляции болезни или членовредительства',
    },
    penalties: [since365({ en: '5 to 10 years', ru: 'от 5 до 10 лет' }, 10, kommersant339)],
  },
  '352.1': {
    offence: { en: 'voluntary surrender', ru: 'добровольная сдача в плен' },
    penalties: [since365({ en: '3 to 10 years', ru: 'от 3 до 10 лет' }, 10, criminalCodeText)],
  },
  '328': {
    offence: {
      en: 'draft evasion (conscription, not mobilisation)',
      ru: 'уклонение от призыва на срочную службу (не от мобилизации)',
    },
    penalties: [since365({ en: 'up to 2 years', ru: 'до 2 лет' }, 2, criminalCodeText)],
  },
  '275': {
    offence: { en: 'high treason', ru: 'государственная измена' },
    penalties: [
      since365(
        { en: '12 to 20 years, or life imprisonment', ru: 'от 12 до 20 лет или пожизненное лишение свободы' },
        99,
        criminalCodeText,
      ),
    ],
  },
};

export type AppliedPenalty = Penalty & {
  /** The day of the offence was not known: the harshest penalty that may apply was taken. */
  dateUnknown: boolean;
};

// Each penalty as applied, with and without a known date, built once: spreading a penalty into a new object
// on every evaluation was a tenth of the criminal-case flag's cost.
const appliedForms = new Map<Penalty, { dated: AppliedPenalty; undated: AppliedPenalty }>();
for (const { penalties } of Object.values(criminalCode))
  for (const p of penalties)
    appliedForms.set(p, { dated: { ...p, dateUnknown: false }, undated: { ...p, dateUnknown: true } });
const applied = (p: Penalty, dateUnknown: boolean): AppliedPenalty => {
  const forms = appliedForms.get(p)!;
  return dateUnknown ? forms.undated : forms.dated;
};

/** When the offence happened, as far as the case says: the day he left, or at least the day a case was opened. */
export type OffenceDates = { leftOn?: string; openedOn?: string };

/**
 * The penalty in force for the offence: the one for his kind of service if there is one, else the general one,
 * on the day he left. Without that day, the harshest that may apply (only penalties in force when the case was
 * opened can, since he left before that). An offence before every listed penalty is read under the earliest.
 */
export function penaltyFor(
  article: Exclude<CriminalArticle, 'other'>,
  serviceType: ServiceType,
  { leftOn: offenceOn, openedOn }: OffenceDates,
): AppliedPenalty {
  const candidates = criminalCode[article].penalties.filter((p) => !p.onlyFor || p.onlyFor === serviceType);
  if (offenceOn === undefined) {
    const possible = candidates.filter((p) => openedOn === undefined || p.since <= openedOn);
    const pool = possible.length > 0 ? possible : candidates;
    const harshest = pool.reduce((a, b) => (b.maxYears > a.maxYears ? b : a));
    return applied(
      harshest,
      pool.some((p) => p.maxYears !== harshest.maxYears),
    );
  }
  const inForce = candidates.filter(
    (p) => p.since <= offenceOn && (p.until === undefined || offenceOn < p.until),
  );
  const chosen =
    inForce.find((p) => p.onlyFor) ??
    inForce.reduce<Penalty | undefined>(
      (a, b) => (a === undefined || b.since > a.since ? b : a),
      undefined,
    ) ??
    candidates[0]!;
  return applied(chosen, false);
}

/** Articles whose case is persecution evidence for PERSECUTION_EVIDENCE (275 is treason risk instead). */
export const persecutionArticles: ReadonlySet<CriminalArticle> = new Set([
  '337',
  '338',
  '332',
  '339',
  '352.1',
  '328',
]);
