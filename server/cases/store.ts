// Cases as units of work: create, import, load, and save one section at a time under optimistic locking,
// re-assessing the case with the rules after every save and recording each step on the audit log.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { caseAssessments, caseReferenceCounters, caseSectionVersions, cases } from '../../db/schema';
import type { Assessment } from '../../rules/assessment';
import type { CaseFile, Person } from '../../rules/case-schema';
import { evaluate } from '../../rules/evaluate';
import { documentScans as scansOf } from '../attachments/scans';
import { appendAudit } from '../audit';
import { decryptField, encryptField, type KeyRing } from '../crypto/field-encryption';
import { latestReviews } from '../reference-data/reviews';
import { withdrawOnChange } from './decisions/bound';
import { type Carried, carriedFrom } from './decisions/carried';
import { recordCarried } from './decisions/carried-store';
import { recordEvent } from './events';
import {
  assemble,
  type CaseParts,
  disassemble,
  emptyParts,
  type PartName,
  type Section,
  sectionNames,
  sections,
} from './parts';
import { openRequestIds, queuedSince } from './queue';
import { decodeParts, ofCase, partRows, qualified, together, type WriteContext, writeParts } from './storage';

export type CaseRow = typeof cases.$inferSelect;
export type SectionVersions = Record<Section, number>;

export interface LoadedCase {
  row: CaseRow;
  parts: CaseParts;
  versions: SectionVersions;
}

const riskRanks: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

async function nextReference(tx: Tx, year: number): Promise<string> {
  for (;;) {
    const [row] = await tx
      .insert(caseReferenceCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: caseReferenceCounters.year,
        set: { last: sql`${caseReferenceCounters.last} + 1` },
      })
      .returning({ last: caseReferenceCounters.last });
    const reference = `WP-${year}-${String(row!.last).padStart(4, '0')}`;
    // An imported case may already hold this number.
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    if (!taken) return reference;
  }
}

interface NewCase {
  parts: CaseParts;
  reference?: string | undefined;
  assignedTo: string;
  actorId: string;
  now: Date;
  action: 'case.created' | 'case.imported';
  /** Decisions an imported file carried: kept as "to be confirmed", never taken in the importer's name. */
  carried?: { decisions: Carried[]; originReference: string | null };
}

async function insertCase(db: Db, ring: KeyRing, input: NewCase): Promise<{ id: string; reference: string }> {
  return db.transaction(async (tx) => {
    const { now } = input;
    let reference = input.reference;
    if (reference) {
      const [taken] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
      if (taken) reference = undefined;
    }
    reference ??= await nextReference(tx, now.getUTCFullYear());
    const [row] = await tx
      .insert(cases)
      .values({
        reference,
        pseudonym: input.parts.person.pseudonym,
        assignedTo: input.assignedTo,
        createdBy: input.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const id = row!.id;
    const w: WriteContext = { ring, actorId: input.actorId, now };
    await together([
      writeParts(tx, w, id, input.parts),
      tx.insert(caseSectionVersions).values(
        sectionNames.map((section) => ({
          caseId: id,
          section,
          version: 1,
          updatedBy: input.actorId,
          updatedAt: now,
        })),
      ),
    ]);
    const carried = input.carried;
    if (carried) {
      await recordCarried(tx, ring, {
        caseId: id,
        carried: carried.decisions,
        originReference: carried.originReference,
        actorId: input.actorId,
        now,
      });
    }
    // A new case has no requests for information.
    await reassess(tx, ring, { row: row!, parts: input.parts }, 0, now, input.actorId);
    await appendAudit(tx, {
      actorId: input.actorId,
      action: input.action,
      targetType: 'case',
      targetId: id,
      // The audit log names what the file carried (codes only), and that none of it was taken as decided.
      ...(carried
        ? {
            detail: {
              origin: carried.originReference,
              carried: { clearedFlags: carried.decisions.map((c) => c.subject) },
              toBeConfirmed: carried.decisions.length,
            },
          }
        : {}),
      at: now,
    });
    return { id, reference };
  });
}

export function createCase(
  db: Db,
  ring: KeyRing,
  input: { person: Person; assignedTo: string; actorId: string; now: Date },
): Promise<{ id: string; reference: string }> {
  return insertCase(db, ring, { ...input, parts: emptyParts(input.person), action: 'case.created' });
}

/** Imports a whole case file in one transaction: all of it or nothing. */
export function importCase(
  db: Db,
  ring: KeyRing,
  file: CaseFile,
  input: { assignedTo: string; actorId: string; now: Date },
): Promise<{ id: string; reference: string }> {
  return insertCase(db, ring, {
    ...input,
    // A flag is cleared only by a reviewer's decision here: the file's clearances wait to be confirmed.
    parts: { ...disassemble(file), clearedFlags: [] },
    reference: file.reference,
    action: 'case.imported',
    carried: { decisions: carriedFrom(file.review), originReference: file.reference ?? null },
  });
}

// One statement: inside a save's transaction every round trip would wait for the one before. Prepared
// (postgres.js keeps it per connection by its text): planning its 18 subqueries cost 3 ms, more than running
// them, and the plan is the same for every case.
function caseQuery(db: Db | Tx) {
  return db
    .select({
      row: getTableColumns(cases),
      parts: partRows,
      versions: sql<SectionVersions>`(select coalesce(json_object_agg(${qualified(caseSectionVersions.section)}, ${qualified(caseSectionVersions.version)}), '{}'::json) ${ofCase(caseSectionVersions)})`,
    })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('load_case');
}
// A transaction builds its own: a query built on the database would run outside the transaction.
const caseOnDatabase = preparedPerDatabase(caseQuery);

export async function loadCase(db: Db | Tx, ring: KeyRing, caseId: string): Promise<LoadedCase | null> {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return null;
  const query = 'rollback' in db ? caseQuery(db) : caseOnDatabase(db);
  const [found] = await query.execute({ id: caseId });
  if (!found) return null;
  const parts = decodeParts(ring, caseId, found.parts);
  parts.person.pseudonym = found.row.pseudonym;
  return { row: found.row, parts, versions: found.versions };
}

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; conflict: { current: LoadedCase; version: number } };

/**
 * Saves parts of one section if nobody saved that section since `expectedVersion` was read; otherwise
 * nothing is written and the caller gets the current state to show beside the user's values.
 */
export async function saveSection(
  db: Db,
  ring: KeyRing,
  input: {
    caseId: string;
    section: Section;
    changes: Partial<CaseParts>;
    expectedVersion: number;
    actorId: string;
    now: Date;
  },
): Promise<SaveResult> {
  const allowed = sections[input.section] as readonly PartName[];
  const parts = Object.keys(input.changes) as PartName[];
  if (parts.some((p) => !allowed.includes(p)))
    throw new Error(`parts ${parts.join(',')} are not in section ${input.section}`);
  const { caseId, now } = input;

  const w: WriteContext = { ring, actorId: input.actorId, now };
  const saved = await db
    .transaction(async (tx) => {
      // Compare-and-set on the section's version: of two racing saves, exactly one matches. The writes go
      // with it and the loser rolls them back. Every save of a section sends the same statements in the same
      // order, so racing saves queue for the same rows in the same order instead of deadlocking.
      const [bumped] = await together([
        tx
          .update(caseSectionVersions)
          .set({ version: sql`${caseSectionVersions.version} + 1`, updatedBy: input.actorId, updatedAt: now })
          .where(
            and(
              eq(caseSectionVersions.caseId, caseId),
              eq(caseSectionVersions.section, input.section),
              eq(caseSectionVersions.version, input.expectedVersion),
            ),
          )
          .returning({ version: caseSectionVersions.version }),
        writeParts(tx, w, caseId, input.changes),
        // Lists show the case row's pseudonym.
        input.changes.person &&
          tx.update(cases).set({ pseudonym: input.changes.person.pseudonym }).where(eq(cases.id, caseId)),
      ]);
      if (bumped.length === 0) tx.rollback();
      // Read after the writes, together: the case as saved, which reassess decides from.
      const [current, openRequests] = await together([
        loadCase(tx, ring, caseId),
        openRequestIds(tx, caseId),
      ]);
      const assessment = await reassess(tx, ring, current!, openRequests.length, now, input.actorId);
      // A decision stands only for the case it was made on: this change withdraws it.
      await withdrawOnChange(tx, ring, {
        caseId,
        parts: current!.parts,
        assessment,
        actorId: input.actorId,
        now,
      });
      await appendAudit(tx, {
        actorId: input.actorId,
        action: 'case.section_saved',
        targetType: 'case',
        targetId: caseId,
        detail: { section: input.section },
        at: now,
      });
      return bumped[0]!.version;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return null;
      throw error;
    });
  if (saved !== null) return { ok: true, version: saved };
  const current = (await loadCase(db, ring, caseId))!;
  return { ok: false, conflict: { current, version: current.versions[input.section] } };
}

/**
 * Runs the rules on the case as it now stands (when it is complete) and records what they said. `current`
 * and `openRequests` (its unanswered requests for information) must be read in the transaction after its
 * last write to the case: the queue is decided from them and written with the same update.
 */
export async function reassess(
  tx: Tx,
  ring: KeyRing,
  current: { row: Pick<CaseRow, 'id' | 'reference' | 'action' | 'status' | 'queuedAt'>; parts: CaseParts },
  openRequests: number,
  now: Date,
  actorId: string | null,
): Promise<Assessment | null> {
  const { row: before, parts } = current;
  const caseId = before.id;
  const assembled = assemble(parts, before.reference);
  const stayEndsOn = parts.currentStay?.stayEndsOn ?? null;
  const bump = { version: sql`${cases.version} + 1`, updatedAt: now };
  if (!assembled.ok) {
    await tx
      .update(cases)
      .set({
        action: null,
        riskLevel: null,
        riskRank: 0,
        flagIds: [],
        queueFlags: [],
        stayEndsOn,
        queuedAt: queuedSince({ ...before, action: null }, openRequests, now),
        ...bump,
      })
      .where(eq(cases.id, caseId));
    return null;
  }
  const documentScans = await scansOf(tx, caseId, parts.documents ?? []);
  const assessment = evaluate(assembled.file, todayOf(now), {
    reviews: await latestReviews(tx),
    documentScans,
  });
  const { action } = assessment.recommendation;
  const id = randomUUID();
  // Three tables written, nothing read back: sent together.
  await together([
    tx.insert(caseAssessments).values({
      id,
      caseId,
      ruleset: assessment.ruleset,
      evaluatedAt: now,
      action,
      riskLevel: assessment.riskLevel,
      assessmentEnc: encryptField(
        ring,
        { table: 'case_assessments', column: 'assessment', row: id },
        JSON.stringify(assessment),
      ),
    }),
    tx
      .update(cases)
      .set({
        action,
        riskLevel: assessment.riskLevel,
        riskRank: riskRanks[assessment.riskLevel] ?? 0,
        flagIds: assessment.flags.filter((f) => !f.cleared).map((f) => f.id),
        queueFlags: assessment.flags
          .filter((f) => !f.cleared && (f.severity === 'high' || f.severity === 'critical'))
          .map((f) => f.id),
        stayEndsOn,
        queuedAt: queuedSince({ ...before, action }, openRequests, now),
        ...bump,
      })
      .where(eq(cases.id, caseId)),
    // The timeline notes when the tool's recommendation changes, not every save.
    before.action !== action &&
      recordEvent(tx, ring, {
        caseId,
        kind: 'assessment_changed',
        actorId,
        at: now,
        detail: {
          from: before.action,
          to: action,
          riskLevel: assessment.riskLevel,
          ruleset: assessment.ruleset,
        },
      }),
  ]);
  return assessment;
}

/** The assessment stored at the last save, as the tool gave it then. */
export async function latestStoredAssessment(
  db: Db,
  ring: KeyRing,
  caseId: string,
): Promise<{ evaluatedAt: Date; assessment: Assessment } | null> {
  const [row] = await db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, caseId))
    .orderBy(desc(caseAssessments.evaluatedAt))
    .limit(1);
  if (!row) return null;
  const json = decryptField(
    ring,
    { table: 'case_assessments', column: 'assessment', row: row.id },
    row.assessmentEnc,
  );
  return { evaluatedAt: row.evaluatedAt, assessment: JSON.parse(json) as Assessment };
}
