// TOTP (RFC 6238) codes: 6 digits, 30-second steps, one step of clock drift either way and no more. The
// step a code matched is returned so the caller can refuse that step (or an earlier one) ever again.
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;

export const newTotpKey = (): Uint8Array => crypto.getRandomValues(new Uint8Array(20));

/** The secret as people type it into an authenticator app, in groups of four. */
export const keyForDisplay = (key: Uint8Array): string =>
  encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');

export const keyUri = (issuer: string, account: string, key: Uint8Array): string =>
  createTOTPKeyURI(issuer, account, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);

export const stepAt = (now: Date): number => Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);

export function totpCode(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS);
}

/**
 * The step the code belongs to (now, one before or one after) when it is right and later than `lastStep`;
 * null otherwise.
 */
export function matchingStep(
  key: Uint8Array,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = stepAt(now);
  const presented = new TextEncoder().encode(typed);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    if (constantTimeEqual(presented, new TextEncoder().encode(totpCode(key, step)))) return step;
  }
  return null;
}
