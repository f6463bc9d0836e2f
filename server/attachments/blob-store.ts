// Where sealed bytes live. The database by default (PGlite and PostgreSQL alike, no set-up, in every
// backup); the interface is small so an S3-compatible store can stand in for large installations (README).
// A store only ever sees sealed chunks: encryption happens before `put` and after `get`.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { attachmentChunks } from '../../db/schema';
import type { BlobKey, SealedChunk } from './sealed';

export interface BlobStore {
  put(key: BlobKey, chunks: readonly SealedChunk[]): Promise<void>;
  /** The chunks in order; empty when nothing is stored under the key. */
  get(key: BlobKey): Promise<SealedChunk[]>;
  /** Every variant of the attachment, gone. */
  erase(attachmentId: string): Promise<void>;
}

/** The database store, on a connection or inside the transaction that writes the attachment's row. */
export function databaseBlobStore(db: Db | Tx): BlobStore {
  return {
    async put(key, chunks) {
      // One chunk per statement: a 20 MB file is never one 40 MB hex-encoded query.
      for (const chunk of chunks) {
        await db
          .insert(attachmentChunks)
          .values({ attachmentId: key.attachmentId, variant: key.variant, ...chunk });
      }
    },
    get: (key) =>
      db
        .select({
          seq: attachmentChunks.seq,
          keyVersion: attachmentChunks.keyVersion,
          sealed: attachmentChunks.sealed,
        })
        .from(attachmentChunks)
        .where(
          and(eq(attachmentChunks.attachmentId, key.attachmentId), eq(attachmentChunks.variant, key.variant)),
        )
        .orderBy(asc(attachmentChunks.seq)),
    async erase(attachmentId) {
      await db.delete(attachmentChunks).where(eq(attachmentChunks.attachmentId, attachmentId));
    },
  };
}
