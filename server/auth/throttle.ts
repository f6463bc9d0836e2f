// Sign-in throttling, per account and per address, kept in the database so it holds across restarts and
// instances. Keys are hashed: the table never holds an email address.
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { signInFailures } from '../../db/schema';
import { hashSecret } from './tokens';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures allowed in the window; the next attempt answers 429. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
// An office of caseworkers can share one address, so the address limit is looser.
const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${hashSecret(email.trim().toLowerCase())}`;
const addressKey = (ip: string) => `address:${hashSecret(ip)}`;

async function failuresSince(db: Db, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, since)));
  return row?.n ?? 0;
}

export async function isThrottled(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    failuresSince(db, accountKey(email), since),
    failuresSince(db, addressKey(ip), since),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await db.insert(signInFailures).values([
    { key: accountKey(email), at: now },
    { key: addressKey(ip), at: now },
  ]);
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, accountKey(email)));
}

// Second-factor codes are throttled per account like passwords: six digits would otherwise fall to guessing.
const secondFactorKey = (userId: string) => `second-factor:${hashSecret(userId)}`;

export async function isSecondFactorThrottled(db: Db, userId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return (await failuresSince(db, secondFactorKey(userId), since)) >= MAX_FAILURES_PER_ACCOUNT;
}

export async function recordSecondFactorFailure(db: Db, userId: string, now: Date): Promise<void> {
  await db.insert(signInFailures).values({ key: secondFactorKey(userId), at: now });
}

export async function clearSecondFactorFailures(db: Db, userId: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, secondFactorKey(userId)));
}

/** Failed sign-ins of the account within the window (the fifth locks it until the window passes). */
export function accountFailures(db: Db, email: string, now: Date): Promise<number> {
  return failuresSince(db, accountKey(email), new Date(now.getTime() - THROTTLE_WINDOW_MS));
}
