// Each user's second factors (an authenticator app, passkeys, recovery codes) and the per-role policy that
// says whether one is required. The routes in server/routes/two-factor*.ts are the only callers.
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { passkeys, type Role, recoveryCodes, secondFactorPolicy, totpFactors, users } from '../../db/schema';
import type { Config } from '../config';
import { decryptField, encryptField, type KeyRing } from '../crypto/field-encryption';
import { deleteUserSessions } from './sessions';
import { hashSecret, randomToken } from './tokens';
import { matchingStep, newTotpKey } from './totp';

const secretContext = (userId: string) => ({ table: 'totp_factors', column: 'secret_enc', row: userId });

export interface FactorSummary {
  totp: boolean;
  passkeys: number;
  recoveryLeft: number;
}

export async function factorsOf(db: Db, userId: string): Promise<FactorSummary> {
  const [[totp], [keys], [codes]] = await Promise.all([
    db.select({ enabledAt: totpFactors.enabledAt }).from(totpFactors).where(eq(totpFactors.userId, userId)),
    db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId)),
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { totp: Boolean(totp?.enabledAt), passkeys: keys?.n ?? 0, recoveryLeft: codes?.n ?? 0 };
}

export const hasSecondFactor = (f: FactorSummary) => f.totp || f.passkeys > 0;

// ---- Authenticator app (TOTP) ----

/** The secret being set up (a new one unless one is already waiting for its first code). */
export async function pendingTotpKey(db: Db, ring: KeyRing, userId: string, now: Date): Promise<Uint8Array> {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (row && !row.enabledAt)
    return Buffer.from(decryptField(ring, secretContext(userId), row.secretEnc), 'hex');
  const key = newTotpKey();
  const secretEnc = encryptField(ring, secretContext(userId), Buffer.from(key).toString('hex'));
  await db
    .insert(totpFactors)
    .values({ userId, secretEnc, createdAt: now })
    // Never over an app that is on: turning one off is a separate, stepped-up action.
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretEnc, createdAt: now, lastStep: null },
      setWhere: isNull(totpFactors.enabledAt),
    });
  return key;
}

/**
 * Checks a code against the user's secret (the one being set up when `enrolling`) and, when right, records
 * its step so that the same code is refused the next time; the update is conditional, so two requests racing
 * with one code cannot both pass.
 */
export async function useTotpCode(
  db: Db,
  ring: KeyRing,
  userId: string,
  code: string,
  now: Date,
  enrolling = false,
): Promise<boolean> {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (!row || Boolean(row.enabledAt) === enrolling) return false;
  const key = Buffer.from(decryptField(ring, secretContext(userId), row.secretEnc), 'hex');
  const step = matchingStep(key, code, now, row.lastStep);
  if (step === null) return false;
  const updated = await db
    .update(totpFactors)
    .set({ lastStep: step, ...(enrolling ? { enabledAt: now } : {}) })
    .where(
      and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step))),
    )
    .returning({ userId: totpFactors.userId });
  return updated.length === 1;
}

export async function removeTotp(db: Db, userId: string): Promise<void> {
  await db.delete(totpFactors).where(eq(totpFactors.userId, userId));
}

// ---- Recovery codes ----

const RECOVERY_CODE_COUNT = 10;
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z2-7]/g, '');

/** Ten new codes, returned once to be shown; the old ones stop working. */
export async function newRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomToken(7).slice(0, 10); // 50 random bits
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hashSecret(normaliseRecoveryCode(code)) })));
  });
  return codes;
}

/** Spends a recovery code: the number left after it, or null when it is wrong or already used. */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  code: string,
  now: Date,
): Promise<number | null> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return null;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashSecret(normalised)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (used.length !== 1) return null;
  return (await factorsOf(db, userId)).recoveryLeft;
}

// ---- Policy ----

export type SecondFactorPolicy = Record<Role, boolean>;

export async function secondFactorPolicyOf(db: Db, config: Config): Promise<SecondFactorPolicy> {
  const rows = await db.select().from(secondFactorPolicy);
  const set = new Map(rows.map((r) => [r.role, r.required]));
  const required = (role: Role) => set.get(role) ?? config.secondFactorRequiredByDefault;
  return { caseworker: required('caseworker'), supervisor: required('supervisor'), admin: required('admin') };
}

export async function setSecondFactorPolicy(
  db: Db | Tx,
  role: Role,
  required: boolean,
  adminId: string,
  now: Date,
): Promise<void> {
  await db
    .insert(secondFactorPolicy)
    .values({ role, required, updatedAt: now, updatedBy: adminId })
    .onConflictDoUpdate({
      target: secondFactorPolicy.role,
      set: { required, updatedAt: now, updatedBy: adminId },
    });
}

/** An admin's reset: every second factor goes, every session ends, and the next sign-in leads to enrolment. */
export async function resetSecondFactors(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.delete(totpFactors).where(eq(totpFactors.userId, userId));
  await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.update(users).set({ mustEnrol: true, updatedAt: now }).where(eq(users.id, userId));
  await deleteUserSessions(tx, userId);
}

/** After enrolling, the reset's demand is met. */
export async function enrolmentDone(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ mustEnrol: false }).where(eq(users.id, userId));
}
