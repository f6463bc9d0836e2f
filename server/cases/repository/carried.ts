// Decisions carried in by an import, as stored: recorded with their origin when the case is imported, listed
// while they wait, and resolved when a reviewer confirms (clears) or upholds the flag.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { caseCarriedDecisions, users } from '../../../db/schema';
import type { KeyRing } from '../../crypto/field-encryption';
import type { Carried, CarriedOrigin } from '../decisions/carried';
import { recordEvent } from './events';

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

/** Carried clearances on a case that no reviewer has confirmed or upheld yet. */
export async function pendingCarried(db: Db | Tx, caseId: string): Promise<PendingCarried[]> {
  const rows = await db
    .select({ row: caseCarriedDecisions, by: users.displayName })
    .from(caseCarriedDecisions)
    .leftJoin(users, eq(users.id, caseCarriedDecisions.importedBy))
    .where(and(eq(caseCarriedDecisions.caseId, caseId), isNull(caseCarriedDecisions.resolution)))
    .orderBy(asc(caseCarriedDecisions.subject));
  return rows.map(({ row, by }) => ({
    flagId: row.subject,
    reference: row.originReference,
    importedBy: by,
    importedAt: row.importedAt,
  }));
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
