// Server-side sessions: idle timeout 30 minutes, absolute lifetime 12 hours, both enforced here.
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { type AuthMethod, type PendingStep, type SignInNotice, sessions, users } from '../../db/schema';
import { newToken, parseToken, randomToken, secretMatches } from './tokens';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
// Writing last-activity on every request would make each page a write; a minute's slack is harmless.
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export type SessionUser = Pick<typeof users.$inferSelect, 'id' | 'email' | 'displayName' | 'role' | 'locale'>;

export interface ValidSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
  authMethod: AuthMethod;
  /** Set while the sign-in is unfinished: only that step's pages and signing out are open. */
  pending: PendingStep | null;
  stepUpAt: Date | null;
  challenge: string | null;
  notice: SignInNotice | null;
}

/** A session that ended by expiry, named so that a form it carried can be proved to be the user's own. */
export interface EndedSession {
  userId: string;
  csrfToken: string;
}

export interface SessionStart {
  authMethod?: AuthMethod;
  pending?: PendingStep | null;
  /** The moment the user last proved a second factor (or, without one, their password). */
  stepUpAt?: Date | null;
  device?: string | null;
  notice?: SignInNotice | null;
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  start: SessionStart = {},
): Promise<{ id: string; token: string; csrfToken: string }> {
  const { id, secretHash, token } = newToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    id,
    secretHash,
    userId,
    csrfToken,
    createdAt: now,
    lastActiveAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    authMethod: start.authMethod ?? 'password',
    pending: start.pending ?? null,
    stepUpAt: start.stepUpAt ?? null,
    device: start.device?.slice(0, 200) ?? null,
    notice: start.notice ?? null,
  });
  return { id, token, csrfToken };
}

// Run on every signed-in request.
const sessionById = preparedPerDatabase((db) =>
  db
    .select({
      session: sessions,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        locale: users.locale,
        disabledAt: users.disabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id'),
);

export type SessionCheck = { valid: ValidSession } | { ended: EndedSession | null };

/**
 * The session a cookie names, or why not: `ended` names the user and form token of a session that had just
 * expired (its row is deleted now), so a form it carried can be proved to be the user's own; null when the
 * token is unknown, forged or its user disabled.
 */
export async function checkSession(db: Db, token: string, now: Date): Promise<SessionCheck> {
  const parts = parseToken(token);
  if (!parts) return { ended: null };
  const [row] = await sessionById(db).execute({ id: parts.id });
  if (!row || !secretMatches(parts.secret, row.session.secretHash)) return { ended: null };
  const { session } = row;
  const idleFor = now.getTime() - session.lastActiveAt.getTime();
  if (idleFor >= SESSION_IDLE_MS || now >= session.expiresAt || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    const expired = !row.user.disabledAt && !session.pending;
    return { ended: expired ? { userId: session.userId, csrfToken: session.csrfToken } : null };
  }
  if (idleFor >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, session.id));
  }
  const { disabledAt: _, ...user } = row.user;
  return {
    valid: {
      id: session.id,
      csrfToken: session.csrfToken,
      user,
      authMethod: session.authMethod,
      pending: session.pending,
      stepUpAt: session.stepUpAt,
      challenge: session.challenge,
      notice: session.notice,
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of the user but one (the one in use). */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
}

export async function recordStepUp(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ stepUpAt: now, challenge: null }).where(eq(sessions.id, sessionId));
}

export async function setChallenge(db: Db, sessionId: string, challenge: string | null): Promise<void> {
  await db.update(sessions).set({ challenge }).where(eq(sessions.id, sessionId));
}

export async function clearNotice(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ notice: null }).where(eq(sessions.id, sessionId));
}

export interface SessionListing {
  id: string;
  device: string | null;
  createdAt: Date;
  lastActiveAt: Date;
  authMethod: AuthMethod;
  stepUpAt: Date | null;
}

/** The user's finished sessions, newest activity first (expired rows left by closed browsers are skipped). */
export async function listSessions(db: Db, userId: string, now: Date): Promise<SessionListing[]> {
  return db
    .select({
      id: sessions.id,
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      authMethod: sessions.authMethod,
      stepUpAt: sessions.stepUpAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.pending),
        gt(sessions.expiresAt, now),
        gt(sessions.lastActiveAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    )
    .orderBy(desc(sessions.lastActiveAt));
}
