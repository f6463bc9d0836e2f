// Server-side sessions: idle timeout 30 minutes, absolute lifetime 12 hours, both enforced here.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { sessions, users } from '../../db/schema';
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
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
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
  });
  return { token, csrfToken };
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

/** The session a cookie names, or null (and the row deleted) when it is unknown, expired or its user disabled. */
export async function validateSession(db: Db, token: string, now: Date): Promise<ValidSession | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const [row] = await sessionById(db).execute({ id: parts.id });
  if (!row || !secretMatches(parts.secret, row.session.secretHash)) return null;
  const idleFor = now.getTime() - row.session.lastActiveAt.getTime();
  if (idleFor >= SESSION_IDLE_MS || now >= row.session.expiresAt || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  if (idleFor >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, row.session.id));
  }
  const { disabledAt: _, ...user } = row.user;
  return { id: row.session.id, csrfToken: row.session.csrfToken, user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
