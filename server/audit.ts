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

/** Writes entries in order, chained to the last row, inside a transaction that holds the chain's lock. */
async function writeEntries(tx: Tx, entries: AuditEntry[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: (typeof auditLog.$inferInsert)[] = [];
  for (const entry of entries) {
    const row = {
      at: entry.at,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel ?? (entry.actorId ? 'user' : 'system'),
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? {},
    };
    const hash = rowHash(prevHash, row);
    rows.push({ ...row, prevHash, hash });
    prevHash = hash;
  }
  // One statement for the batch: PostgreSQL draws the ids for a VALUES list in its order, so ids still
  // follow the chain (the chain's lock keeps every other writer out meanwhile).
  await tx.insert(auditLog).values(rows);
}

/**
 * Entries with no surrounding transaction (sign-ins, page views) are group-committed: those that arrive while
 * a batch is being written go together in the next one, so many requests share one lock and one commit. Each
 * caller still waits until its own entry is committed.
 */
class GroupCommit {
  private pending: { entry: AuditEntry; done: () => void; failed: (error: unknown) => void }[] = [];
  private running = false;
  constructor(private readonly db: Db) {}

  append(entry: AuditEntry): Promise<void> {
    return new Promise((done, failed) => {
      this.pending.push({ entry, done, failed });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500);
      try {
        await this.db.transaction((tx) =>
          writeEntries(
            tx,
            batch.map((b) => b.entry),
          ),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.failed(error);
      }
    }
    this.running = false;
  }
}
const groupCommits = new WeakMap<Db, GroupCommit>();

/** Appends one entry. Pass the surrounding transaction so the entry lands with the change it records. */
export async function appendAudit(dbOrTx: Db | Tx, entry: AuditEntry): Promise<void> {
  if ('rollback' in dbOrTx) return writeEntries(dbOrTx, [entry]);
  const db = dbOrTx as Db;
  let group = groupCommits.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groupCommits.set(db, group);
  }
  return group.append(entry);
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
