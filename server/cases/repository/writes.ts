// Writing cases: creating one, importing a case file, and saving one section at a time under optimistic
// locking, re-assessing the case with the rules after every save and recording each step on the audit log.
import { and, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { caseReferenceCounters, caseSectionVersions, cases } from '../../../db/schema';
import type { CaseFile, Person } from '../../../rules/case-schema';
import { appendAudit } from '../../audit';
import type { KeyRing } from '../../crypto/field-encryption';
import { latestReviews } from '../../reference-data/reviews';
import { type Carried, carriedFrom } from '../decisions/carried';
import {
  type CaseParts,
  disassemble,
  emptyParts,
  type PartName,
  type Section,
  sectionNames,
  sections,
} from '../parts';
import { reassess } from './assessment';
import { withdrawOnChange } from './bindings';
import { recordCarried } from './carried';
import { type WriteContext, writeParts } from './part-writers';
import { openRequestIds } from './queue';
import { type LoadedCase, loadCase } from './reads';
import { together } from './together';

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
    // A new case has no requests for information and no scans yet.
    const ruleInputs = { reviews: await latestReviews(tx), documentScans: new Map<number, number>() };
    await reassess(tx, ring, { row: row!, parts: input.parts, ruleInputs }, 0, now, input.actorId);
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
      // with it (the audit entry too) and the loser rolls them back. Every save of a section sends the same
      // statements in the same order, so racing saves queue for the same rows in the same order instead of
      // deadlocking.
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
        appendAudit(tx, {
          actorId: input.actorId,
          action: 'case.section_saved',
          targetType: 'case',
          targetId: caseId,
          detail: { section: input.section },
          at: now,
        }),
      ]);
      if (bumped.length === 0) tx.rollback();
      // Read after the writes, together: the case as saved, which reassess decides from.
      const [current, openRequests] = await together([
        loadCase(tx, ring, caseId),
        openRequestIds(tx, caseId),
      ]);
      const assessment = await reassess(tx, ring, current!, openRequests.length, now, input.actorId);
      // A decision stands only for the case it was made on: this change withdraws it, in this transaction.
      await withdrawOnChange(tx, ring, {
        caseId,
        parts: current!.parts,
        assessment,
        actorId: input.actorId,
        now,
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
