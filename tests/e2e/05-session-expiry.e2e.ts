// Walk 5, with no script running: a caseworker types a long statement into a form, leaves for lunch,
// and sends it after the session has expired (30 idle minutes, enforced by the server). The app asks her to
// sign in again, and the submission completes: nothing she typed is lost.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../server/auth/sessions';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, navigating, newPerson } from './helpers/browser';
import { importAs } from './helpers/cases';
import { checkedPages, follow, signIn, submit, visit } from './helpers/pages';

let running: RunningApp;
let browser: Browser;
let caseworker: Account;
let page: Page;
let casePath: string;
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  caseworker = await createAccount(running, 'caseworker', 'Olga Caseworker');
  casePath = `/cases/${await importAs(running, caseworker, fixture('anton'))}`;
  // No script at all: the whole walk must work on plain HTML forms.
  ({ page } = await newPerson(browser, { baseURL: running.url, withoutScripts: true }));
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 5: ${checkedPages.length} pages checked`);
});

const statement =
  'He was told on 28 August that his leave was cancelled and his unit would return to Zaporizhzhia.\n' +
  'He took the bus to Orenburg that night and crossed into Kazakhstan the next morning.';

describe('walk 5: the session expires mid-form', () => {
  it('the typed statement survives signing in again and is saved', async () => {
    await signIn(page, caseworker.email, caseworker.password);
    await visit(page, casePath);
    await follow(page, page.locator(`main a[href="${casePath}/edit/desertion"]`));
    await page.locator('[name=statement]').fill(statement);

    running.advanceClock(SESSION_IDLE_MS + 60_000);
    await submit(page);
    // Asked to sign in again, on the same address, with the reason said.
    expect(await page.locator('#f-password').count()).toBe(1);
    expect(await page.locator('.notice[role=status]').textContent()).toMatch(/session/i);

    await page.locator('#f-email').fill(caseworker.email);
    await page.locator('#f-password').fill(caseworker.password);
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(casePath);
    const saved = await page.locator('#desertion dd.prewrap').allTextContents();
    expect(saved.map((t) => t.trim())).toContain(statement);
  });

  it('a form sent from a page of an older session comes back filled in, and goes through', async () => {
    await follow(page, page.locator(`main a[href="${casePath}/edit/desertion"]`));
    const longer = `${statement}\nHe still has the bus ticket.`;
    await page.locator('[name=statement]').fill(longer);
    // Meanwhile, in another tab, she signs out and in again: the form's token belongs to the old session.
    const other = await page.context().newPage();
    await other.goto('/account');
    await navigating(other, () => other.locator('.sign-out button').click());
    await signIn(other, caseworker.email, caseworker.password);
    await other.close();

    await submit(page);
    expect(new URL(page.url()).pathname).toBe(`${casePath}/edit/desertion`);
    expect(await page.locator('main input[type=hidden][name=statement]').inputValue()).toBe(longer);
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(casePath);
    const saved = await page.locator('#desertion dd.prewrap').allTextContents();
    expect(saved.map((t) => t.trim())).toContain(longer);
  });
});
