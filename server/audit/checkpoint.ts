// Signed checkpoints: the chain's position and MAC at a moment, signed with Ed25519 and written to a file
// outside the database (config.checkpointDir; the admin's audit page shows the latest to copy elsewhere).
// A checkpoint kept elsewhere catches what the chain alone cannot: removing the newest entries (the chain
// that is left is still valid), and a rewrite by someone holding the audit key (the MAC at the checkpoint's
// position no longer matches). The signing key is derived from the audit key of the same version.
import { createHmac, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { auditCheckpoints } from '../../db/schema';
import type { KeyRing } from '../crypto/field-encryption';
import { AUDIT_CHAIN_LOCK, lastLink, linkPending } from './chain';

const CHECKPOINT_LOCK = 7_274_002;
export const CHECKPOINT_EVERY_MS = 3_600_000;
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export const checkpointSchema = z.object({
  waypost: z.literal('audit-checkpoint'),
  version: z.literal(1),
  seq: z.number().int().min(0),
  entryId: z.number().int().nullable(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyVersion: z.number().int(),
  publicKey: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
type Unsigned = Omit<Checkpoint, 'publicKey' | 'signature'>;

function signingKey(ring: KeyRing, version: number): KeyObject | undefined {
  const auditKey = ring.keys.get(version);
  if (!auditKey) return undefined;
  const seed = createHmac('sha256', auditKey).update('waypost audit checkpoint signing key').digest();
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
}

const signedText = (c: Unsigned) =>
  Buffer.from(
    ['waypost audit checkpoint v1', c.seq, c.entryId ?? '', c.mac, c.at, c.keyVersion].join('\n'),
    'utf8',
  );

function signCheckpoint(ring: KeyRing, body: Unsigned): Checkpoint {
  const key = signingKey(ring, body.keyVersion)!;
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    ...body,
    publicKey: publicKey.toString('base64'),
    signature: sign(null, signedText(body), key).toString('base64'),
  };
}

/** True when the checkpoint was signed with the configured audit key of its version. */
export function checkpointSigned(ring: KeyRing, checkpoint: Checkpoint): boolean {
  const key = signingKey(ring, checkpoint.keyVersion);
  if (!key) return false;
  return verify(
    null,
    signedText(checkpoint),
    createPublicKey(key),
    Buffer.from(checkpoint.signature, 'base64'),
  );
}

/** In the caller's transaction: links what is pending (the whole log), then signs the chain's end. */
async function checkpointIn(tx: Tx, ring: KeyRing, now: Date): Promise<Checkpoint> {
  // The chain's lock keeps other writers out, so the checkpoint names the chain's real end.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  await linkPending(tx, ring, { wholeLog: true });
  const last = await lastLink(tx);
  const signed = signCheckpoint(ring, {
    waypost: 'audit-checkpoint',
    version: 1,
    seq: last.seq,
    entryId: last.entryId,
    mac: last.mac,
    at: now.toISOString(),
    keyVersion: ring.current,
  });
  await tx.insert(auditCheckpoints).values({
    at: now,
    seq: signed.seq,
    entryId: signed.entryId,
    mac: signed.mac,
    keyVersion: signed.keyVersion,
    signature: signed.signature,
  });
  return signed;
}

function saveFile(dir: string, checkpoint: Checkpoint) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, `audit-checkpoint-${checkpoint.at.replace(/[:.]/g, '-')}-${checkpoint.seq}.json`);
  writeFileSync(file, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  return { checkpoint, file };
}

/** A checkpoint now (the admin's button, the command line). Returns it and the file it was written to. */
export async function writeCheckpoint(db: Db, ring: KeyRing, dir: string, now: Date) {
  return saveFile(dir, await db.transaction((tx) => checkpointIn(tx, ring, now)));
}

/**
 * The hourly checkpoint, once across every app process: under a PostgreSQL lock (never process memory),
 * whoever finds the last checkpoint an hour old (or none) writes the next one, in the same transaction.
 */
export async function checkpointIfDue(db: Db, ring: KeyRing, dir: string, now: Date) {
  const checkpoint = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK})`);
    const [last] = await tx
      .select({ at: auditCheckpoints.at })
      .from(auditCheckpoints)
      .orderBy(desc(auditCheckpoints.id))
      .limit(1);
    if (last && now.getTime() - last.at.getTime() < CHECKPOINT_EVERY_MS) return undefined;
    return checkpointIn(tx, ring, now);
  });
  return checkpoint && saveFile(dir, checkpoint);
}

/** The latest checkpoint as its file would hold it, for the admin's page. */
export async function latestCheckpoint(db: Db, ring: KeyRing): Promise<Checkpoint | undefined> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  if (!row) return undefined;
  const key = signingKey(ring, row.keyVersion);
  const publicKey = key ? createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32) : '';
  return {
    waypost: 'audit-checkpoint',
    version: 1,
    seq: row.seq,
    entryId: row.entryId,
    mac: row.mac,
    at: row.at.toISOString(),
    keyVersion: row.keyVersion,
    publicKey: publicKey.toString('base64'),
    signature: row.signature,
  };
}
