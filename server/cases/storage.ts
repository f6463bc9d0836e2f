// Reading and writing each part of a case in its own table, encrypting identifying fields on the way in
// and decrypting them on the way out. Writing a part replaces its rows, inside the caller's transaction.
// Each statement costs the database more than the work inside it, so one-row parts are written with one.
import { randomUUID } from 'node:crypto';
import { eq, getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import {
  caseApplications,
  caseClearedFlags,
  caseCriminalCases,
  caseCurrentStay,
  caseDeployments,
  caseDesertion,
  caseDestinations,
  caseDocuments,
  caseInterviews,
  caseKnowledgeChecks,
  caseOpenSourceChecks,
  casePersecution,
  casePerson,
  caseRouteLegs,
  caseScreening,
  caseService,
  cases,
  caseVerification,
} from '../../db/schema';
import type { Dependant } from '../../rules/case-schema';
import { decryptOptional, encryptOptional, type KeyRing } from '../crypto/field-encryption';
import type { CaseParts, PartName } from './parts';

export interface WriteContext {
  ring: KeyRing;
  actorId: string | null;
  now: Date;
}

// Optional fields are absent, not undefined-valued, so a case file round-trips exactly.
const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const enc = (w: WriteContext, table: string, column: string, row: string, value: string | undefined) =>
  encryptOptional(w.ring, { table, column, row }, value);
const dec = (ring: KeyRing, table: string, column: string, row: string, stored: string | null) =>
  decryptOptional(ring, { table, column, row }, stored);

/**
 * Statements of one transaction sent together (postgres.js pipelines them on the transaction's connection),
 * for statements whose order does not matter: drizzle does not promise the order they reach the server in.
 * Fails only once all have finished: a statement started after the rollback would run outside the
 * transaction.
 */
export async function together<T extends readonly unknown[]>(
  statements: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as never;
}

/**
 * A one-row part (its table keyed by case_id): the row inserted or, when there is one, overwritten column by
 * column with the new row's values (what delete + insert did, in one statement); deleted when the part is
 * absent.
 */
async function writeOne<T extends PartTable>(
  tx: Tx,
  table: T,
  caseId: string,
  row: T['$inferInsert'] | undefined,
) {
  if (!row) {
    await tx.delete(table).where(eq(table.caseId, caseId));
    return;
  }
  const set = Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([, column]) => column !== table.caseId)
      .map(([key, column]) => [key, sql`excluded.${sql.identifier(column.name)}`]),
  ) as PgUpdateSetSource<T>;
  await tx.insert(table).values(row).onConflictDoUpdate({ target: table.caseId, set });
}

type Writer<P extends PartName> = (
  tx: Tx,
  w: WriteContext,
  caseId: string,
  value: CaseParts[P],
) => Promise<void>;

const writers: { [P in PartName]: Writer<P> } = {
  person: (tx, w, caseId, p) =>
    writeOne(tx, casePerson, caseId, {
      caseId,
      fullNameEnc: enc(w, 'case_person', 'full_name', caseId, p.fullName),
      fullNameNativeEnc: enc(w, 'case_person', 'full_name_native', caseId, p.fullNameNative),
      dateOfBirthEnc: enc(w, 'case_person', 'date_of_birth', caseId, p.dateOfBirth),
      citizenships: p.citizenships,
      familyAtRisk: p.familyAtRisk ?? null,
      dependantsEnc: enc(
        w,
        'case_person',
        'dependants',
        caseId,
        p.dependants && JSON.stringify(p.dependants),
      ),
    }),
  async documents(tx, w, caseId, list) {
    await tx.delete(caseDocuments).where(eq(caseDocuments.caseId, caseId));
    if (list.length === 0) return;
    await tx.insert(caseDocuments).values(
      list.map((d, position) => {
        const id = randomUUID();
        return {
          id,
          caseId,
          position,
          type: d.type,
          seen: d.seen,
          validity: d.validity,
          authenticity: d.authenticity,
          expiresOn: d.expiresOn ?? null,
          noteEnc: enc(w, 'case_documents', 'note', id, d.note),
        };
      }),
    );
  },
  service: (tx, w, caseId, s) =>
    writeOne(
      tx,
      caseService,
      caseId,
      s && {
        caseId,
        serviceType: s.serviceType,
        branch: s.branch,
        unitEnc: enc(w, 'case_service', 'unit', caseId, s.unit),
        unitNumberEnc: enc(w, 'case_service', 'unit_number', caseId, s.unitNumber),
        rankEnc: enc(w, 'case_service', 'rank', caseId, s.rank),
        role: s.role,
        enlistedOn: s.enlistedOn ?? null,
        coerced: s.coerced ?? null,
      },
    ),
  async deployments(tx, w, caseId, list) {
    await tx.delete(caseDeployments).where(eq(caseDeployments.caseId, caseId));
    if (list.length === 0) return;
    await tx.insert(caseDeployments).values(
      list.map((d, position) => {
        const id = randomUUID();
        return {
          id,
          caseId,
          position,
          from: d.from,
          to: d.to ?? null,
          region: d.region,
          placeEnc: enc(w, 'case_deployments', 'place', id, d.place),
          role: d.role ?? null,
          endedBy: d.endedBy,
        };
      }),
    );
  },
  desertion: (tx, w, caseId, d) =>
    writeOne(
      tx,
      caseDesertion,
      caseId,
      d && {
        caseId,
        kind: d.kind,
        leftOn: d.leftOn ?? null,
        manner: d.manner,
        statementEnc: enc(w, 'case_desertion', 'statement', caseId, d.statement),
      },
    ),
  persecution: (tx, _w, caseId, p) =>
    writeOne(
      tx,
      casePersecution,
      caseId,
      p && { caseId, wantedList: p.wantedList, familyPressure: p.familyPressure ?? null },
    ),
  async criminalCases(tx, _w, caseId, list) {
    await tx.delete(caseCriminalCases).where(eq(caseCriminalCases.caseId, caseId));
    if (list.length === 0) return;
    await tx.insert(caseCriminalCases).values(
      list.map((c, position) => ({
        id: randomUUID(),
        caseId,
        position,
        article: c.article,
        part: c.part ?? null,
        openedOn: c.openedOn ?? null,
        stage: c.stage,
        evidenceSeen: c.evidenceSeen,
      })),
    );
  },
  async route(tx, _w, caseId, list) {
    await tx.delete(caseRouteLegs).where(eq(caseRouteLegs.caseId, caseId));
    if (list.length === 0) return;
    await tx
      .insert(caseRouteLegs)
      .values(list.map((leg, position) => ({ id: randomUUID(), caseId, position, ...leg })));
  },
  currentStay: (tx, _w, caseId, s) =>
    writeOne(tx, caseCurrentStay, caseId, s && { caseId, ...s, stayEndsOn: s.stayEndsOn ?? null }),
  async destinations(tx, _w, caseId, list) {
    await tx.delete(caseDestinations).where(eq(caseDestinations.caseId, caseId)); // applications cascade
    for (const [position, d] of list.entries()) {
      const id = randomUUID();
      await tx.insert(caseDestinations).values({
        id,
        caseId,
        position,
        country: d.country,
        pathway: d.pathway,
        employerOffer: d.employerOffer ?? null,
      });
      if (d.applications?.length) {
        await tx.insert(caseApplications).values(
          d.applications.map((a, i) => ({
            id: randomUUID(),
            destinationId: id,
            caseId,
            position: i,
            ...a,
          })),
        );
      }
    }
  },
  verification: (tx, _w, caseId, v) =>
    writeOne(tx, caseVerification, caseId, {
      caseId,
      unitCrossCheck: v.unitCrossCheck,
      socialMedia: v.socialMedia,
      vouchedBy: v.vouchedBy ?? null,
    }),
  async interviews(tx, _w, caseId, list) {
    await tx.delete(caseInterviews).where(eq(caseInterviews.caseId, caseId));
    if (list.length === 0) return;
    await tx
      .insert(caseInterviews)
      .values(list.map((i, position) => ({ id: randomUUID(), caseId, position, ...i })));
  },
  async knowledgeChecks(tx, w, caseId, list) {
    await tx.delete(caseKnowledgeChecks).where(eq(caseKnowledgeChecks.caseId, caseId));
    if (list.length === 0) return;
    await tx.insert(caseKnowledgeChecks).values(
      list.map((k, position) => {
        const id = randomUUID();
        return {
          id,
          caseId,
          position,
          topicEnc: enc(w, 'case_knowledge_checks', 'topic', id, k.topic)!,
          result: k.result,
        };
      }),
    );
  },
  async openSource(tx, _w, caseId, list) {
    await tx.delete(caseOpenSourceChecks).where(eq(caseOpenSourceChecks.caseId, caseId));
    if (list.length === 0) return;
    await tx
      .insert(caseOpenSourceChecks)
      .values(list.map((o, position) => ({ id: randomUUID(), caseId, position, ...o })));
  },
  screening: (tx, _w, caseId, s) => writeOne(tx, caseScreening, caseId, s && { caseId, ...s }),
  // A flag is cleared only by a reviewer's decision (review.ts writes case_cleared_flags, with who and why).
  // No save of a case's parts may add one: an import's clearances are kept apart, to be confirmed.
  async clearedFlags(tx, _w, caseId, ids) {
    if (ids.length === 0) return;
    const existing = await tx
      .select({ flagId: caseClearedFlags.flagId })
      .from(caseClearedFlags)
      .where(eq(caseClearedFlags.caseId, caseId));
    const have = new Set(existing.map((r) => r.flagId));
    if (ids.some((id) => !have.has(id))) throw new Error('flags are cleared only by a decision');
  },
};

export async function writePart<P extends PartName>(
  tx: Tx,
  w: WriteContext,
  caseId: string,
  part: P,
  value: CaseParts[P],
) {
  await (writers[part] as Writer<P>)(tx, w, caseId, value);
}

/** Writes these parts of a case together: each has its own tables, so none waits for another. */
export async function writeParts(tx: Tx, w: WriteContext, caseId: string, parts: Partial<CaseParts>) {
  await together(
    (Object.keys(parts) as PartName[]).map((part) => writePart(tx, w, caseId, part, parts[part] as never)),
  );
}

type Json = Record<string, unknown>;

/**
 * A row as `row_to_json` spells it (keys are column names) turned into the row `db.select()` would give, with
 * each value decoded by its column as drizzle does (dates, arrays, integers); nulls stay null.
 */
function fromJson<T extends Table>(table: T): (json: Json) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (json) =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        const value = json[column.name];
        return [key, value === null ? null : column.mapFromDriverValue(value)];
      }),
    ) as T['$inferSelect'];
}

// Each part as one column beside the `cases` row it is selected with (a correlated subquery), so a whole
// case is one statement and one round trip instead of one query per table.
type PartTable = PgTable & { caseId: AnyPgColumn };
// Table names spelled out: in a select from one table drizzle renders bare column names, and a bare `id` in
// a subquery would be the part table's own, not the outer case's.
export const qualified = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
/** `from` clause of a subquery on `table`'s rows of the outer query's case. */
export const ofCase = (table: PartTable) =>
  sql`from ${table} where ${qualified(table.caseId)} = ${qualified(cases.id)}`;
const one = <T extends PartTable>(table: T) =>
  sql`(select row_to_json(${table}) ${ofCase(table)})`.mapWith(
    fromJson(table) as (json: Json) => T['$inferSelect'] | null, // no row: null, not decoded
  );
const list = <T extends PartTable & { position: AnyPgColumn }>(table: T) => {
  const decode = fromJson(table);
  return sql`(select coalesce(json_agg(${table} order by ${qualified(table.position)}), '[]'::json) ${ofCase(table)})`.mapWith(
    (rows: Json[]) => rows.map(decode),
  );
};

/** Select these beside `cases` columns (`db.select({ ..., parts: partRows }).from(cases)`), then decodeParts. */
export const partRows = {
  person: one(casePerson),
  documents: list(caseDocuments),
  service: one(caseService),
  deployments: list(caseDeployments),
  desertion: one(caseDesertion),
  persecution: one(casePersecution),
  criminalCases: list(caseCriminalCases),
  route: list(caseRouteLegs),
  stay: one(caseCurrentStay),
  destinations: list(caseDestinations),
  applications: list(caseApplications),
  verification: one(caseVerification),
  interviews: list(caseInterviews),
  checks: list(caseKnowledgeChecks),
  openSource: list(caseOpenSourceChecks),
  screening: one(caseScreening),
  cleared: sql<
    string[]
  >`(select coalesce(json_agg(${qualified(caseClearedFlags.flagId)}), '[]'::json) ${ofCase(caseClearedFlags)})`,
};
export type PartRows = { [K in keyof typeof partRows]: (typeof partRows)[K]['_']['type'] };

/** All parts of one case, decrypted, from the rows selected by partRows. */
export function decodeParts(ring: KeyRing, caseId: string, rows: PartRows): CaseParts {
  const {
    person,
    documents,
    service,
    deployments,
    desertion,
    persecution,
    criminalCases,
    route,
    stay,
    destinations,
    applications,
    verification,
    interviews,
    checks,
    openSource,
    screening,
    cleared,
  } = rows;
  if (!person) throw new Error('case has no person section');

  const dependants = dec(ring, 'case_person', 'dependants', caseId, person.dependantsEnc);
  return {
    person: compact({
      pseudonym: '', // filled in by the caller from the case row
      fullName: dec(ring, 'case_person', 'full_name', caseId, person.fullNameEnc),
      fullNameNative: dec(ring, 'case_person', 'full_name_native', caseId, person.fullNameNativeEnc),
      dateOfBirth: dec(ring, 'case_person', 'date_of_birth', caseId, person.dateOfBirthEnc),
      citizenships: person.citizenships as CaseParts['person']['citizenships'],
      familyAtRisk: opt(person.familyAtRisk),
      dependants: dependants === undefined ? undefined : (JSON.parse(dependants) as Dependant[]),
    }),
    documents: documents.map(
      (d) =>
        compact({
          type: d.type,
          seen: d.seen,
          validity: d.validity,
          authenticity: d.authenticity,
          expiresOn: opt(d.expiresOn),
          note: dec(ring, 'case_documents', 'note', d.id, d.noteEnc),
        }) as CaseParts['documents'][number],
    ),
    service: service
      ? (compact({
          serviceType: service.serviceType,
          branch: service.branch,
          unit: dec(ring, 'case_service', 'unit', caseId, service.unitEnc),
          unitNumber: dec(ring, 'case_service', 'unit_number', caseId, service.unitNumberEnc),
          rank: dec(ring, 'case_service', 'rank', caseId, service.rankEnc),
          role: service.role,
          enlistedOn: opt(service.enlistedOn),
          coerced: opt(service.coerced),
        }) as CaseParts['service'])
      : undefined,
    deployments: deployments.map(
      (d) =>
        compact({
          from: d.from,
          to: opt(d.to),
          region: d.region,
          place: dec(ring, 'case_deployments', 'place', d.id, d.placeEnc),
          role: opt(d.role),
          endedBy: d.endedBy,
        }) as CaseParts['deployments'][number],
    ),
    desertion: desertion
      ? (compact({
          kind: desertion.kind,
          leftOn: opt(desertion.leftOn),
          manner: desertion.manner,
          statement: dec(ring, 'case_desertion', 'statement', caseId, desertion.statementEnc),
        }) as CaseParts['desertion'])
      : undefined,
    persecution: persecution
      ? (compact({
          wantedList: persecution.wantedList,
          familyPressure: opt(persecution.familyPressure),
        }) as CaseParts['persecution'])
      : undefined,
    criminalCases: criminalCases.map(
      (c) =>
        compact({
          article: c.article,
          part: opt(c.part),
          openedOn: opt(c.openedOn),
          stage: c.stage,
          evidenceSeen: c.evidenceSeen,
        }) as CaseParts['criminalCases'][number],
    ),
    route: route.map(
      (l) =>
        ({
          date: l.date,
          from: l.from,
          to: l.to,
          mode: l.mode,
          documentUsed: l.documentUsed,
          incident: l.incident,
        }) as CaseParts['route'][number],
    ),
    currentStay: stay
      ? (compact({
          country: stay.country,
          since: stay.since,
          basis: stay.basis,
          stayEndsOn: opt(stay.stayEndsOn),
          incidents: stay.incidents,
        }) as CaseParts['currentStay'])
      : undefined,
    destinations: destinations.map((d) => {
      const apps = applications
        .filter((a) => a.destinationId === d.id)
        .map((a) => ({ type: a.type, filedOn: a.filedOn, status: a.status }));
      return compact({
        country: d.country,
        pathway: d.pathway,
        employerOffer: opt(d.employerOffer),
        applications: apps.length ? apps : undefined,
      }) as CaseParts['destinations'][number];
    }),
    verification: verification
      ? (compact({
          unitCrossCheck: verification.unitCrossCheck,
          socialMedia: verification.socialMedia,
          vouchedBy: opt(verification.vouchedBy),
        }) as CaseParts['verification'])
      : { unitCrossCheck: 'not_done', socialMedia: 'not_done' },
    interviews: interviews.map((i) => ({ on: i.on, language: i.language, minutes: i.minutes })),
    knowledgeChecks: checks.map(
      (k) =>
        ({
          topic: dec(ring, 'case_knowledge_checks', 'topic', k.id, k.topicEnc)!,
          result: k.result,
        }) as CaseParts['knowledgeChecks'][number],
    ),
    openSource: openSource.map(
      (o) => ({ source: o.source, result: o.result }) as CaseParts['openSource'][number],
    ),
    screening: screening
      ? ({
          witnessedAbuses: screening.witnessedAbuses,
          admitsParticipation: screening.admitsParticipation,
          securityIndicators: screening.securityIndicators,
        } as CaseParts['screening'])
      : undefined,
    clearedFlags: [...cleared].sort(),
  };
}
