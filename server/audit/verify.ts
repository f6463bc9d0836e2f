// Verifies the audit log: every link of the chain in order (position, entry, MAC), the entries not yet
// chained (the newest, which the writer links within seconds), and, given a checkpoint kept outside the
// database, that the chain still reaches it with the same MAC (no truncation, no rewrite before it).
import { asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditChain, auditLog } from '../../db/schema';
import type { KeyRing } from '../crypto/field-encryption';
import { GENESIS_MAC, linkMac } from './chain';
import { type Checkpoint, checkpointSigned } from './checkpoint';

export type ChainCheck =
  | {
      ok: true;
      /** Entries chained and verified. */
      rows: number;
      /** Newest entries not chained yet: present, but not yet protected by the chain. */
      pending: number;
      /** The checkpoint the chain was checked against, when one was given. */
      checkpointSeq?: number;
    }
  | { ok: false; rows: number; brokenAtId: number | null; reason: string };

const BATCH = 1000;

export async function verifyAuditChain(db: Db, ring: KeyRing, checkpoint?: Checkpoint): Promise<ChainCheck> {
  if (checkpoint && !checkpointSigned(ring, checkpoint)) {
    return {
      ok: false,
      rows: 0,
      brokenAtId: null,
      reason: 'the checkpoint is not signed with this audit key',
    };
  }
  let prevMac = GENESIS_MAC;
  let seq = 0;
  for (;;) {
    const batch = await db
      .select({ link: auditChain, entry: auditLog })
      .from(auditChain)
      .leftJoin(auditLog, eq(auditLog.id, auditChain.entryId))
      .where(gt(auditChain.seq, seq))
      .orderBy(asc(auditChain.seq))
      .limit(BATCH);
    for (const { link, entry } of batch) {
      const broken = (reason: string): ChainCheck => ({
        ok: false,
        rows: seq,
        brokenAtId: link.entryId,
        reason,
      });
      if (link.seq !== seq + 1) return broken(`link ${seq + 1} is missing (entries were removed)`);
      if (!entry) return broken('the entry was removed');
      const key = ring.keys.get(link.keyVersion);
      if (!key) return broken(`audit key version ${link.keyVersion} is not configured`);
      if (linkMac(key, prevMac, link.seq, entry) !== link.mac) {
        return broken('the entry or its link was altered (the MAC does not match)');
      }
      if (
        checkpoint &&
        link.seq === checkpoint.seq &&
        (link.mac !== checkpoint.mac || link.entryId !== checkpoint.entryId)
      ) {
        return broken('the log was rewritten before the checkpoint (its MAC differs from the checkpoint)');
      }
      prevMac = link.mac;
      seq = link.seq;
    }
    if (batch.length < BATCH) break;
  }
  if (checkpoint && seq < checkpoint.seq) {
    return {
      ok: false,
      rows: seq,
      brokenAtId: checkpoint.entryId,
      reason: `the log was cut short: the checkpoint of ${checkpoint.at} saw ${checkpoint.seq} chained entries, the log has ${seq}`,
    };
  }
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
    .where(isNull(auditChain.seq));
  return {
    ok: true,
    rows: seq,
    pending: pending?.n ?? 0,
    ...(checkpoint ? { checkpointSeq: checkpoint.seq } : {}),
  };
}

/** Whether the configured audit keys open the chain's newest link (checked at start-up, cheaply). */
export async function auditKeyProblem(db: Db, ring: KeyRing): Promise<string | undefined> {
  const [last] = await db
    .select({ link: auditChain, entry: auditLog })
    .from(auditChain)
    .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
    .orderBy(desc(auditChain.seq))
    .limit(1);
  if (!last) return undefined;
  const key = ring.keys.get(last.link.keyVersion);
  if (!key) return `audit key version ${last.link.keyVersion} is not configured, but the chain uses it`;
  const [previous] = await db
    .select({ mac: auditChain.mac })
    .from(auditChain)
    .where(eq(auditChain.seq, last.link.seq - 1));
  const prevMac = previous?.mac ?? GENESIS_MAC;
  if (linkMac(key, prevMac, last.link.seq, last.entry) !== last.link.mac) {
    return `the configured audit key version ${last.link.keyVersion} is not the key the chain was written with`;
  }
  return undefined;
}
