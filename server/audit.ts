// The audit log: who did what, when; never a password, never a case's contents. An entry is one INSERT,
// with no lock, inside the caller's transaction when there is one (so it lands with the change it records);
// the database refuses to update or delete it. The keyed chain that makes tampering detectable is added
// off the request's path by the background writer (server/audit/): see chain.ts, checkpoint.ts, verify.ts.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { preparedPerDatabase } from '../db/prepared';
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

// One insert, built once per database for entries outside a transaction (a case page records its read on
// every view); a transaction builds its own, as a statement built on the database would run outside it.
function insertEntry(db: Db | Tx) {
  return db
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actorLabel: sql.placeholder('actorLabel'),
      action: sql.placeholder('action'),
      targetType: sql.placeholder('targetType'),
      targetId: sql.placeholder('targetId'),
      detail: sql.placeholder('detail'),
    })
    .prepare('audit_append');
}
const insertOnDatabase = preparedPerDatabase(insertEntry);

/** Appends one entry. Pass the surrounding transaction so the entry lands with the change it records. */
export async function appendAudit(dbOrTx: Db | Tx, entry: AuditEntry): Promise<void> {
  const insert = 'rollback' in dbOrTx ? insertEntry(dbOrTx) : insertOnDatabase(dbOrTx);
  await insert.execute({
    at: entry.at,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel ?? (entry.actorId ? 'user' : 'system'),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    detail: entry.detail ?? {},
  });
}
