// A case as the app holds it while it is being entered: the case file (rules/case-schema.ts) split into its
// parts, any required part possibly still missing. `assemble` turns it into a complete case file when it can;
// `disassemble` splits an imported one.
import type {
  CaseFile,
  CriminalCase,
  CurrentStay,
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

export interface CaseParts {
  person: Person;
  documents: Document[];
  service?: Service;
  deployments: Deployment[];
  desertion?: Desertion;
  persecution?: PersecutionFacts;
  criminalCases: CriminalCase[];
  route: RouteLeg[];
  currentStay?: CurrentStay;
  destinations: Destination[];
  verification: VerificationFacts;
  interviews: Interview[];
  knowledgeChecks: KnowledgeCheck[];
  openSource: OpenSourceCheck[];
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
    person,
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
  const file: CaseFile = {
    format: 'waypost-case/1',
    ...(reference ? { reference } : {}),
    person: parts.person,
    documents: parts.documents,
    service,
    deployments: parts.deployments,
    desertion,
    persecution: { ...persecution, criminalCases: parts.criminalCases },
    route: parts.route,
    currentStay,
    destinations: parts.destinations,
    verification: {
      ...parts.verification,
      interviews: parts.interviews,
      knowledgeChecks: parts.knowledgeChecks,
      openSource: parts.openSource,
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
    person: file.person,
    documents: file.documents,
    service: file.service,
    deployments: file.deployments,
    desertion: file.desertion,
    persecution,
    criminalCases,
    route: file.route,
    currentStay: file.currentStay,
    destinations: file.destinations,
    verification,
    interviews,
    knowledgeChecks,
    openSource,
    screening: file.screening,
    clearedFlags: file.review?.clearedFlags ?? [],
  };
}
