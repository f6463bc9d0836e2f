// Accounts: creation, roles, disabling, and the one-time links through which people set their passwords.
import { and, count, eq, isNull, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { oneTimeTokens, type Role, users } from '../db/schema';
import { hashPassword } from './auth/passwords';
import { deleteUserSessions } from './auth/sessions';
import { newToken, parseToken, secretMatches } from './auth/tokens';

export type User = typeof users.$inferSelect;
export type LinkPurpose = (typeof oneTimeTokens.$inferSelect)['purpose'];

const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  setup: 60 * 60_000,
  invite: 72 * 60 * 60_000,
  reset: 24 * 60 * 60_000,
};

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function userCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return user;
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function createUser(
  db: Db | Tx,
  input: { email: string; displayName: string; role: Role; password?: string; now: Date },
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return user!;
}

export async function setPassword(db: Db | Tx, userId: string, password: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), updatedAt: now })
    .where(eq(users.id, userId));
}

/** Admins other than this user who can still sign in: the last one may not be demoted or disabled. */
export async function otherActiveAdmins(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
  return row?.n ?? 0;
}

export async function changeRole(db: Db | Tx, userId: string, role: Role, now: Date): Promise<void> {
  await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
}

/** Disabling ends every session of the user at once. */
export async function setDisabled(db: Db, userId: string, disabled: boolean, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ disabledAt: disabled ? now : null, updatedAt: now })
    .where(eq(users.id, userId));
  if (disabled) await deleteUserSessions(db, userId);
}

/** Issues a one-time link token; earlier unused links of the same purpose for the same user stop working. */
export async function issueLink(
  db: Db | Tx,
  purpose: LinkPurpose,
  userId: string | null,
  now: Date,
): Promise<string> {
  const { id, secretHash, token } = newToken();
  await db
    .delete(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        userId ? eq(oneTimeTokens.userId, userId) : isNull(oneTimeTokens.userId),
      ),
    );
  await db.delete(oneTimeTokens).where(lt(oneTimeTokens.expiresAt, now));
  await db.insert(oneTimeTokens).values({
    id,
    secretHash,
    purpose,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]),
  });
  return token;
}

export type LinkRecord = typeof oneTimeTokens.$inferSelect;

/** The still-valid link a token names, without using it up. */
export async function findLink(db: Db | Tx, token: string, now: Date): Promise<LinkRecord | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const [link] = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.id, parts.id));
  if (!link || !secretMatches(parts.secret, link.secretHash) || link.expiresAt <= now) return null;
  return link;
}

export async function useUpLink(db: Db | Tx, linkId: string): Promise<boolean> {
  const deleted = await db
    .delete(oneTimeTokens)
    .where(eq(oneTimeTokens.id, linkId))
    .returning({ id: oneTimeTokens.id });
  return deleted.length === 1;
}
