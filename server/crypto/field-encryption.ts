// Field-level encryption at rest for identifying fields: AES-256-GCM with a random 96-bit IV per value,
// the key version stored with each value (so keys can be rotated), and the table, column and row bound as
// associated data (so a value copied into another row or column fails to decrypt instead of leaking).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface KeyRing {
  /** The version new values are encrypted with. */
  current: number;
  keys: Map<number, Buffer>;
}

export interface FieldContext {
  table: string;
  column: string;
  row: string;
}

const aad = ({ table, column, row }: FieldContext) =>
  Buffer.from(`waypost:${table}:${column}:${row}`, 'utf8');

/** `v<version>.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function encryptField(ring: KeyRing, context: FieldContext, plaintext: string): string {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [`v${ring.current}`, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export class DecryptionError extends Error {}

export function decryptField(ring: KeyRing, context: FieldContext, stored: string): string {
  const [version, iv, body, tag] = stored.split('.');
  const key = ring.keys.get(Number(version?.slice(1)));
  if (!key || !iv || body === undefined || !tag) {
    throw new DecryptionError(
      `cannot decrypt ${context.table}.${context.column}: unknown key version or bad format`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new DecryptionError(`cannot decrypt ${context.table}.${context.column}: value altered or moved`);
  }
}

/** Optional values stay null: absence is not secret, and it keeps "not recorded" distinguishable. */
export const encryptOptional = (ring: KeyRing, context: FieldContext, value: string | undefined | null) =>
  value == null ? null : encryptField(ring, context, value);
export const decryptOptional = (ring: KeyRing, context: FieldContext, stored: string | null) =>
  stored == null ? undefined : decryptField(ring, context, stored);

/**
 * Parses WAYPOST_ENCRYPTION_KEY: one base64 key of 32 bytes (version 1), or `N:key,M:key,...` with the
 * current key first and older ones kept for reading values written before a rotation.
 */
export function parseKeyRing(value: string): KeyRing {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error('no key');
  const keys = new Map<number, Buffer>();
  let current = 0;
  for (const [index, part] of parts.entries()) {
    const match = /^(?:(\d+):)?([A-Za-z0-9+/_-]+={0,2})$/.exec(part);
    if (!match) throw new Error('each key must be base64, optionally prefixed with its version and a colon');
    const version = match[1] ? Number(match[1]) : 1;
    const key = Buffer.from(match[2]!, 'base64');
    if (key.length !== 32)
      throw new Error('each key must be 32 random bytes, base64-encoded (openssl rand -base64 32)');
    if (keys.has(version)) throw new Error(`key version ${version} appears twice`);
    keys.set(version, key);
    if (index === 0) current = version;
  }
  return { current, keys };
}

export const newKey = () => randomBytes(32).toString('base64');
