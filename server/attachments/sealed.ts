// Files at rest are sealed like the identifying fields (server/crypto): AES-256-GCM, a random 96-bit IV,
// the key version beside each chunk, and associated data binding the chunk to its case, attachment, variant,
// place and the number of chunks, so a chunk moved to another file, reordered or dropped fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AttachmentVariant } from '../../db/schema';
import { DecryptionError, type KeyRing } from '../crypto/field-encryption';

const CHUNK_BYTES = 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BlobKey {
  caseId: string;
  attachmentId: string;
  variant: AttachmentVariant;
}

export interface SealedChunk {
  seq: number;
  keyVersion: number;
  /** IV, ciphertext, tag. */
  sealed: Buffer;
}

const aad = (key: BlobKey, seq: number, count: number) =>
  Buffer.from(`waypost:attachment:${key.caseId}:${key.attachmentId}:${key.variant}:${seq}/${count}`, 'utf8');

/**
 * The sealed chunks, made one at a time as they are consumed: a store writing each before asking for the
 * next holds one sealed megabyte, not a sealed copy of the whole file.
 */
export function* seal(ring: KeyRing, key: BlobKey, plaintext: Buffer): Generator<SealedChunk> {
  const count = Math.max(1, Math.ceil(plaintext.length / CHUNK_BYTES));
  const secret = ring.keys.get(ring.current)!;
  for (let seq = 0; seq < count; seq++) {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', secret, iv);
    cipher.setAAD(aad(key, seq, count));
    const part = plaintext.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
    const sealed = Buffer.concat([iv, cipher.update(part), cipher.final(), cipher.getAuthTag()]);
    yield { seq, keyVersion: ring.current, sealed };
  }
}

/** The plaintext of every chunk in order; throws DecryptionError when any is missing, altered or moved. */
export function open(ring: KeyRing, key: BlobKey, chunks: readonly SealedChunk[]): Buffer {
  if (chunks.length === 0) throw new DecryptionError('attachment has no stored bytes');
  const parts = chunks.map((chunk, index) => {
    const secret = ring.keys.get(chunk.keyVersion);
    if (!secret || chunk.seq !== index || chunk.sealed.length < IV_BYTES + TAG_BYTES)
      throw new DecryptionError('cannot open attachment: unknown key version or chunk out of place');
    try {
      const decipher = createDecipheriv('aes-256-gcm', secret, chunk.sealed.subarray(0, IV_BYTES));
      decipher.setAAD(aad(key, chunk.seq, chunks.length));
      decipher.setAuthTag(chunk.sealed.subarray(chunk.sealed.length - TAG_BYTES));
      const body = chunk.sealed.subarray(IV_BYTES, chunk.sealed.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new DecryptionError('cannot open attachment: altered or moved');
    }
  });
  return Buffer.concat(parts);
}
