// Writing each part of a case to its own table, encrypting identifying fields on the way in. Writing a part
// replaces its rows, inside the caller's transaction. Each statement costs the database more than the work
// inside it, so one-row parts are written with one statement and each list with one insert.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/client';
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
  caseVerification,
} from '../../../db/schema';
import { encryptOptional, type KeyRing } from '../../crypto/field-encryption';
import type { CaseParts, PartName } from '../parts';
import type { PartTable } from './part-rows';
import { together } from './together';

export interface WriteContext {
  ring: KeyRing;
  actorId: string | null;
  now: Date;
}

const enc = (w: WriteContext, table: string, column: string, row: string, value: string | undefined) =>
  encryptOptional(w.ring, { table, column, row }, value);

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

type ListTable = PartTable & { id: AnyPgColumn; position: AnyPgColumn };
/**
 * The key columns every list row has: its own id (the entry's, kept across saves: the encryption context of
 * its fields and how forms and URLs name it), case and place.
 */
interface RowKey {
  id: string;
  caseId: string;
  position: number;
}

/**
 * A list part: its rows replaced by the entries, in order, each made into a row by `toRow`. `after` writes
 * rows that hang off the new ones (a destination's applications).
 */
function listWriter<T extends ListTable, E extends { id: string }>(
  table: T,
  toRow: (entry: E, key: RowKey, w: WriteContext) => T['$inferInsert'],
  after?: (tx: Tx, entries: readonly E[], keys: RowKey[], w: WriteContext) => Promise<unknown>,
) {
  return async (tx: Tx, w: WriteContext, caseId: string, entries: readonly E[]) => {
    await tx.delete(table).where(eq(table.caseId, caseId)); // child rows cascade
    if (entries.length === 0) return;
    const keys = entries.map((entry, position) => ({ id: entry.id, caseId, position }));
    await tx.insert(table).values(entries.map((entry, i) => toRow(entry, keys[i]!, w)));
    if (after) await after(tx, entries, keys, w);
  };
}

type Entry<P extends PartName> = CaseParts[P] extends readonly (infer E)[] ? E : never;

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
  documents: listWriter(caseDocuments, (d: Entry<'documents'>, key, w) => ({
    ...key,
    type: d.type,
    seen: d.seen,
    validity: d.validity,
    authenticity: d.authenticity,
    expiresOn: d.expiresOn ?? null,
    numberEnc: enc(w, 'case_documents', 'number', key.id, d.number),
    noteEnc: enc(w, 'case_documents', 'note', key.id, d.note),
  })),
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
  deployments: listWriter(caseDeployments, (d: Entry<'deployments'>, key, w) => ({
    ...key,
    from: d.from,
    to: d.to ?? null,
    region: d.region,
    placeEnc: enc(w, 'case_deployments', 'place', key.id, d.place),
    role: d.role ?? null,
    endedBy: d.endedBy,
  })),
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
  criminalCases: listWriter(caseCriminalCases, (c: Entry<'criminalCases'>, key) => ({
    ...key,
    article: c.article,
    part: c.part ?? null,
    openedOn: c.openedOn ?? null,
    stage: c.stage,
    evidenceSeen: c.evidenceSeen,
  })),
  route: listWriter(caseRouteLegs, (leg: Entry<'route'>, key) => ({ ...key, ...leg })),
  currentStay: (tx, _w, caseId, s) =>
    writeOne(tx, caseCurrentStay, caseId, s && { caseId, ...s, stayEndsOn: s.stayEndsOn ?? null }),
  destinations: listWriter(
    caseDestinations,
    (d: Entry<'destinations'>, key) => ({
      ...key,
      country: d.country,
      pathway: d.pathway,
      employerOffer: d.employerOffer ?? null,
    }),
    async (tx, entries, keys, w) => {
      const applications = entries.flatMap((d, i) =>
        (d.applications ?? []).map((a, position) => ({
          id: a.id,
          destinationId: keys[i]!.id,
          caseId: keys[i]!.caseId,
          position,
          typeEnc: enc(w, 'case_applications', 'type', a.id, a.type),
          filedOn: a.filedOn,
          status: a.status,
        })),
      );
      if (applications.length) await tx.insert(caseApplications).values(applications);
    },
  ),
  verification: (tx, _w, caseId, v) =>
    writeOne(tx, caseVerification, caseId, {
      caseId,
      unitCrossCheck: v.unitCrossCheck,
      socialMedia: v.socialMedia,
      vouchedBy: v.vouchedBy ?? null,
    }),
  interviews: listWriter(caseInterviews, (i: Entry<'interviews'>, key) => ({ ...key, ...i })),
  knowledgeChecks: listWriter(caseKnowledgeChecks, (k: Entry<'knowledgeChecks'>, key, w) => ({
    ...key,
    topicEnc: enc(w, 'case_knowledge_checks', 'topic', key.id, k.topic)!,
    result: k.result,
  })),
  openSource: listWriter(caseOpenSourceChecks, (o: Entry<'openSource'>, key) => ({ ...key, ...o })),
  screening: (tx, _w, caseId, s) => writeOne(tx, caseScreening, caseId, s && { caseId, ...s }),
  clearedFlags: writeClearedFlags,
};

// A flag is cleared only by a reviewer's decision (decisions.ts writes case_cleared_flags, with who and why).
// No save of a case's parts may add one: an import's clearances are kept apart, to be confirmed (carried.ts).
async function writeClearedFlags(tx: Tx, _w: WriteContext, caseId: string, ids: string[]) {
  if (ids.length === 0) return;
  const existing = await tx
    .select({ flagId: caseClearedFlags.flagId })
    .from(caseClearedFlags)
    .where(eq(caseClearedFlags.caseId, caseId));
  const have = new Set(existing.map((r) => r.flagId));
  if (ids.some((id) => !have.has(id))) throw new Error('flags are cleared only by a decision');
}

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
