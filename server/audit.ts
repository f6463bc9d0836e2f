// The audit log: who did what, when; never a password, never a case's contents. An entry is one INSERT,
// with no lock, inside the caller's transaction when there is one (so it lands with the change it records);
// the database refuses to update or delete it. The keyed chain that makes tampering detectable is added
// off the request's path by the background writer (server/audit/): see chain.ts, checkpoint.ts, verify.ts.
import type { Db, Tx } from '../db/client';
import { auditLog } from '../db/schema';
import type { AuditAction } from './audit/labels';

export { verifyAuditChain } from './audit/verify';

export interface AuditEntry {
  /** The signed-in user, or null for the system and command-line tools. */
  actorId: string | null;
  /** How the actor is shown: `user`, `system`, `cli`. */
  actorLabel?: string;
  /** Only actions with a sentence for the history and audit pages (server/audit/labels.ts). */
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  /** Identifiers and codes only: no personal data, no values typed into a case. */
  detail?: Record<string, unknown>;
  at: Date;
}

/** Appends one entry. Pass the surrounding transaction so the entry lands with the change it records. */
export async function appendAudit(dbOrTx: Db | Tx, entry: AuditEntry): Promise<void> {
  await dbOrTx.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel ?? (entry.actorId ? 'user' : 'system'),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    detail: entry.detail ?? {},
  });
}
