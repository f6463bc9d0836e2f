// One check of a second factor, shared by the sign-in's second step and by step-up: a code from the
// authenticator app, a recovery code, or a passkey's signature (or, for step-up by an account that has no
// second factor, its password). Throttled per account like passwords; a used recovery code is audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthMethod } from '../../db/schema';
import { appendAudit } from '../audit';
import { authenticationResponse, readJson, verifyPasskey } from '../auth/passkeys';
import { verifyPassword } from '../auth/passwords';
import { useRecoveryCode, useTotpCode } from '../auth/second-factor';
import { setChallenge, type ValidSession } from '../auth/sessions';
import {
  clearSecondFactorFailures,
  isSecondFactorThrottled,
  recordSecondFactorFailure,
} from '../auth/throttle';
import type { MessageKey } from '../i18n';
import { findUser } from '../users';

/** The fields every second-factor form may carry. */
export const factorFields = {
  code: z.string().max(100).optional(),
  passkey: z.string().max(100_000).optional(),
  password: z.string().max(1024).optional(),
};

export type FactorInput = { code?: string; passkey?: string; password?: string };

export type FactorCheck =
  | { ok: true; method: AuthMethod; recoveryCodesLeft?: number }
  | { ok: false; error: MessageKey; status: number };

const TOTP_SHAPE = /^\d{3}\s?\d{3}$/;

async function tryFactor(
  app: FastifyInstance,
  session: ValidSession,
  input: FactorInput,
  passwordAllowed: boolean,
): Promise<{ method: AuthMethod; recoveryCodesLeft?: number } | null> {
  const { db, keyRing, config } = app;
  const userId = session.user.id;
  const now = app.clock();
  if (input.passkey) {
    const challenge = session.challenge;
    await setChallenge(db, session.id, null); // a challenge is answered once, right or wrong
    const response = readJson(authenticationResponse, input.passkey);
    if (!challenge || !response) return null;
    const ok = await verifyPasskey(db, config, { userId, challenge, response, now });
    return ok ? { method: 'password+passkey' } : null;
  }
  const code = input.code?.trim() ?? '';
  if (code && TOTP_SHAPE.test(code)) {
    return (await useTotpCode(db, keyRing, userId, code, now)) ? { method: 'password+totp' } : null;
  }
  if (code) {
    const left = await useRecoveryCode(db, userId, code, now);
    if (left === null) return null;
    await appendAudit(db, {
      actorId: userId,
      action: 'auth.recovery_code_used',
      targetType: 'user',
      targetId: userId,
      detail: { left },
      at: now,
    });
    return { method: 'password+recovery', recoveryCodesLeft: left };
  }
  if (passwordAllowed && input.password) {
    const user = await findUser(db, userId);
    return user?.passwordHash && (await verifyPassword(user.passwordHash, input.password))
      ? { method: 'password' }
      : null;
  }
  return null;
}

export async function checkSecondFactor(
  app: FastifyInstance,
  session: ValidSession,
  input: FactorInput,
  passwordAllowed = false,
): Promise<FactorCheck> {
  const { db } = app;
  const userId = session.user.id;
  const now = app.clock();
  if (await isSecondFactorThrottled(db, userId, now)) {
    await appendAudit(db, { actorId: userId, action: 'auth.second_factor_throttled', at: now });
    return { ok: false, error: 'twoFactor.throttled', status: 429 };
  }
  const passed = await tryFactor(app, session, input, passwordAllowed);
  if (!passed) {
    await recordSecondFactorFailure(db, userId, now);
    await appendAudit(db, { actorId: userId, action: 'auth.second_factor_failed', at: now });
    return {
      ok: false,
      error: passwordAllowed ? 'stepUp.wrongPassword' : 'twoFactor.wrongCode',
      status: 401,
    };
  }
  await clearSecondFactorFailures(db, userId);
  return { ok: true, ...passed };
}
