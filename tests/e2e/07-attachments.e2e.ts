// Walk 7: scans of anton's military ID. A caseworker attaches two photos from the file input (with script:
// one request a file, with progress), sees their thumbnails and what was removed, opens the viewer, exports
// the partner summary with the scans appended (pages rendered to PNG to be looked at); then,
// without script, the plain form attaches a PDF to the case as a whole. The Russian page is checked too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithMetadata, pdfWithHiddenContent } from '../attachments/fixtures';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, navigating, newPerson } from './helpers/browser';
import { importAs } from './helpers/cases';
import { checkedPages, checkPage, follow, heading, signIn, submit, visit } from './helpers/pages';
import { download, pagesAsPng, pdfPages } from './helpers/pdf';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let caseworker: Account;
let caseId: string;
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  caseworker = await createAccount(running, 'caseworker', 'Ольга Иванова');
  // Names in Cyrillic, as a Russian-speaking team writes them: the Russian page is checked for English.
  const file = fixture('anton');
  file.person = { ...file.person, pseudonym: 'Антон' };
  caseId = await importAs(running, caseworker, file);
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 7: ${checkedPages.length} pages checked`);
});

const loadedImages = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);

describe('walk 7: scans and evidence', () => {
  let page: Page;

  it('attaches two scans to the military ID from the file input, with progress', async () => {
    ({ page } = await newPerson(browser, { baseURL: running.url }));
    await signIn(page, caseworker.email, caseworker.password);
    await visit(page, `/cases/${caseId}`);
    await follow(page, page.locator('.case-meta a', { hasText: 'Scans and evidence' }));
    expect(await heading(page).textContent()).toBe('Scans and evidence');
    await page.locator('#f-target').selectOption({ label: 'Document 3: Military ID' });
    await page.locator('#f-kind').selectOption('document_page');
    await page.locator('#f-caption').fill('Страницы 1 и 2');
    await page.locator('#f-files').setInputFiles([
      { name: 'id-page-1.jpg', mimeType: 'image/jpeg', buffer: await jpegWithMetadata(600, 400) },
      { name: 'id-page-2.jpg', mimeType: 'image/jpeg', buffer: await jpegWithMetadata(600, 400) },
    ]);
    await submit(page);
    const thumbs = page.locator('#doc-2 .thumb');
    expect(await thumbs.count()).toBe(2);
    expect(await loadedImages(page, '#doc-2 .thumb img')).toBe(2);
    expect(await thumbs.first().textContent()).toContain('removed: location, camera, timestamps');
    await screenshots(page, 'attachments');
  });

  it('opens the viewer with the stripped image, turned upright', async () => {
    await follow(page, page.locator('#doc-2 .thumb a').first());
    expect(await heading(page).textContent()).toBe('Document page: Страницы 1 и 2');
    expect(await loadedImages(page, 'figure.viewer img')).toBe(1);
    const size = await page
      .locator('figure.viewer img')
      .evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
    expect(size).toEqual([400, 600]);
    await follow(page, page.locator('a', { hasText: 'Remove' }));
    expect(await heading(page).textContent()).toBe('Remove this attachment?');
  });

  it('exports the partner summary with the scans appended, each page stamped', async () => {
    await visit(page, `/cases/${caseId}/summary?profile=partner&lang=en`);
    const form = page.locator('form#export');
    await form.locator('input[name=profile][value=partner]').check();
    await form.getByLabel('English').check();
    await form.getByLabel('Append the scans of the documents (full and partner profiles only)').check();
    const { name, bytes } = await download(page, form.locator('button[type=submit]'));
    expect(name).toMatch(/^WP-\d{4}-\d{4}-summary-partner-en\.pdf$/);
    const pages = await pdfPages(bytes);
    const reference = name.slice(0, 12);
    pages.forEach((text, i) => {
      expect(text).toContain(reference);
      expect(text).toContain('Profile: partner');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const [first, second] = pages.slice(-2);
    expect(first).toContain('Appendix: scans of the documents');
    expect(first).toContain('Document 3: Military ID, scan 1 of 2');
    expect(second).toContain('Document 3: Military ID, scan 2 of 2');
    const annex = pages.find((p) => p.includes('Annex: every document held'))!;
    expect(annex).toMatch(/3 Military ID[^0-9]*Consistent 2/);
    expect(pagesAsPng(bytes, 'summary-pdf-partner-scans').length).toBe(pages.length);

    // The minimal profile never carries scans: the export says why instead.
    await form.locator('input[name=profile][value=minimal]').check();
    await navigating(page, () => form.locator('button[type=submit]').click());
    expect(await heading(page).textContent()).toBe('Scans are not appended to a minimal summary');
  });

  it('without script, the plain form attaches a PDF to the case as a whole', async () => {
    const { page: plain } = await newPerson(browser, { baseURL: running.url, withoutScripts: true });
    await signIn(plain, caseworker.email, caseworker.password);
    await visit(plain, `/cases/${caseId}/attachments?target=case`);
    await plain.locator('#f-kind').selectOption('letter');
    await plain.locator('#f-files').setInputFiles({
      name: 'summons.pdf',
      mimeType: 'application/pdf',
      buffer: pdfWithHiddenContent(2),
    });
    await submit(plain);
    expect(await plain.locator('#case .thumb').count()).toBe(1);
    expect(await plain.locator('#case .pdf-badge').textContent()).toContain('2 pages');
    expect(await plain.locator('#case .thumb').textContent()).toContain('earlier revisions');
    // A refused file comes back with its reason beside the field, nothing lost.
    await plain
      .locator('#f-files')
      .setInputFiles({ name: 'a.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ not an image') });
    await navigating(plain, () => plain.locator('main form button[type=submit].primary').click());
    await checkPage(plain);
    expect(await plain.locator('.error-summary').textContent()).toContain('not a JPEG, PNG, WebP or PDF');
  });

  it('the page reads in Russian', async () => {
    await page.goto(`/cases/${caseId}/attachments`);
    await page.locator('#locale-switch').selectOption('ru');
    await submit(page, page.locator('.language button'));
    expect(await heading(page).textContent()).toBe('Сканы и доказательства');
  });
});
