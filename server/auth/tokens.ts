// Secret tokens as lucia-auth.com teaches them now (the `lucia` package itself is deprecated):
// `id.secret`, each part random; the id finds the row, only SHA-256(secret) is stored, and the hash is
// compared in constant time. Used for session cookies and for one-time links.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

function randomPart(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export interface NewToken {
  id: string;
  secretHash: string;
  /** What the holder gets (cookie value or link part); never stored. */
  token: string;
}

export function newToken(): NewToken {
  const id = randomPart(15); // 120 bits: lookup key
  const secret = randomPart(20); // 160 bits: the secret
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Splits a presented token; null when it is not of our shape. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const match = /^([a-z2-7]{24})\.([a-z2-7]{32})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = new TextEncoder().encode(hashSecret(secret));
  const stored = new TextEncoder().encode(storedHash);
  return presented.length === stored.length && constantTimeEqual(presented, stored);
}

/** A random value for CSRF tokens and similar. */
export function randomToken(bytes = 24): string {
  return randomPart(bytes);
}
