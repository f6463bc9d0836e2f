// A case as the app holds it while it is being entered: the case file (rules/case-schema.ts) split into its
// parts, any required part possibly still missing, each list entry with the stable id it is stored under
// (server/cases/entries.ts). `assemble` turns it into a complete case file when it can (the ids stay out of
// the file: the case format has none); `disassemble` splits an imported one and gives its entries new ids.
import { randomUUID } from 'node:crypto';
import type {
  Application,
  CaseFile,
  CriminalCase,
  CurrentStay,
  Dependant,
  Deployment,
  Desertion,
  Destination,
  Document,
  Interview,
  KnowledgeCheck,
  OpenSourceCheck,
  Persecution,
  Person,
  RouteLeg,
  Screening,
  Service,
  Verification,
} from '../../rules/case-schema';

type PersecutionFacts = Omit<Persecution, 'criminalCases'>;
type VerificationFacts = Omit<Verification, 'interviews' | 'knowledgeChecks' | 'openSource'>;

/** A list entry of the case file with the id it keeps for as long as it exists. */
export type Listed<T> = T & { id: string };
type PersonPart = Omit<Person, 'dependants'> & { dependants?: Listed<Dependant>[] };
export type DestinationEntry = Listed<
  Omit<Destination, 'applications'> & { applications?: Listed<Application>[] }
>;

export interface CaseParts {
  person: PersonPart;
  documents: Listed<Document>[];
  service?: Service;
  deployments: Listed<Deployment>[];
  desertion?: Desertion;
  persecution?: PersecutionFacts;
  criminalCases: Listed<CriminalCase>[];
  route: Listed<RouteLeg>[];
  currentStay?: CurrentStay;
  destinations: DestinationEntry[];
  verification: VerificationFacts;
  interviews: Listed<Interview>[];
  knowledgeChecks: Listed<KnowledgeCheck>[];
  openSource: Listed<OpenSourceCheck>[];
  screening?: Screening;
  clearedFlags: string[];
}
export type PartName = keyof CaseParts;

/** The forms' sections and the parts each one saves; each section has its own version for locking. */
export const sections = {
  person: ['person'],
  documents: ['documents'],
  service: ['service', 'deployments'],
  desertion: ['desertion', 'persecution', 'criminalCases'],
  route: ['route', 'currentStay'],
  destinations: ['destinations'],
  verification: ['verification', 'interviews', 'knowledgeChecks', 'openSource'],
  screening: ['screening'],
  review: ['clearedFlags'],
} as const satisfies Record<string, readonly PartName[]>;
export type Section = keyof typeof sections;
export const sectionNames = Object.keys(sections) as Section[];

/** What a new case starts with: empty lists and "not done yet", which are true of any new case. */
export function emptyParts(person: Person): CaseParts {
  return {
    person: personPart(person),
    documents: [],
    deployments: [],
    criminalCases: [],
    route: [],
    destinations: [],
    verification: { unitCrossCheck: 'not_done', socialMedia: 'not_done' },
    interviews: [],
    knowledgeChecks: [],
    openSource: [],
    clearedFlags: [],
  };
}

/** Parts that must be filled in before the rules can assess the case. */
const requiredParts = ['service', 'desertion', 'persecution', 'currentStay', 'screening'] as const;
export type RequiredPart = (typeof requiredParts)[number];

export type Assembled = { ok: true; file: CaseFile } | { ok: false; missing: RequiredPart[] };

export function assemble(parts: CaseParts, reference?: string): Assembled {
  const missing = requiredParts.filter((p) => parts[p] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  const { service, desertion, persecution, currentStay, screening } = parts as Required<CaseParts>;
  const { dependants, ...person } = parts.person;
  const file: CaseFile = {
    format: 'waypost-case/1',
    ...(reference ? { reference } : {}),
    person: { ...person, ...(dependants ? { dependants: bare(dependants) } : {}) },
    documents: bare(parts.documents),
    service,
    deployments: bare(parts.deployments),
    desertion,
    persecution: { ...persecution, criminalCases: bare(parts.criminalCases) },
    route: bare(parts.route),
    currentStay,
    destinations: parts.destinations.map(({ id: _, applications, ...d }) =>
      applications ? { ...d, applications: bare(applications) } : d,
    ),
    verification: {
      ...parts.verification,
      interviews: bare(parts.interviews),
      knowledgeChecks: bare(parts.knowledgeChecks),
      openSource: bare(parts.openSource),
    },
    screening,
    ...(parts.clearedFlags.length > 0 ? { review: { clearedFlags: parts.clearedFlags as never } } : {}),
  };
  return { ok: true, file };
}

export function disassemble(file: CaseFile): CaseParts {
  const { criminalCases, ...persecution } = file.persecution;
  const { interviews, knowledgeChecks, openSource, ...verification } = file.verification;
  return {
    person: personPart(file.person),
    documents: listed(file.documents),
    service: file.service,
    deployments: listed(file.deployments),
    desertion: file.desertion,
    persecution,
    criminalCases: listed(criminalCases),
    route: listed(file.route),
    currentStay: file.currentStay,
    destinations: file.destinations.map(({ applications, ...d }) => ({
      ...d,
      id: randomUUID(),
      ...(applications ? { applications: listed(applications) } : {}),
    })),
    verification,
    interviews: listed(interviews),
    knowledgeChecks: listed(knowledgeChecks),
    openSource: listed(openSource),
    screening: file.screening,
    clearedFlags: file.review?.clearedFlags ?? [],
  };
}

/** Entries new to the case: each gets its id. */
const listed = <T extends object>(list: readonly T[]): Listed<T>[] =>
  list.map((e) => ({ ...e, id: randomUUID() }));
const bare = <T extends { id: string }>(list: readonly T[]): Omit<T, 'id'>[] =>
  list.map(({ id: _, ...e }) => e);

function personPart(person: Person): PersonPart {
  const { dependants, ...rest } = person;
  return dependants ? { ...rest, dependants: listed(dependants) } : rest;
}
