// The checks every page of every walk gets: axe-core at WCAG 2.1 AA, nothing refused by the CSP and no script
// error, and on a Russian page no English left. `visit`, `follow` and `submit` move a walk on and check the
// page they arrive at, so no page is forgotten.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations } from './axe';
import { navigating, pageProblems } from './browser';
import { englishOnPage } from './english';

/** Paths checked so far in this file (for the count printed after each walk). */
export const checkedPages: string[] = [];

export async function checkPage(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  // Soft: one walk reports every problem on every page it visits, rather than stopping at the first.
  expect.soft(await accessibilityViolations(page), `axe on ${where}`).toEqual([]);
  if ((await page.getAttribute('html', 'lang')) === 'ru') {
    expect.soft(await englishOnPage(page), `English on ${where}`).toEqual([]);
  }
  expect.soft(pageProblems(page).splice(0), `browser errors on ${where}`).toEqual([]);
  checkedPages.push(where);
}

export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await checkPage(page);
}

/** Clicks a link (or anything that loads a page) and checks the page it leads to. */
export async function follow(page: Page, target: Locator): Promise<void> {
  await navigating(page, () => target.click());
  await checkPage(page);
}

/** Sends the form through its main button (or the one given) and checks the page that comes back. */
export async function submit(page: Page, button?: Locator): Promise<void> {
  const target = button ?? page.locator('main form button[type=submit].primary').first();
  await navigating(page, () => target.click());
  await checkPage(page);
}

/** The main heading of the page. */
export function heading(page: Page): Locator {
  return page.locator('main h1');
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/sign-in');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await submit(page);
  expect(new URL(page.url()).pathname).not.toBe('/sign-in');
}

/** Uploads a case file through the import form of the case list; ends on the new case's page. */
export async function importCaseFile(page: Page, name: string, file: unknown): Promise<string> {
  await visit(page, '/cases');
  await page.locator('#f-file').setInputFiles({
    name: `${name}.case.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await submit(page, page.locator('form.import-form button[type=submit]'));
  const path = new URL(page.url()).pathname;
  expect(
    path,
    await page
      .locator('#import-errors')
      .allTextContents()
      .then((t) => t.join()),
  ).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  return path;
}
