// The audit log: who did what, when; never a password, never a case's contents. Rows are chained by hash
// (each row's hash covers the previous row's), and the database refuses to update or delete them.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { auditLog } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);
// One lock id for the whole log: appends are serialised so the chain never forks.
const AUDIT_LOCK = 7_274_001;

export interface AuditEntry {
  /** The signed-in user, or null for the system and command-line tools. */
  actorId: string | null;
  /** How the actor is shown: `user`, `system`, `cli`. */
  actorLabel?: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Identifiers and codes only: no personal data, no values typed into a case. */
  detail?: Record<string, unknown>;
  at: Date;
}

type AuditRow = typeof auditLog.$inferSelect;

/** JSON with keys sorted at every level, so the hash survives jsonb's reordering. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function rowHash(prevHash: string, row: Omit<AuditRow, 'id' | 'prevHash' | 'hash'>): string {
  const body = canonical({
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: row.detail,
  });
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`${prevHash}\n${body}`)));
}

/** Appends one entry. Pass the surrounding transaction so the entry lands with the change it records. */
export async function appendAudit(dbOrTx: Db | Tx, entry: AuditEntry): Promise<void> {
  const write = async (tx: Db | Tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row = {
      at: entry.at,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel ?? (entry.actorId ? 'user' : 'system'),
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? {},
    };
    await tx.insert(auditLog).values({ ...row, prevHash, hash: rowHash(prevHash, row) });
  };
  // A bare Db starts its own transaction; the advisory lock needs one to be released at its end.
  if ('rollback' in dbOrTx) await write(dbOrTx);
  else await (dbOrTx as Db).transaction(write);
}

export type ChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: number; reason: string };

/** Walks the whole log in id order and recomputes every hash. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(1000);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenAtId: row.id,
          reason: 'previous hash does not match (a row was removed or reordered)',
        };
      }
      if (rowHash(prevHash, row) !== row.hash) {
        return {
          ok: false,
          rows,
          brokenAtId: row.id,
          reason: 'contents do not match their hash (the row was altered)',
        };
      }
      prevHash = row.hash;
      lastId = row.id;
      rows++;
    }
  }
}
