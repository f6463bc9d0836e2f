// Where sealed bytes live. The database by default (PGlite and PostgreSQL alike, no set-up, in every
// backup); the interface is small so an S3-compatible store can stand in for large installations (README).
// A store only ever sees sealed chunks: encryption happens before `put` and after `get`.
//
// Chunks cross the driver as hex text that the database decodes (`decode`/`encode`), not as bytea
// parameters: PGlite's bytea (de)serialiser turns every byte into its own JavaScript string (about 40 MB of
// garbage per 1 MB chunk, measured: a 15 MB file raised the app's resident memory by 280 MB), while
// Buffer's native hex costs two bytes a byte and postgres.js handles text as cheaply as bytes.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { attachmentChunks } from '../../db/schema';
import type { BlobKey, SealedChunk } from './sealed';

export interface BlobStore {
  /** Writes each chunk before taking the next from `chunks` (sealing is lazy: see sealed.ts). */
  put(key: BlobKey, chunks: Iterable<SealedChunk>): Promise<void>;
  /** The chunks in order; empty when nothing is stored under the key. */
  get(key: BlobKey): Promise<SealedChunk[]>;
  /** Every variant of the attachment, gone. */
  erase(attachmentId: string): Promise<void>;
}

/** The database store, on a connection or inside the transaction that writes the attachment's row. */
export function databaseBlobStore(db: Db | Tx): BlobStore {
  return {
    async put(key, chunks) {
      // One chunk per statement: a 20 MB file is never one 40 MB query.
      for (const { seq, keyVersion, sealed } of chunks) {
        await db.insert(attachmentChunks).values({
          attachmentId: key.attachmentId,
          variant: key.variant,
          seq,
          keyVersion,
          sealed: sql`decode(${sealed.toString('hex')}, 'hex')`,
        });
      }
    },
    async get(key) {
      const rows = await db
        .select({
          seq: attachmentChunks.seq,
          keyVersion: attachmentChunks.keyVersion,
          hex: sql<string>`encode(${attachmentChunks.sealed}, 'hex')`,
        })
        .from(attachmentChunks)
        .where(
          and(eq(attachmentChunks.attachmentId, key.attachmentId), eq(attachmentChunks.variant, key.variant)),
        )
        .orderBy(asc(attachmentChunks.seq));
      return rows.map(({ seq, keyVersion, hex }) => ({ seq, keyVersion, sealed: Buffer.from(hex, 'hex') }));
    },
    async erase(attachmentId) {
      await db.delete(attachmentChunks).where(eq(attachmentChunks.attachmentId, attachmentId));
    },
  };
}
