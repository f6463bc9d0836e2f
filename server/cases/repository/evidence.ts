// What the case tables must do when evidence is attached to or removed from a case (server/attachments):
// uploads to one case are counted one after the other, a scan changes the assessment, any evidence change
// withdraws a standing decision, and a zip import refused half-way takes its case away again.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { cases } from '../../../db/schema';
import type { KeyRing } from '../../crypto/field-encryption';
import { reassess } from './assessment';
import { withdrawOnChange } from './bindings';
import { openRequestIds } from './queue';
import { loadCase } from './reads';
import { together } from './together';

/** Holds the case row until the transaction ends: two uploads to one case are counted one after the other. */
export async function lockCase(tx: Tx, caseId: string): Promise<void> {
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
}

/**
 * After evidence is added or removed. A scan of a document counts in the rules (server/attachments/scans.ts):
 * the stored assessment follows. Any evidence changes the case a standing decision was made on: it is withdrawn.
 */
export async function evidenceChanged(
  tx: Tx,
  ring: KeyRing,
  input: { caseId: string; scan: boolean; actorId: string; now: Date },
): Promise<void> {
  const { caseId, actorId, now } = input;
  const [current, openRequests] = await together([
    loadCase(tx, ring, caseId),
    input.scan ? openRequestIds(tx, caseId) : [],
  ]);
  if (!current) return;
  const assessment = input.scan ? await reassess(tx, ring, current, openRequests.length, now, actorId) : null;
  await withdrawOnChange(tx, ring, {
    caseId,
    parts: current.parts,
    assessment,
    actorId,
    now,
    evidence: true,
  });
}

/** Deletes a case just imported, with everything stored under it (its rows cascade). */
export async function deleteImportedCase(tx: Tx, caseId: string): Promise<void> {
  await tx.delete(cases).where(eq(cases.id, caseId));
}
