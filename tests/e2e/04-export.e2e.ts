// Walk 4: the anton case, entered, reviewed and approved, is exported: the printable summary in each
// redaction profile, its print layout, the PDF a caseworker hands over, and the group export of referred
// cases.
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson } from './helpers/browser';
import { decideAs, importAs } from './helpers/cases';
import { checkedPages, follow, heading, signIn, visit } from './helpers/pages';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let caseworker: Account & { role: 'caseworker' };
let page: Page;
let caseId: string;
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  caseworker = { ...(await createAccount(running, 'caseworker', 'Olga Caseworker')), role: 'caseworker' };
  const supervisor = {
    ...(await createAccount(running, 'supervisor', 'Marta Supervisor')),
    role: 'supervisor' as const,
  };
  // As walk 3 leaves a case: sent for review, the travel risk cleared, the referral approved.
  caseId = await importAs(running, caseworker, { ...fixture('anton'), review: undefined });
  await decideAs(running, caseId, caseworker, { action: 'send_for_review' });
  await decideAs(running, caseId, supervisor, {
    action: 'clear_flag',
    flagId: 'WANTED_TRAVEL_RISK',
    reason: "A lawyer's review found the route through Kazakhstan's land border safe for him.",
  });
  await decideAs(running, caseId, supervisor, {
    action: 'approve_referral',
    country: 'FR',
    pathway: 'asylum_visa',
    reason: 'Verified by specialists; documents seen in original.',
  });
  ({ page } = await newPerson(browser, { baseURL: running.url }));
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 4: ${checkedPages.length} pages checked`);
});

/** Clicks a link that downloads a file; returns its name and bytes. */
async function download(link: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}

describe('walk 4: export of the approved case', () => {
  it('the printable summary names the approving supervisor and follows the redaction profile', async () => {
    await signIn(page, caseworker.email, caseworker.password);
    await visit(page, `/cases/${caseId}`);
    expect(await page.locator('.case-meta .badge').textContent()).toBe('Referred');
    await follow(page, page.locator('.case-meta a', { hasText: 'Case summary' }));
    expect(new URL(page.url()).search).toBe('?profile=partner');
    const summary = page.locator('article.summary');
    expect(await summary.textContent()).toContain('Approved for referral by Marta Supervisor');
    expect(await summary.locator('.summary-draft').count()).toBe(0);
    await screenshots(page, 'summary');

    await follow(page, page.locator('.summary-actions a[href$="?profile=full"]'));
    expect(new URL(page.url()).search).toBe('?profile=full');
    expect(await page.locator('.summary-actions [aria-current=page]').textContent()).toBe('full');
  });

  it('printed, the summary leaves out the navigation and the page controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('.summary-actions').first().isVisible()).toBe(false);
    expect(await page.locator('article.summary').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the PDF downloads as an attachment with the reference and page numbers on every page', async () => {
    const { name, bytes } = await download(page.locator('.summary-actions a', { hasText: 'Download PDF' }));
    expect(name).toMatch(/^WP-\d{4}-\d{4}-summary-full\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    const reference = name.slice(0, 12);
    pages.forEach((text, i) => {
      expect(text).toContain(reference);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).not.toContain('DRAFT');
    });
    expect(pages.join('\n')).toContain('Marta Supervisor');
  });

  it('several referred cases export as one PDF with a cover index', async () => {
    await visit(page, '/summaries');
    expect(await heading(page).textContent()).toBeTruthy();
    await page.locator(`input[name=ids][value="${caseId}"]`).check();
    await page.locator('input[name=profile][value=minimal]').check();
    const { name, bytes } = await download(page.locator('main form button[type=submit]'));
    expect(name).toMatch(/^summaries-[\d-]+-minimal\.pdf$/);
    expect((await pdfPages(bytes)).join('\n')).toContain('Anton');
  });
});
