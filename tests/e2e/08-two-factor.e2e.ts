// Walk 8: two-step sign-in in Chromium. A caseworker turns on an authenticator app (the key read from the
// page, codes computed here as the phone would), signs out and back in with a code, registers a passkey on
// Chromium's virtual authenticator (DevTools protocol) and signs in with it, then opens a case's export and
// passes the step-up check on the way. The same walk again with the pages in Russian.

import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { fixture } from '../helpers/fixtures';
import { codeAt, STEP_MS } from '../helpers/two-factor';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, navigating, newPerson } from './helpers/browser';
import { decideAs, importAs } from './helpers/cases';
import { checkedPages, checkPage, follow, heading, signIn, submit, visit } from './helpers/pages';

let running: RunningApp;
let browser: Browser;
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp({ host: 'localhost' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 8: ${checkedPages.length} pages checked`);
});

/** A code for the app's clock, one step after the last one used (a code is accepted once). */
function nextCode(key: Uint8Array): string {
  running.advanceClock(STEP_MS);
  return codeAt(key, running.app.clock());
}

async function signOut(page: Page): Promise<void> {
  await navigating(page, () => page.locator('.sign-out button').click());
  expect(new URL(page.url()).pathname).toBe('/sign-in');
}

/** The password step, which answers with the second step's page. */
async function passwordStep(page: Page, who: Account): Promise<void> {
  await visit(page, '/sign-in');
  await page.locator('#f-email').fill(who.email);
  await page.locator('#f-password').fill(who.password);
  await submit(page);
  expect(await page.locator('#f-code').count()).toBe(1);
}

async function passwordThenCode(page: Page, who: Account, key: Uint8Array): Promise<void> {
  await passwordStep(page, who);
  await page.locator('#f-code').fill(nextCode(key));
  await submit(page);
  expect(new URL(page.url()).pathname).toBe('/');
}

describe.each([
  ['en', { totp: 'Set up an authenticator app', kept: 'I have kept them', stepUp: 'Confirm it is you' }],
  [
    'ru',
    {
      totp: 'Настройка приложения-аутентификатора',
      kept: 'Я их сохранил(а)',
      stepUp: 'Подтвердите, что это вы',
    },
  ],
] as const)('walk 8 (%s): two-step sign-in and step-up', (locale, words) => {
  let page: Page;
  let who: Account;
  let key: Uint8Array;
  let caseId: string;

  beforeAll(async () => {
    who = await createAccount(running, 'caseworker', locale === 'ru' ? 'Ольга Куратор' : 'Olga Caseworker');
    await running.app.db.update(users).set({ locale }).where(eq(users.id, who.id));
    const file = { ...fixture('anton'), review: undefined };
    if (locale === 'ru') {
      // Free text as a Russian-speaking caseworker records it (as walk 6 does).
      file.person = { ...file.person, pseudonym: 'Антон' };
      file.service = { ...file.service, unit: 'Бригада связи 58-й общевойсковой армии', rank: 'лейтенант' };
      file.verification = {
        ...file.verification,
        knowledgeChecks: [
          { topic: 'где находится столовая', result: 'consistent' },
          { topic: 'памятник у входа в часть', result: 'consistent' },
          { topic: 'позывной командира', result: 'consistent' },
        ],
      };
    }
    caseId = await importAs(running, who, file);
    // As walk 3 leaves it: approved for referral (an unapproved summary carries a draft watermark).
    const supervisor = {
      ...(await createAccount(running, 'supervisor', locale === 'ru' ? 'Марта' : 'Marta')),
      role: 'supervisor' as const,
    };
    await decideAs(running, caseId, { ...who, role: 'caseworker' }, { action: 'send_for_review' });
    await decideAs(running, caseId, supervisor, {
      action: 'clear_flag',
      flagId: 'WANTED_TRAVEL_RISK',
      reason:
        locale === 'ru'
          ? 'Юрист проверил маршрут через сухопутную границу Казахстана: он безопасен.'
          : "A lawyer's review found the route through Kazakhstan's land border safe for him.",
    });
    await decideAs(running, caseId, supervisor, {
      action: 'approve_referral',
      country: 'FR',
      pathway: 'asylum_visa',
      reason:
        locale === 'ru'
          ? 'Проверено специалистами; документы видели в оригинале.'
          : 'Verified by specialists; documents seen in original.',
    });
    ({ page } = await newPerson(browser, { baseURL: running.url }));
  });

  it('turns on an authenticator app and is given ten recovery codes', async () => {
    await signIn(page, who.email, who.password);
    await visit(page, '/two-factor');
    await follow(page, page.locator('main a.button[href="/two-factor/totp"]'));
    expect(await heading(page).textContent()).toBe(words.totp);
    expect(await page.locator('main svg[role=img]').count()).toBe(1);
    const shown = (await page.locator('#totp-secret').textContent())!.replaceAll(' ', '');
    key = decodeBase32IgnorePadding(shown);
    await page.locator('#f-code').fill(codeAt(key, running.app.clock()));
    await submit(page);
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await follow(page, page.getByRole('link', { name: words.kept }));
    expect(new URL(page.url()).pathname).toBe('/two-factor');
  });

  it('signs out, and signs in again with a code', async () => {
    await signOut(page);
    await passwordThenCode(page, who, key);
  });

  it.runIf(locale === 'en')(
    'registers a passkey on a virtual authenticator and signs in with it',
    async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
        },
      });
      await visit(page, '/two-factor');
      await page.locator('#f-name').fill('Work laptop');
      await navigating(page, () => page.getByRole('button', { name: 'Add a passkey' }).click());
      await checkPage(page);
      expect(await page.locator('main .notice').textContent()).toContain('The passkey was added');
      expect(await page.locator('main input[id^="rename-"]').inputValue()).toBe('Work laptop');
      await signOut(page);
      await passwordStep(page, who);
      await navigating(page, () =>
        page.getByRole('button', { name: 'Use a passkey or security key' }).click(),
      );
      await checkPage(page);
      expect(new URL(page.url()).pathname).toBe('/');
    },
  );

  it('opens the export after a fresh check of the second factor', async () => {
    running.advanceClock(6 * 60_000);
    await visit(page, `/cases/${caseId}/summary`);
    expect(new URL(page.url()).pathname).toBe('/step-up');
    expect(await heading(page).textContent()).toBe(words.stepUp);
    await page.locator('#f-code').fill(nextCode(key));
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}/summary`);
    await page.context().close();
  });
});
