// Decisions carried in by an import, as stored: recorded with their origin when the case is imported, listed
// while they wait, and resolved when a reviewer confirms (clears) or upholds the flag.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { caseCarriedDecisions, cases, users } from '../../../db/schema';
import type { KeyRing } from '../../crypto/field-encryption';
import type { Carried, CarriedOrigin } from '../decisions/carried';
import { recordEvent } from './events';
import { fromJson, qualified } from './part-rows';

export async function recordCarried(
  tx: Tx,
  ring: KeyRing,
  input: { caseId: string; carried: Carried[]; originReference: string | null; actorId: string; now: Date },
): Promise<void> {
  const { caseId, carried, now } = input;
  if (carried.length === 0) return;
  await tx.insert(caseCarriedDecisions).values(
    carried.map((c) => ({
      id: randomUUID(),
      caseId,
      kind: c.kind,
      subject: c.subject,
      originReference: input.originReference,
      importedBy: input.actorId,
      importedAt: now,
    })),
  );
  await recordEvent(tx, ring, {
    caseId,
    kind: 'decisions_carried',
    actorId: input.actorId,
    at: now,
    detail: { flagIds: carried.map((c) => c.subject), origin: input.originReference },
  });
}

export interface PendingCarried extends CarriedOrigin {
  flagId: string;
}

const carriedRow = fromJson(caseCarriedDecisions);

/**
 * Carried clearances that no reviewer has confirmed or upheld yet, by flag id, as a column beside the outer
 * query's `cases` row: the case page reads it with the rest, `pendingCarried` alone.
 */
export const pendingCarriedColumn = sql<
  { row: Record<string, unknown>; by: string | null }[]
>`(select coalesce(json_agg(json_build_object('row', row_to_json(${caseCarriedDecisions}), 'by', ${qualified(users.displayName)}) order by ${qualified(caseCarriedDecisions.subject)}), '[]'::json) from ${caseCarriedDecisions} left join ${users} on ${qualified(users.id)} = ${qualified(caseCarriedDecisions.importedBy)} where ${qualified(caseCarriedDecisions.caseId)} = ${qualified(cases.id)} and ${qualified(caseCarriedDecisions.resolution)} is null)`.mapWith(
  (rows: { row: Record<string, unknown>; by: string | null }[]): PendingCarried[] =>
    rows.map(({ row, by }) => {
      const carried = carriedRow(row);
      return {
        flagId: carried.subject,
        reference: carried.originReference,
        importedBy: by,
        importedAt: carried.importedAt,
      };
    }),
);

/** Carried clearances on a case that no reviewer has confirmed or upheld yet. */
export async function pendingCarried(db: Db | Tx, caseId: string): Promise<PendingCarried[]> {
  const [found] = await db.select({ pending: pendingCarriedColumn }).from(cases).where(eq(cases.id, caseId));
  return found?.pending ?? [];
}

/** A reviewer decided on a flag: a carried clearance of it, if one waits, is resolved by that decision. */
export async function resolveCarried(
  tx: Tx,
  input: { caseId: string; flagId: string; resolution: 'confirmed' | 'upheld'; userId: string; now: Date },
): Promise<void> {
  await tx
    .update(caseCarriedDecisions)
    .set({ resolution: input.resolution, resolvedBy: input.userId, resolvedAt: input.now })
    .where(
      and(
        eq(caseCarriedDecisions.caseId, input.caseId),
        eq(caseCarriedDecisions.kind, 'flag_cleared'),
        eq(caseCarriedDecisions.subject, input.flagId),
        isNull(caseCarriedDecisions.resolution),
      ),
    );
}
