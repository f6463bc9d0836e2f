// Passwords: argon2id at or above OWASP's floor (m=19456 KiB, t=2, p=1), a length minimum, and a shipped
// list of the most common passwords (no outside call).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';

// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

const commonPasswords = new Set(
  readFileSync(join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#')),
);

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Spent on unknown accounts so that they take as long as wrong passwords. Always false.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('waypost-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with weaker parameters than today's (then we rehash at sign-in). */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < ARGON2_PARAMS.memoryCost || t < ARGON2_PARAMS.timeCost || p !== ARGON2_PARAMS.parallelism;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  // A common password padded with digits or symbols, or repeated, is as guessable as the password itself.
  const stripped = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const repeated = /^(.+?)\1+$/u.exec(lower)?.[1];
  if (
    commonPasswords.has(lower) ||
    (stripped.length >= 4 && commonPasswords.has(stripped)) ||
    (repeated !== undefined && (repeated.length < 4 || commonPasswords.has(repeated)))
  ) {
    return 'too_common';
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}
