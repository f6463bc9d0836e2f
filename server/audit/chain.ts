// The keyed chain over the audit log. Requests insert their entries with no lock (server/audit.ts); one
// writer at a time, under a PostgreSQL advisory lock (so several app processes never fork the chain), links
// the committed entries not yet chained, in id order, each link an HMAC-SHA-256 over the previous link, its
// own position and the entry. Without the audit key nobody can rewrite, reorder or remove a chained entry
// undetected; removing the newest links is caught by a signed checkpoint (checkpoint.ts).
import { createHmac } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditChain, auditLog } from '../../db/schema';
import type { KeyRing } from '../crypto/field-encryption';

export const GENESIS_MAC = '0'.repeat(64);
/** Held while links are appended (and while a checkpoint reads the chain's end). */
export const AUDIT_CHAIN_LOCK = 7_274_001;
const BATCH = 1000;
// A pass looks this many ids back from the newest chained entry: an entry whose transaction committed
// after later ones were chained is still found. The hourly sweep (and verify) look at the whole log.
const LOOK_BACK = 5000;

export type AuditRow = typeof auditLog.$inferSelect;
export interface Link {
  seq: number;
  mac: string;
}

/** JSON with keys sorted at every level, so the MAC survives jsonb's reordering. */
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

export function linkMac(key: Buffer, prevMac: string, seq: number, row: AuditRow): string {
  const body = canonical({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: row.detail,
  });
  return createHmac('sha256', key).update(`waypost audit v1\n${prevMac}\n${seq}\n${body}`).digest('hex');
}

/** The chain's newest link (seq 0 and the genesis value when nothing is chained yet). */
export async function lastLink(db: Db | Tx): Promise<Link & { entryId: number | null }> {
  const [last] = await db
    .select({ seq: auditChain.seq, mac: auditChain.mac, entryId: auditChain.entryId })
    .from(auditChain)
    .orderBy(desc(auditChain.seq))
    .limit(1);
  return last ?? { seq: 0, mac: GENESIS_MAC, entryId: null };
}

/** Committed entries with no link yet, oldest first; `fromId` bounds the scan. */
function unchained(db: Db | Tx, fromId: number, limit: number) {
  return db
    .select({ entry: auditLog })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
    .where(and(isNull(auditChain.seq), gt(auditLog.id, fromId)))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

/** Links the entries not yet chained, in the caller's transaction, which must hold AUDIT_CHAIN_LOCK. */
export async function linkPending(tx: Tx, ring: KeyRing, options: { wholeLog?: boolean } = {}) {
  const key = ring.keys.get(ring.current)!;
  let last = await lastLink(tx);
  const fromId = options.wholeLog ? 0 : Math.max(0, (last.entryId ?? 0) - LOOK_BACK);
  let linked = 0;
  for (;;) {
    const rows = await unchained(tx, fromId, BATCH);
    if (rows.length === 0) return linked;
    const links = rows.map(({ entry }) => {
      const seq = last.seq + 1;
      last = { seq, mac: linkMac(key, last.mac, seq, entry), entryId: entry.id };
      return { seq, entryId: entry.id, keyVersion: ring.current, mac: last.mac };
    });
    await tx.insert(auditChain).values(links);
    linked += links.length;
    if (rows.length < BATCH) return linked;
  }
}

/**
 * One chaining pass. When another process holds the lock it is chaining already: this pass returns at once
 * (the entries it would have linked are linked by that one or by the next pass), unless told to wait.
 */
export async function chainPending(
  db: Db,
  ring: KeyRing,
  options: { wholeLog?: boolean; wait?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    if (options.wait) {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    } else {
      const [got] = await tx
        .select({ locked: sql<boolean>`pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK})` })
        .from(sql`(select 1) as one`);
      if (!got?.locked) return 0;
    }
    return linkPending(tx, ring, options);
  });
}
