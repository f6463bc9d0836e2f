/**
 * Every reference-data file: its title, the date it was last reviewed in code, and every fact it holds with
 * its source, for REFDATA_STALE and the admin's reference-data page. An admin's later review (stored by the
 * app, passed to evaluate) counts as a review too.
 */
import { countryName, type Text } from '../i18n';
import type { Citation } from '../sources';
import * as atrocityPlaces from './atrocity-places';
import * as countries from './countries';
import * as criminalCode from './criminal-code';
import * as destinations from './destinations';
import * as hostCountries from './host-countries';
import * as implicatedUnits from './implicated-units';
import * as roles from './roles';

export type ReferenceFact = { fact: Text; source: Citation };

export type ReferenceDataFile = {
  /** The file's path in the repository: its stable id. */
  file: string;
  title: Text;
  reviewedOn: string;
  /** Every fact in the file with its source (built when asked: only the admin page and the tests list them). */
  facts: () => ReferenceFact[];
};

/** Latest review date an admin recorded, by file; absent files were not reviewed outside the code. */
export type ReferenceReviews = Readonly<Partial<Record<string, string>>>;

const both = (en: string, ru: string): Text => ({ en, ru });
const span = (from: string, to: string | undefined, locale: 'en' | 'ru') =>
  `${from} – ${to ?? (locale === 'en' ? 'ongoing' : 'по сей день')}`;

const echelonNames: Record<string, Text> = {
  brigade: both('brigade', 'бригада'),
  regiment: both('regiment', 'полк'),
  division: both('division', 'дивизия'),
  battalion: both('battalion', 'батальон'),
};

function unitFacts(): ReferenceFact[] {
  return implicatedUnits.implicatedUnits.flatMap((u) => {
    const about = (en: string, ru: string) => both(`${u.name.en}: ${en}`, `${u.name.ru}: ${ru}`);
    const d = u.designation;
    return [
      ...(d
        ? [
            {
              fact: about(
                `number ${d.value.number}, ${echelonNames[d.value.echelon]?.en ?? d.value.echelon}`,
                `номер ${d.value.number}, ${echelonNames[d.value.echelon]?.ru ?? d.value.echelon}`,
              ),
              source: d.source,
            },
          ]
        : []),
      ...(u.parent
        ? [
            {
              fact: about(`part of ${u.parent.value.en}`, `входит в состав: ${u.parent.value.ru}`),
              source: u.parent.source,
            },
          ]
        : []),
      ...u.unitNumbers.map((n) => ({
        fact: about(`military unit ${n.value}`, `войсковая часть ${n.value}`),
        source: n.source,
      })),
      ...u.officialNames.map((n) => ({
        fact: about(`official name "${n.value}"`, `официальное название «${n.value}»`),
        source: n.source,
      })),
      ...u.commonNames.map((n) => ({
        fact: about(`also called "${n.value}"`, `другое название «${n.value}»`),
        source: n.source,
      })),
      ...u.windows.map((w) => ({
        fact: about(
          `${w.where.en} (${span(w.from, w.to, 'en')})`,
          `${w.where.ru} (${span(w.from, w.to, 'ru')})`,
        ),
        source: w.source,
      })),
    ];
  });
}

function hostFacts(): ReferenceFact[] {
  const entries = Object.entries(hostCountries.hostCountries).flatMap(([code, host]) =>
    host
      ? [
          {
            fact: both(
              `${countryName(code, 'en')}: ${host.why.en}`,
              `${countryName(code, 'ru')}: ${host.why.ru}`,
            ),
            source: host.source,
          },
        ]
      : [],
  );
  const idOnly = Object.entries(hostCountries.internalPassportEntry).map(([code, how]) => ({
    fact: both(
      `${countryName(code, 'en')} admits Russians on the internal passport${how === 'air' ? ' (arriving by air only)' : ''}`,
      `${countryName(code, 'ru')}: въезд для россиян по внутреннему паспорту${how === 'air' ? ' (только авиарейсом)' : ''}`,
    ),
    source: hostCountries.internalPassportSource,
  }));
  return [...entries, ...idOnly];
}

function criminalCodeFacts(): ReferenceFact[] {
  return Object.entries(criminalCode.criminalCode).flatMap(([article, facts]) =>
    facts.penalties.map((p) => ({
      fact: both(
        `Art. ${article} (${facts.offence.en}): ${p.penalty.en}, from ${p.since}${p.until ? ` to ${p.until}` : ''}`,
        `Ст. ${article} (${facts.offence.ru}): ${p.penalty.ru}, с ${p.since}${p.until ? ` по ${p.until}` : ''}`,
      ),
      source: p.source,
    })),
  );
}

const destinationFacts = (): ReferenceFact[] =>
  [
    destinations.france,
    destinations.germanyWorkStudy,
    destinations.germanyHumanitarian,
    destinations.unitedStates,
    destinations.noVisaRoute,
    destinations.closedToRussians,
    destinations.asylumInCountry,
    destinations.otherDestinations,
    destinations.schengenWithoutPassport,
  ].map((d) => ({ fact: d.note, source: d.source }));

export const referenceDataFiles: readonly ReferenceDataFile[] = [
  {
    file: 'rules/data/implicated-units.ts',
    title: both('Units linked to atrocities', 'Части, связанные с военными преступлениями'),
    reviewedOn: implicatedUnits.reviewedOn,
    facts: unitFacts,
  },
  {
    file: 'rules/data/atrocity-places.ts',
    title: both(
      'Places and periods of documented atrocities',
      'Места и периоды задокументированных преступлений',
    ),
    reviewedOn: atrocityPlaces.reviewedOn,
    facts: () =>
      atrocityPlaces.atrocityPlaces.map((p) => ({
        fact: both(
          `${p.name.en}: ${span(p.window.from, p.window.to, 'en')}`,
          `${p.name.ru}: ${span(p.window.from, p.window.to, 'ru')}`,
        ),
        source: p.source,
      })),
  },
  {
    file: 'rules/data/roles.ts',
    title: both('Role risk', 'Риск по должности'),
    reviewedOn: roles.reviewedOn,
    facts: () => [
      {
        fact: both(
          'Assault troops, snipers, military police and special forces are high risk; support roles are lower risk',
          'Штурмовики, снайперы, военная полиция и спецназ — высокий риск; должности обеспечения — более низкий',
        ),
        source: roles.source,
      },
    ],
  },
  {
    file: 'rules/data/host-countries.ts',
    title: both(
      'Host countries and entry on the internal passport',
      'Страны пребывания и въезд по внутреннему паспорту',
    ),
    reviewedOn: hostCountries.reviewedOn,
    facts: hostFacts,
  },
  {
    file: 'rules/data/destinations.ts',
    title: both('Destinations and pathways', 'Страны назначения и пути'),
    reviewedOn: destinations.reviewedOn,
    facts: destinationFacts,
  },
  {
    file: 'rules/data/criminal-code.ts',
    title: both('Russian Criminal Code penalties', 'Наказания по УК РФ'),
    reviewedOn: criminalCode.reviewedOn,
    facts: criminalCodeFacts,
  },
  {
    file: 'rules/data/countries.ts',
    title: both('Country codes', 'Коды стран'),
    reviewedOn: countries.reviewedOn,
    facts: () => [
      {
        fact: both('ISO 3166-1 alpha-2 country codes', 'Коды стран ISO 3166-1 alpha-2'),
        source: countries.source,
      },
    ],
  },
];

/** The day a file counts as last reviewed: in code, or by an admin later. */
export function effectiveReviewedOn(file: ReferenceDataFile, reviews: ReferenceReviews | undefined): string {
  const recorded = reviews?.[file.file];
  return recorded !== undefined && recorded > file.reviewedOn ? recorded : file.reviewedOn;
}
