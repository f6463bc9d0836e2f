// Second factors in tests: the authenticator app's key read from the set-up page as a person would copy it,
// and codes computed from it for any moment, as the app on their phone would.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect } from 'vitest';
import { type Agent, csrfFrom } from './app';

export const STEP_MS = 30_000;

export function codeAt(key: Uint8Array, at: Date): string {
  return generateHOTP(key, BigInt(Math.floor(at.getTime() / STEP_MS)), 6);
}

/** The key shown as text on the set-up page. */
function keyFromPage(html: string): Uint8Array {
  const shown = /id="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1];
  if (!shown) throw new Error('no key on the page');
  return decodeBase32IgnorePadding(shown.replaceAll(' ', ''));
}

/** Turns on the authenticator app for a signed-in agent; returns its key and the recovery codes shown. */
export async function enrolTotp(
  agent: Agent,
  now: Date,
): Promise<{ key: Uint8Array; recoveryCodes: string[] }> {
  const page = await agent.get('/two-factor/totp');
  expect(page.status, page.text).toBe(200);
  const key = keyFromPage(page.text);
  const res = await agent
    .post('/two-factor/totp')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), code: codeAt(key, now) });
  expect(res.status, res.text).toBe(200);
  const recoveryCodes = [...res.text.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map(
    (m) => m[1]!,
  );
  return { key, recoveryCodes };
}
