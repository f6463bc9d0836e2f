// Walk 1, done with the keyboard alone: the first run's set-up link creates the first administrator, who
// adds a caseworker and a supervisor; each opens their one-time link, sets a password and signs in. As in
// production, every role must have a second factor: each person sets up an authenticator app right after
// their password (codes computed here from the key shown on the page).
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupLinkIfNeeded } from '../../server/setup-link';
import { codeAt } from '../helpers/two-factor';
import { type RunningApp, startApp } from './helpers/app';
import { launchBrowser, navigating, newPerson } from './helpers/browser';
import { tabTo, typeInto } from './helpers/keyboard';
import { checkedPages, checkPage, heading } from './helpers/pages';

let running: RunningApp;
let browser: Browser;
beforeAll(async () => {
  [running, browser] = await Promise.all([
    startApp({ env: { SECOND_FACTOR_DEFAULT: 'required' } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 1: ${checkedPages.length} pages checked`);
});

/** Presses Enter on the focused link or button and checks the page it leads to. */
async function enter(page: Page): Promise<void> {
  await navigating(page, () => page.keyboard.press('Enter'));
  await checkPage(page);
}

async function keyboardSignIn(page: Page, email: string, password: string): Promise<void> {
  await typeInto(page, 'Email address', email);
  await typeInto(page, 'Password', password);
  await enter(page); // Enter in a field sends its form
}

/** Right after the password: the enrolment page, an authenticator app, the recovery codes, then Waypost. */
async function keyboardEnrol(page: Page): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/two-factor');
  await tabTo(page, 'Set up an authenticator app');
  await enter(page);
  const shown = (await page.locator('#totp-secret').textContent())!.replaceAll(' ', '');
  const code = codeAt(decodeBase32IgnorePadding(shown), running.app.clock());
  await typeInto(page, 'Code', code);
  await enter(page);
  expect(await page.locator('#recovery-codes li').count()).toBe(10);
  await tabTo(page, 'I have kept them');
  await enter(page);
  await tabTo(page, 'Done: continue to Waypost');
  await enter(page);
  expect(new URL(page.url()).pathname).toBe('/');
}

/** The admin adds a user through the form and gets back the one-time link shown once on the page. */
async function addUser(page: Page, name: string, email: string, role: 'Caseworker' | 'Supervisor') {
  await tabTo(page, 'Users');
  await enter(page);
  await tabTo(page, 'Add a user');
  await enter(page);
  await typeInto(page, 'Name', name);
  await typeInto(page, 'Email address', email);
  await tabTo(page, 'Role');
  // A closed <select> takes the typed start of an option, as with a real keyboard.
  await page.keyboard.type(role);
  expect(await page.locator('#f-role option:checked').textContent()).toBe(role);
  await tabTo(page, 'Create user and link');
  await enter(page);
  await expect.poll(() => heading(page).textContent()).toMatch(/link/i);
  // With script the page offers a copy button beside the link; pressing it says the link was copied.
  await tabTo(page, 'Copy link');
  await page.keyboard.press('Enter'); // stays on the page: no navigation to wait for
  await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Link copied.');
  return page.locator('#one-time-link').inputValue();
}

describe('walk 1: first run, with the keyboard only', () => {
  const adminPassword = 'correct horse battery staple';
  let admin: Page;
  const links: Record<string, string> = {};

  it('the set-up link creates the first administrator, who signs in', async () => {
    // The same link `npm start` prints on an empty database.
    const link = await setupLinkIfNeeded(running.app);
    expect(link).toMatch(new RegExp(`^${running.url}/setup/`));
    ({ page: admin } = await newPerson(browser, { baseURL: running.url }));
    await admin.goto(link!);
    await checkPage(admin);
    expect(await heading(admin).textContent()).toBe('Create the first administrator');
    await typeInto(admin, 'Name', 'Irina Admin');
    await typeInto(admin, 'Email address', 'irina@example.org');
    await typeInto(admin, 'New password', adminPassword);
    await typeInto(admin, 'New password again', adminPassword);
    await tabTo(admin, 'Create administrator');
    await enter(admin);
    expect(new URL(admin.url()).pathname).toBe('/sign-in');
    await expect.poll(() => admin.locator('.notice').first().textContent()).toContain('administrator');
    await keyboardSignIn(admin, 'irina@example.org', adminPassword);
    await keyboardEnrol(admin);
    expect(await heading(admin).textContent()).toContain('Irina Admin');
  });

  it('the administrator adds a caseworker and a supervisor, each with a one-time link', async () => {
    links.caseworker = await addUser(admin, 'Olga Caseworker', 'olga@example.org', 'Caseworker');
    links.supervisor = await addUser(admin, 'Marta Supervisor', 'marta@example.org', 'Supervisor');
    for (const link of Object.values(links)) expect(link).toMatch(new RegExp(`^${running.url}/password/`));
    await tabTo(admin, 'Users');
    await enter(admin);
    const rows = await admin.locator('main table tbody tr').allTextContents();
    expect(rows.join('\n')).toMatch(/Marta Supervisor\s+marta@example.org\s+Supervisor\s+Invited/);
    expect(rows.join('\n')).toMatch(/Olga Caseworker\s+olga@example.org\s+Caseworker\s+Invited/);
  });

  it.each([
    ['caseworker', 'olga@example.org'],
    ['supervisor', 'marta@example.org'],
  ])('the %s sets a password through the link and signs in', async (role, email) => {
    const { page } = await newPerson(browser, { baseURL: running.url });
    await page.goto(links[role]!);
    await checkPage(page);
    const password = `a long ${role} passphrase here`;
    await typeInto(page, 'New password', password);
    await typeInto(page, 'New password again', password);
    await enter(page);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await keyboardSignIn(page, email, password);
    await keyboardEnrol(page);
    expect(await page.locator('.site-header .who').textContent()).toContain(
      role === 'caseworker' ? 'Caseworker' : 'Supervisor',
    );
    await page.context().close();
  });
});
