// Walk 2: a caseworker enters the anton fixture through the forms alone, in the browser: the new-case form,
// every section form, every list entry one by one; adds a route leg by mistake and removes it; makes one
// validation error and fixes it in place; and then sees the assessment the triage CLI gives for the file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../rules/assessment';
import type { CaseFile } from '../../rules/case-schema';
import { labels } from '../../rules/labels';
import { flagTitle } from '../../rules/titles';
import { toFormValues } from '../../server/cases/forms/engine';
import { listFormIds, listForms, type ScalarFormId, scalarForms } from '../../server/cases/forms/specs';
import { disassemble } from '../../server/cases/parts';
import { todayOf } from '../../server/cases/repository';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson } from './helpers/browser';
import { fillCaseForm } from './helpers/forms';
import { checkedPages, follow, heading, signIn, submit, visit } from './helpers/pages';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let caseworker: Account;
let page: Page;
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  caseworker = await createAccount(running, 'caseworker', 'Olga Caseworker');
  ({ page } = await newPerson(browser, { baseURL: running.url }));
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 2: ${checkedPages.length} pages checked`);
});

// The supervisor's clearance in the fixture (review.clearedFlags) is not the caseworker's to enter.
const file: CaseFile = { ...fixture('anton'), review: undefined };
const parts = disassemble(file);
let casePath = '';

const path = (p: Page) => new URL(p.url()).pathname;

/** From the case page, opens a section's form by its Edit / Fill in / Add link. */
async function openForm(href: string): Promise<void> {
  await follow(page, page.locator(`main a[href="${casePath}${href}"]`).first());
  expect(path(page)).toBe(`${casePath}${href}`);
}

/** Saves the open form and expects to be back on the case page. */
async function save(): Promise<void> {
  await submit(page);
  // On an error the form comes back: say what it said.
  const errors = await page.locator('.error-summary').allTextContents();
  expect(path(page), errors.join(' ')).toBe(casePath);
}

describe('walk 2: intake through the forms alone', () => {
  it('the caseworker signs in and opens a new case', async () => {
    await signIn(page, caseworker.email, caseworker.password);
    await visit(page, '/cases');
    await follow(page, page.locator('main a[href="/cases/new"]'));
    await fillCaseForm(page, { pseudonym: file.person.pseudonym, citizenships: file.person.citizenships });
    // An impatient double click on "Create case": the form is sent twice, and one case is made.
    const sent: string[] = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/cases' && sent.push(r.url()),
    );
    await page.locator('main form[action="/cases"] button[type=submit]').dblclick();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await page.waitForLoadState('load');
    casePath = path(page);
    expect(casePath).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(await heading(page).textContent()).toContain('Anton');
    await visit(page, `/cases?q=${encodeURIComponent(file.person.pseudonym)}`);
    expect(await page.locator(`main a[href="${casePath}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('main tbody tr').count(), `form sent ${sent.length} times`).toBe(1);
    await visit(page, casePath);
  });

  it('one deliberate mistake: the error is shown beside its field, announced, and fixed in place', async () => {
    await openForm('/edit/service');
    const values = toFormValues(scalarForms.service.spec, parts.service as never);
    await fillCaseForm(page, { ...values, serviceType: '' }); // the kind of service left unchosen
    await submit(page);
    expect(path(page)).toBe(`${casePath}/edit/service`);
    await expect.poll(() => page.locator('.error-summary[role=alert]').count()).toBe(1);
    const field = page.locator('[name=serviceType]');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`#${describedBy.split(' ').pop()}`).textContent();
    expect(message).toMatch(/\w/);
    // The summary links to the field; everything else typed is still there.
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('serviceType');
    expect(await page.locator('[name=unit]').inputValue()).toBe(file.service.unit);
    await screenshots(page, 'section-form-with-errors');
    await page.locator('[name=serviceType]').selectOption(values.serviceType as string);
    await save();
  });

  it('dates are typed day first: 30 February is refused beside the field and kept, a real day is saved', async () => {
    await openForm('/edit/person');
    const born = page.locator('[name=dateOfBirth]');
    expect(await born.getAttribute('type')).toBe('text');
    expect(await born.getAttribute('inputmode')).toBe('numeric');
    expect(await page.locator('#f-dateOfBirth-hint').textContent()).toContain('24.09.2022');
    await born.fill('30.02.1990');
    await submit(page);
    expect(path(page)).toBe(`${casePath}/edit/person`);
    expect(await born.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-dateOfBirth-error').textContent()).toContain('real date');
    expect(await born.inputValue()).toBe('30.02.1990');
    await born.fill('31.01.1990');
    await save();
    await openForm('/edit/person');
    expect(await page.locator('[name=dateOfBirth]').inputValue()).toBe('31.01.1990');
    await visit(page, casePath);
  });

  it('the statement counts its characters against the limit the form states', async () => {
    await openForm('/edit/desertion');
    expect(await page.locator('#f-statement-limit').textContent()).toContain('10\u202F000');
    const statement = page.locator('[name=statement]');
    await statement.fill('Left the unit at night.');
    expect(await page.locator('#f-statement-count').textContent()).toBe('23 of 10000 characters');
    await statement.fill('я'.repeat(10_001));
    expect(await page.locator('#f-statement-count').getAttribute('class')).toContain('over');
    await fillCaseForm(page, toFormValues(scalarForms.desertion.spec, parts.desertion as never));
    await save();
  });

  const sections: ScalarFormId[] = [
    'person',
    'desertion',
    'persecution',
    'currentStay',
    'verification',
    'screening',
  ];
  it.each(sections)('the %s form', async (id) => {
    await openForm(`/edit/${id}`);
    await fillCaseForm(page, toFormValues(scalarForms[id].spec, parts[id] as never));
    await save();
  });

  const lists = listFormIds;
  it('every list entry, added one by one', async () => {
    for (const id of lists) {
      for (const item of listForms[id].read(parts)) {
        await openForm(`/lists/${id}/new`);
        await fillCaseForm(page, toFormValues(listForms[id].spec, item));
        await save();
      }
    }
  });

  it('a route leg added by mistake is removed again', async () => {
    const legs = () => page.locator('#route tbody tr').count();
    expect(await legs()).toBe(1);
    await openForm('/lists/route/new');
    await fillCaseForm(page, toFormValues(listForms.route.spec, { ...file.route[0]!, to: 'GE' }));
    await save();
    expect(await legs()).toBe(2);
    await follow(page, page.locator('#route tbody tr').nth(1).locator('a[href$="/remove"]'));
    await submit(page, page.locator('main form button[type=submit]'));
    expect(path(page)).toBe(casePath);
    expect(await legs()).toBe(1);
    expect(await page.locator('#route tbody').textContent()).toContain('Kazakhstan');
  });

  it('leaving a form with unsaved changes asks first (views/static/forms.js); saving does not', async () => {
    await openForm('/edit/person');
    await page.locator('[name=pseudonym]').fill('Anton B.');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss(); // stay on the page
    });
    await page.locator('main form .actions a', { hasText: 'Cancel' }).click();
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(path(page)).toBe(`${casePath}/edit/person`);
    await page.locator('[name=pseudonym]').fill(file.person.pseudonym);
    await save(); // no question when the form is sent
  });

  it('the case page shows the assessment the triage CLI gives for the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypost-e2e-'));
    writeFileSync(join(dir, 'anton.json'), JSON.stringify(file));
    const today = todayOf(running.app.clock());
    const cli = JSON.parse(
      execFileSync(
        'node',
        ['--import', 'tsx', 'rules/cli/triage.ts', join(dir, 'anton.json'), '--today', today],
        {
          encoding: 'utf8',
        },
      ),
    ) as Assessment;
    const assessment = page.locator('section.assessment');
    const text = (await assessment.textContent()) ?? '';
    expect(await assessment.locator('.next-step strong').textContent()).toBe(
      labels.en.actions[cli.recommendation.action],
    );
    expect(text).toContain(labels.en.riskLevels[cli.riskLevel]);
    const shownFlags = (await assessment.locator('.flag > p:first-child strong').allTextContents()).sort();
    expect(shownFlags).toEqual(cli.flags.map((f) => flagTitle(f.id, 'en')).sort());
    for (const item of cli.checklist) expect(text).toContain(item.label);
    await screenshots(page, 'case-page-with-flags');
    await visit(page, '/cases');
    expect(await page.locator('main').textContent()).toContain('Anton');
    await screenshots(page, 'case-list');
  });
});
