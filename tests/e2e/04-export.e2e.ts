// Walk 4: the anton case, entered, reviewed and approved, is exported: the printable summary in each
// redaction profile, its print layout, the PDF a caseworker hands over in the language chosen at export
// (rendered to PNG under test-results/e2e/ for a person to look at), and the group export of referred cases.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson } from './helpers/browser';
import { decideAs, importAs } from './helpers/cases';
import { checkedPages, follow, heading, signIn, submit, visit } from './helpers/pages';
import { download as downloadFrom, pagesAsPng, pdfPages } from './helpers/pdf';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let caseworker: Account & { role: 'caseworker' };
let page: Page;
let caseId: string;
let admin: Account;
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
  admin = await createAccount(running, 'admin', 'Ada Admin');
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 4: ${checkedPages.length} pages checked`);
});

const download = (link: ReturnType<Page['locator']>) => downloadFrom(page, link);

describe('walk 4: export of the approved case', () => {
  it("an admin sets the organisation's letterhead and the role under the approver's name", async () => {
    const { page: adminPage, context } = await newPerson(browser, { baseURL: running.url });
    await signIn(adminPage, admin.email, admin.password);
    await follow(adminPage, adminPage.locator('nav a', { hasText: 'Organisation' }));
    await adminPage.getByLabel('Name', { exact: true }).fill('Safe Passage Network');
    await adminPage.getByLabel('Address').fill('Postfach 1234, 10117 Berlin, Germany');
    await adminPage
      .getByLabel('Contact (phone, email or website)')
      .fill('+49 30 000000 · casework@safepassage.example');
    await adminPage.getByLabel('Role printed under the approving supervisor').fill('Head of casework');
    await submit(adminPage, adminPage.locator('main button[type=submit]'));
    expect(await adminPage.locator('.notice').textContent()).toContain('Saved.');
    await screenshots(adminPage, 'organisation');
    await context.close();
  });

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

    await follow(page, page.locator('.summary-actions a[href*="?profile=full&"]'));
    expect(new URL(page.url()).search).toBe('?profile=full&lang=en');
    expect(await page.locator('.summary-actions [aria-current=page]').textContent()).toBe('full');
  });

  it('printed, the summary leaves out the navigation and the page controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('.summary-actions').first().isVisible()).toBe(false);
    expect(await page.locator('article.summary').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the PDF downloads as an attachment in the language chosen at export, with the letterhead and signature', async () => {
    // The English-speaking caseworker writes the PDF in Russian for a Russian-speaking lawyer.
    const form = page.locator('form#export');
    expect(await form.locator('input[name=lang][value=en]').isChecked()).toBe(true);
    await form.locator('input[name=profile][value=full]').check();
    await form.getByLabel('Russian (русский)').check();
    const { name, bytes } = await download(form.locator('button[type=submit]'));
    expect(name).toMatch(/^WP-\d{4}-\d{4}-summary-full-ru\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    const reference = name.slice(0, 12);
    pages.forEach((text, i) => {
      expect(text).toContain(reference);
      expect(text).toContain(`Страница ${i + 1} из ${pages.length}`);
      expect(text).not.toContain('ЧЕРНОВИК');
    });
    const all = pages.join('\n');
    expect(all).toContain('Сводка по делу');
    expect(all).toContain('Marta Supervisor');
    expect(all).toContain('Подпись');
    expect(pages[0]).toMatch(/^Safe Passage Network\s+Postfach 1234, 10117 Berlin, Germany/);
    expect(all).toContain('Head of casework');
    expect(all).not.toContain('Case summary');
    expect(pagesAsPng(bytes, 'summary-pdf-full-ru').length).toBe(pages.length);

    // The partner profile in English, as a consulate reads it.
    await form.locator('input[name=profile][value=partner]').check();
    await form.getByLabel('English').check();
    const partner = await download(form.locator('button[type=submit]'));
    expect(partner.name).toMatch(/-summary-partner-en\.pdf$/);
    const text = (await pdfPages(partner.bytes)).join('\n');
    expect(text).toContain('Case summary');
    expect(text).not.toContain('domain.md');
    pagesAsPng(partner.bytes, 'summary-pdf-partner-en');
  });

  it('several referred cases export as one PDF with a cover index', async () => {
    await visit(page, '/summaries');
    expect(await heading(page).textContent()).toBeTruthy();
    await page.locator(`input[name=ids][value="${caseId}"]`).check();
    await page.locator('input[name=profile][value=minimal]').check();
    await page.locator('input[name=lang][value=en]').check();
    const { name, bytes } = await download(page.locator('main form button[type=submit]'));
    expect(name).toMatch(/^summaries-[\d-]+-minimal-en\.pdf$/);
    expect((await pdfPages(bytes)).join('\n')).toContain('Anton');
  });
});
