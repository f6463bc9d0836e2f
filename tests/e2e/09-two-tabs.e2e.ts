// Walk 9: one caseworker, two tabs on one case (issue 14, items 4 and 8). Documents are [passport, contract,
// summons]: tab B edits the contract while tab A removes the passport, and the summons survives; both tabs
// edit the contract, and only the field both changed is asked about on the conflict page; tab A removes the
// entry tab B is editing, and B's version is added back; an entry moved up keeps its place and its edits.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../rules/case-schema';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson, newTab } from './helpers/browser';
import { importAs } from './helpers/cases';
import { fillCaseForm } from './helpers/forms';
import { checkedPages, follow, heading, signIn, submit, visit } from './helpers/pages';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let caseworker: Account;
let context: BrowserContext;
let tabA: Page;
let tabB: Page;
let casePath = '';

const file: CaseFile = {
  ...fixture('anton'),
  review: undefined,
  documents: [
    { type: 'international_passport', seen: 'original', validity: 'valid', authenticity: 'consistent' },
    { type: 'service_contract', seen: 'copy', validity: 'valid', authenticity: 'consistent' },
    { type: 'call_up_summons', seen: 'original', validity: 'valid', authenticity: 'consistent' },
  ],
};

beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  caseworker = await createAccount(running, 'caseworker', 'Olga Caseworker');
  casePath = `/cases/${await importAs(running, caseworker, file)}`;
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 9: ${checkedPages.length} pages checked`);
});

const documentRows = (tab: Page) => tab.locator('#documents tbody tr');
const documentTypes = async (tab: Page) =>
  (await documentRows(tab).locator('td:first-child').allTextContents()).map((s) => s.trim());
const path = (tab: Page) => new URL(tab.url()).pathname;

/** From the case page, opens the form of the n-th document's Edit or Remove link. */
async function openDocument(tab: Page, n: number, link: 'Edit' | 'Remove') {
  await visit(tab, casePath);
  await follow(tab, documentRows(tab).nth(n).locator('a', { hasText: link }));
}

describe('walk 9: two tabs on one case', () => {
  it('the caseworker signs in and opens a second tab', async () => {
    ({ context, page: tabA } = await newPerson(browser, { baseURL: running.url }));
    await signIn(tabA, caseworker.email, caseworker.password);
    tabB = await newTab(context);
  });

  it('tab B edits the contract after tab A removed the passport: the contract changes, the summons survives', async () => {
    await openDocument(tabB, 1, 'Edit');
    expect(path(tabB)).toMatch(/\/lists\/documents\/[0-9a-f-]{36}$/);
    await openDocument(tabA, 0, 'Remove');
    await submit(tabA, tabA.locator('main form button[type=submit]'));
    expect(await documentTypes(tabA)).toEqual(['Service contract', 'Call-up summons']);

    await fillCaseForm(tabB, { note: 'Signed under pressure' });
    await submit(tabB);
    expect(path(tabB)).toBe(casePath);
    expect(await documentTypes(tabB)).toEqual(['Service contract', 'Call-up summons']);
    expect(await documentRows(tabB).first().textContent()).toContain('Signed under pressure');
  });

  it('both tabs edit the contract: what only one changed is kept, only the field both changed is asked', async () => {
    await openDocument(tabA, 0, 'Edit');
    await openDocument(tabB, 0, 'Edit');
    await fillCaseForm(tabA, { validity: 'expired', note: 'Expired in 2023, per the unit' });
    await submit(tabA);
    await fillCaseForm(tabB, { seen: 'original', note: 'Original seen at the interview' });
    await submit(tabB);
    expect(await heading(tabB).textContent()).toBe('Someone else saved this meanwhile');
    const marked = await tabB
      .locator('.conflict-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.querySelector('th')?.textContent?.trim()}: ${r.className}`),
      );
    expect(marked).toEqual([
      'Document: conflict-same',
      'Seen: conflict-mine',
      'Validity: conflict-theirs',
      'Authenticity check: conflict-same',
      'Expires on: conflict-same',
      'Document number: conflict-same',
      'Note: conflict-both',
    ]);
    // Only the note is asked for, with what tab A saved shown beside it.
    expect(
      await tabB.locator('main form.case-form :is(input:not([type=hidden]), select, textarea)').count(),
    ).toBe(1);
    expect(await tabB.locator('#f-note-hint').textContent()).toContain('Expired in 2023, per the unit');
    await screenshots(tabB, 'conflict-page');
    await tabB.locator('#f-note').fill('Original seen at the interview; expired in 2023');
    await submit(tabB);
    expect(path(tabB)).toBe(casePath);
    const cells = (await documentRows(tabB).first().locator('td').allTextContents()).map((c) => c.trim());
    // B's "seen", A's validity (not reverted), the note as settled on the conflict page.
    expect(cells.slice(0, 3)).toEqual(['Service contract', 'Original seen', 'Expired']);
    expect(cells[5]).toBe('Original seen at the interview; expired in 2023');
  });

  it('tab A removes the summons tab B is editing: B is told, nothing is lost, and B adds it back', async () => {
    await openDocument(tabB, 1, 'Edit');
    await openDocument(tabA, 1, 'Remove');
    await submit(tabA, tabA.locator('main form button[type=submit]'));
    expect(await documentTypes(tabA)).toEqual(['Service contract']);
    await fillCaseForm(tabB, { note: 'Dated 23 September 2022' });
    await submit(tabB);
    expect(await heading(tabB).textContent()).toBe('This entry was removed meanwhile');
    expect(await tabB.locator('main').textContent()).toContain('Dated 23 September 2022');
    await screenshots(tabB, 'entry-removed-meanwhile');
    await submit(tabB);
    expect(path(tabB)).toBe(casePath);
    expect(await documentTypes(tabB)).toEqual(['Service contract', 'Call-up summons']);
    expect(await documentRows(tabB).nth(1).textContent()).toContain('Dated 23 September 2022');
  });

  it('an entry moved up in tab A is still the one tab B edits', async () => {
    await openDocument(tabB, 1, 'Edit');
    await visit(tabA, casePath);
    await submit(tabA, documentRows(tabA).nth(1).locator('button', { hasText: 'Move up' }));
    expect(await documentTypes(tabA)).toEqual(['Call-up summons', 'Service contract']);
    await fillCaseForm(tabB, { seen: 'copy' });
    await submit(tabB);
    expect(path(tabB)).toBe(casePath);
    expect(await documentTypes(tabB)).toEqual(['Call-up summons', 'Service contract']);
    const cells = (await documentRows(tabB).first().locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 2)).toEqual(['Call-up summons', 'Copy seen']);
    expect(cells[5]).toBe('Dated 23 September 2022');
    await screenshots(tabB, 'case-page-documents');
  });
});
