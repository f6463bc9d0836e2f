// Varied, valid case files for the load bench, generated from a seed so every run stores the same cases.
// Modelled on rules/cli/bench.ts (dates follow a life: enlisted, deployed, left, crossed, stayed), with the
// identifying fields that bench leaves out filled in, since their encryption is part of what we measure.
import * as s from '../rules/case-schema';
import { sampleCountries, sampleUnits } from '../rules/cli/sample-data';
import { addDays } from '../rules/dates';
import { flagIds } from '../rules/ids';

type Country = s.CurrentStay['country'];
const countries: readonly Country[] = sampleCountries;
const units = sampleUnits;
const givenNames = ['Anton', 'Yevgeniy', 'Dmitry', 'Sergey', 'Ivan', 'Alexei', 'Pavel', 'Nikolai', 'Oleg'];
const nativeGiven = ['Антон', 'Евгений', 'Дмитрий', 'Сергей', 'Иван', 'Алексей', 'Павел', 'Николай', 'Олег'];
const surnames = ['Petrov', 'Sokolov', 'Volkov', 'Morozov', 'Lebedev', 'Kozlov', 'Novikov', 'Orlov'];
const nativeSurnames = ['Петров', 'Соколов', 'Волков', 'Морозов', 'Лебедев', 'Козлов', 'Новиков', 'Орлов'];
// Pseudonyms identify no one: a bird or a tree and a number, as caseworkers choose them.
const pseudonymWords = ['Sparrow', 'Birch', 'Heron', 'Linden', 'Kestrel', 'Rowan', 'Swift', 'Alder', 'Finch'];
const ranks = ['private', 'junior sergeant', 'sergeant', 'lieutenant', 'рядовой', 'ефрейтор'];
const places = ['Bucha', 'Изюм', 'Brovary', 'Мариуполь', 'Kupiansk', 'Бахмут'];
const topics = [
  'dining hall',
  'commander call sign',
  'barracks layout',
  'training ground',
  'vehicle numbers',
];
const relations = ['wife', 'son', 'daughter', 'mother', 'father', 'brother'];

export interface GeneratedCase {
  file: s.CaseFile;
  /** About one case in twenty is still being entered: its required parts beyond the person are missing. */
  complete: boolean;
}

/** Case `index` of the sequence for `seed`; `today` anchors stay ends and document expiry. */
export function generateCase(r: () => number, index: number, today: string): GeneratedCase {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (max: number) => Math.floor(r() * (max + 1));
  const many = <T>(max: number, make: (i: number) => T): T[] =>
    Array.from({ length: int(max) }, (_, i) => make(i));
  const maybe = <T>(x: T, p = 0.5): T | undefined => (r() < p ? x : undefined);

  const enlistedOn = addDays('2021-06-01', int(900));
  let cursor = addDays(enlistedOn, int(60));
  const deployments = many(3, () => {
    const from = addDays(cursor, int(30));
    cursor = addDays(from, 7 + int(200));
    return {
      from,
      to: cursor,
      region: pick(s.regions),
      place: maybe(pick(places)),
      role: maybe(pick(s.roles), 0.3),
      endedBy: pick(s.deploymentEndings),
    };
  });
  const leftOn = addDays(cursor, int(60));
  const crossed = addDays(leftOn, 1 + int(10));
  const contradictory = r() < 0.05;
  const g = int(givenNames.length - 1);
  const f = int(surnames.length - 1);

  const file: s.CaseFile = {
    format: 'waypost-case/1',
    person: {
      pseudonym: `${pick(pseudonymWords)} ${index + 1}`,
      fullName: maybe(`${givenNames[g]} ${surnames[f]}`, 0.8),
      fullNameNative: maybe(`${nativeSurnames[f]} ${nativeGiven[g]}`, 0.6),
      dateOfBirth: maybe(addDays('1975-01-01', int(10_000)), 0.7),
      citizenships: r() < 0.9 ? ['RU'] : [...new Set<Country>(['RU', pick(countries)])],
      familyAtRisk: maybe(r() < 0.4),
      dependants: maybe(
        many(3, () => ({ relation: pick(relations), age: int(70), withPerson: r() < 0.3 })),
        0.4,
      ),
    },
    documents: many(6, () => ({
      type: pick(s.documentTypes),
      seen: pick(s.documentSeenValues),
      validity: pick(s.documentValidities),
      authenticity: pick(s.documentAuthenticities),
      expiresOn: maybe(addDays(today, int(3000) - 1500)),
      note: maybe('copy kept by the caseworker; original seen at interview', 0.3),
    })),
    service: {
      serviceType: pick(s.serviceTypes),
      branch: pick(s.branches),
      role: pick(s.roles),
      unit: maybe(pick(units)),
      unitNumber: maybe(pick(['51460', '74268', '12345'])),
      rank: maybe(pick(ranks)),
      enlistedOn: contradictory ? addDays(leftOn, 30) : enlistedOn,
      coerced: maybe(r() < 0.3),
    },
    deployments,
    desertion: {
      kind: pick(s.desertionKinds),
      leftOn,
      manner: pick(s.desertionManners),
      statement: maybe('Left the unit during rotation and crossed the border on foot.', 0.5),
    },
    persecution: {
      criminalCases: many(2, () => ({
        article: pick(s.criminalArticles),
        part: maybe(pick(['1', '2', '3', '2.1']), 0.4),
        openedOn: maybe(addDays(leftOn, int(200))),
        stage: pick(s.criminalCaseStages),
        evidenceSeen: r() < 0.5,
      })),
      wantedList: pick(s.wantedLists),
      familyPressure: maybe(r() < 0.3),
    },
    route: many(3, (i) => ({
      date: addDays(crossed, i * 20),
      from: i === 0 ? ('RU' as const) : pick(countries),
      to: pick(countries),
      mode: pick(s.routeModes),
      documentUsed: pick(s.routeDocuments),
      incident: pick(s.routeIncidents),
    })),
    currentStay: {
      country: pick(countries),
      since: crossed,
      basis: pick(s.stayBases),
      stayEndsOn: maybe(addDays(today, int(400) - 30)),
      incidents: r() < 0.2 ? [...new Set(many(2, () => pick(s.stayIncidents)))] : [],
    },
    destinations: many(3, () => ({
      country: pick(countries),
      pathway: pick(s.pathways),
      employerOffer: maybe(r() < 0.5),
      // The app stores no applications as none at all: an empty list would not read back as such.
      applications: maybe(
        Array.from({ length: 1 + int(1) }, () => ({
          type: pick(['visa', 'asylum', 'residence permit']),
          filedOn: addDays(crossed, int(300)),
          status: pick(s.applicationStatuses),
        })),
      ),
    })),
    verification: {
      interviews: many(3, () => ({
        on: addDays(today, -int(300)),
        language: pick(['ru', 'en', 'uk']),
        minutes: 30 + int(90),
      })),
      knowledgeChecks: many(4, () => ({ topic: pick(topics), result: pick(s.knowledgeCheckResults) })),
      unitCrossCheck: pick(s.unitCrossCheckResults),
      socialMedia: pick(s.socialMediaResults),
      openSource: many(2, () => ({ source: pick(s.openSourceSources), result: pick(s.openSourceResults) })),
    },
    screening: {
      witnessedAbuses: r() < 0.2,
      admitsParticipation: r() < 0.05,
      securityIndicators: r() < 0.1 ? [pick(s.securityIndicators)] : [],
    },
  };
  const cleared = [...new Set(many(2, () => pick(flagIds)))];
  if (cleared.length > 0 && r() < 0.3) file.review = { clearedFlags: cleared };
  return { file, complete: r() >= 0.05 };
}
