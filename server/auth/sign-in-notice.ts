// Failed sign-ins are told to the account's owner at their next sign-in (the throttle that locks an account
// for 15 minutes cannot tell a forgotten password from someone guessing), and admins are told how many
// accounts were locked out since they last signed in. Both go on the audit log.
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, type SignInNotice, users } from '../../db/schema';
import { appendAudit } from '../audit';
import { accountFailures, MAX_FAILURES_PER_ACCOUNT } from './throttle';

/**
 * Counts a failed attempt on a known account; the wrong password that locks the account is audited as such
 * (`whileLocked` for attempts refused because it already is).
 */
export async function recordFailedSignIn(
  db: Db,
  user: { id: string; email: string },
  now: Date,
  whileLocked = false,
): Promise<void> {
  await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1`, lastFailedSignInAt: now })
    .where(eq(users.id, user.id));
  if (!whileLocked && (await accountFailures(db, user.email, now)) === MAX_FAILURES_PER_ACCOUNT) {
    await appendAudit(db, {
      actorId: null,
      action: 'auth.account_locked',
      targetType: 'user',
      targetId: user.id,
      at: now,
    });
  }
}

/**
 * What to tell the user who has just signed in (null when nothing), after which the count starts again.
 * Telling them is audited.
 */
export async function takeSignInNotice(
  db: Db,
  user: {
    id: string;
    role: string;
    failedSignIns: number;
    lastFailedSignInAt: Date | null;
    lastSignInAt: Date | null;
  },
  now: Date,
): Promise<SignInNotice | null> {
  let lockedAccounts = 0;
  if (user.role === 'admin') {
    const [row] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'auth.account_locked'),
          user.lastSignInAt ? gt(auditLog.at, user.lastSignInAt) : undefined,
        ),
      );
    lockedAccounts = row?.n ?? 0;
  }
  await db.update(users).set({ failedSignIns: 0, lastSignInAt: now }).where(eq(users.id, user.id));
  if (user.failedSignIns === 0 && lockedAccounts === 0) return null;
  await appendAudit(db, {
    actorId: user.id,
    action: 'auth.failed_attempts_reported',
    targetType: 'user',
    targetId: user.id,
    detail: { failed: user.failedSignIns, lockedAccounts },
    at: now,
  });
  return {
    failed: user.failedSignIns,
    lastFailedAt: user.lastFailedSignInAt?.toISOString() ?? null,
    lockedAccounts,
  };
}
