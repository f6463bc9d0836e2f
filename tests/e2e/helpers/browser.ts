// Debian's Chromium driven by playwright-core (never a test tool's own browser download). Each walk gets one
// browser; each person in a walk gets their own context (cookies), as if on their own laptop.
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What went wrong inside the page: script errors and anything the CSP refused. */
const problems = new WeakMap<Page, string[]>();
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

export interface PersonOptions {
  baseURL: string;
  /**
   * No script of the app's runs: every script file is refused. (Chromium's own switch would also stop the
   * timers axe-core needs; the CSP already forbids inline script, so the app's files are all there is.)
   */
  withoutScripts?: boolean;
}

/** A fresh browser profile (no cookies) with one tab open. */
export async function newPerson(
  browser: Browser,
  options: PersonOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: DESKTOP,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  if (options.withoutScripts) {
    await context.route(/\.m?js(\?|$)/, (route) => route.abort('blockedbyclient'));
  }
  return { context, page: await newTab(context) };
}

/** Another tab of the same person (same cookies), its problems collected like the first one's. */
export async function newTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const found: string[] = [];
  problems.set(page, found);
  page.on('pageerror', (error) => found.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    // Pages answered with 4xx (a form with errors, a refusal) log "Failed to load resource": expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      found.push(`console: ${message.text()}`);
    }
  });
  return page;
}

/** Runs an action that loads a new page (a link, a form) and waits until that page has loaded. */
export async function navigating(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}
