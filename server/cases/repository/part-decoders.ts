// Each part of a case from its rows (selected by partRows), identifying fields decrypted. Optional fields
// are absent, not undefined-valued, so a case file round-trips exactly.
import type { Dependant } from '../../../rules/case-schema';
import { decryptOptional, type KeyRing } from '../../crypto/field-encryption';
import type { CaseParts } from '../parts';
import type { PartRows } from './part-rows';

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
const dec = (ring: KeyRing, table: string, column: string, row: string, stored: string | null) =>
  decryptOptional(ring, { table, column, row }, stored);

type Rows = PartRows;
type Person = CaseParts['person'];

function person(ring: KeyRing, caseId: string, p: NonNullable<Rows['person']>): Person {
  const dependants = dec(ring, 'case_person', 'dependants', caseId, p.dependantsEnc);
  return compact({
    pseudonym: '', // filled in by the caller from the case row
    fullName: dec(ring, 'case_person', 'full_name', caseId, p.fullNameEnc),
    fullNameNative: dec(ring, 'case_person', 'full_name_native', caseId, p.fullNameNativeEnc),
    dateOfBirth: dec(ring, 'case_person', 'date_of_birth', caseId, p.dateOfBirthEnc),
    citizenships: p.citizenships as Person['citizenships'],
    familyAtRisk: opt(p.familyAtRisk),
    dependants: dependants === undefined ? undefined : (JSON.parse(dependants) as Dependant[]),
  });
}

const documents = (ring: KeyRing, rows: Rows['documents']) =>
  rows.map(
    (d) =>
      compact({
        type: d.type,
        seen: d.seen,
        validity: d.validity,
        authenticity: d.authenticity,
        expiresOn: opt(d.expiresOn),
        note: dec(ring, 'case_documents', 'note', d.id, d.noteEnc),
      }) as CaseParts['documents'][number],
  );

function service(ring: KeyRing, caseId: string, s: Rows['service']): CaseParts['service'] {
  if (!s) return undefined;
  return compact({
    serviceType: s.serviceType,
    branch: s.branch,
    unit: dec(ring, 'case_service', 'unit', caseId, s.unitEnc),
    unitNumber: dec(ring, 'case_service', 'unit_number', caseId, s.unitNumberEnc),
    rank: dec(ring, 'case_service', 'rank', caseId, s.rankEnc),
    role: s.role,
    enlistedOn: opt(s.enlistedOn),
    coerced: opt(s.coerced),
  }) as CaseParts['service'];
}

const deployments = (ring: KeyRing, rows: Rows['deployments']) =>
  rows.map(
    (d) =>
      compact({
        from: d.from,
        to: opt(d.to),
        region: d.region,
        place: dec(ring, 'case_deployments', 'place', d.id, d.placeEnc),
        role: opt(d.role),
        endedBy: d.endedBy,
      }) as CaseParts['deployments'][number],
  );

function desertion(ring: KeyRing, caseId: string, d: Rows['desertion']): CaseParts['desertion'] {
  if (!d) return undefined;
  return compact({
    kind: d.kind,
    leftOn: opt(d.leftOn),
    manner: d.manner,
    statement: dec(ring, 'case_desertion', 'statement', caseId, d.statementEnc),
  }) as CaseParts['desertion'];
}

const persecution = (p: Rows['persecution']): CaseParts['persecution'] =>
  p
    ? (compact({
        wantedList: p.wantedList,
        familyPressure: opt(p.familyPressure),
      }) as CaseParts['persecution'])
    : undefined;

const criminalCases = (rows: Rows['criminalCases']) =>
  rows.map(
    (c) =>
      compact({
        article: c.article,
        part: opt(c.part),
        openedOn: opt(c.openedOn),
        stage: c.stage,
        evidenceSeen: c.evidenceSeen,
      }) as CaseParts['criminalCases'][number],
  );

const route = (rows: Rows['route']) =>
  rows.map(
    (l) =>
      ({
        date: l.date,
        from: l.from,
        to: l.to,
        mode: l.mode,
        documentUsed: l.documentUsed,
        incident: l.incident,
      }) as CaseParts['route'][number],
  );

const currentStay = (s: Rows['stay']): CaseParts['currentStay'] =>
  s
    ? (compact({
        country: s.country,
        since: s.since,
        basis: s.basis,
        stayEndsOn: opt(s.stayEndsOn),
        incidents: s.incidents,
      }) as CaseParts['currentStay'])
    : undefined;

const destinations = (rows: Rows['destinations'], applications: Rows['applications']) =>
  rows.map((d) => {
    const apps = applications
      .filter((a) => a.destinationId === d.id)
      .map((a) => ({ type: a.type, filedOn: a.filedOn, status: a.status }));
    return compact({
      country: d.country,
      pathway: d.pathway,
      employerOffer: opt(d.employerOffer),
      applications: apps.length ? apps : undefined,
    }) as CaseParts['destinations'][number];
  });

const verification = (v: Rows['verification']): CaseParts['verification'] =>
  v
    ? (compact({
        unitCrossCheck: v.unitCrossCheck,
        socialMedia: v.socialMedia,
        vouchedBy: opt(v.vouchedBy),
      }) as CaseParts['verification'])
    : { unitCrossCheck: 'not_done', socialMedia: 'not_done' };

const knowledgeChecks = (ring: KeyRing, rows: Rows['checks']) =>
  rows.map(
    (k) =>
      ({
        topic: dec(ring, 'case_knowledge_checks', 'topic', k.id, k.topicEnc)!,
        result: k.result,
      }) as CaseParts['knowledgeChecks'][number],
  );

const screening = (s: Rows['screening']): CaseParts['screening'] =>
  s
    ? ({
        witnessedAbuses: s.witnessedAbuses,
        admitsParticipation: s.admitsParticipation,
        securityIndicators: s.securityIndicators,
      } as CaseParts['screening'])
    : undefined;

/** All parts of one case, decrypted, from the rows selected by partRows. */
export function decodeParts(ring: KeyRing, caseId: string, rows: PartRows): CaseParts {
  if (!rows.person) throw new Error('case has no person section');
  return {
    person: person(ring, caseId, rows.person),
    documents: documents(ring, rows.documents),
    service: service(ring, caseId, rows.service),
    deployments: deployments(ring, rows.deployments),
    desertion: desertion(ring, caseId, rows.desertion),
    persecution: persecution(rows.persecution),
    criminalCases: criminalCases(rows.criminalCases),
    route: route(rows.route),
    currentStay: currentStay(rows.stay),
    destinations: destinations(rows.destinations, rows.applications),
    verification: verification(rows.verification),
    interviews: rows.interviews.map((i) => ({ on: i.on, language: i.language, minutes: i.minutes })),
    knowledgeChecks: knowledgeChecks(ring, rows.checks),
    openSource: rows.openSource.map(
      (o) => ({ source: o.source, result: o.result }) as CaseParts['openSource'][number],
    ),
    screening: screening(rows.screening),
    clearedFlags: [...rows.cleared].sort(),
  };
}
