// Walk 6, in Russian: each person switches the language with the footer form, then caseworker, supervisor
// and administrator go through the pages of their work (forms with errors included) while every page is
// searched for English left untranslated, besides the usual accessibility checks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../rules/case-schema';
import { scalarForms } from '../../server/cases/forms/specs';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson } from './helpers/browser';
import { checkedPages, follow, heading, importCaseFile, submit, visit } from './helpers/pages';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let people: { caseworker: Account; supervisor: Account; admin: Account };
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  people = {
    caseworker: await createAccount(running, 'caseworker', 'Ольга Иванова'),
    supervisor: await createAccount(running, 'supervisor', 'Марта Соколова'),
    admin: await createAccount(running, 'admin', 'Ирина Петрова'),
  };
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 6: ${checkedPages.length} pages checked`);
});

/** The anton case as a Russian-speaking caseworker records it: free text in Russian. */
function antonInRussian(): CaseFile {
  const file = { ...fixture('anton'), review: undefined };
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
  return file;
}

/** Opens the sign-in page, switches it to Russian with the footer form, and signs in. */
async function signInInRussian(account: Account): Promise<Page> {
  const { page } = await newPerson(browser, { baseURL: running.url });
  await page.goto('/sign-in');
  await page.locator('#locale-switch').selectOption('ru');
  await submit(page, page.locator('.language button'));
  expect(await page.getAttribute('html', 'lang')).toBe('ru');
  await page.locator('#f-email').fill(account.email);
  await page.locator('#f-password').fill(account.password);
  await submit(page);
  expect(await page.getAttribute('html', 'lang')).toBe('ru');
  return page;
}

const path = (page: Page) => new URL(page.url()).pathname;

describe('walk 6: in Russian, no English left', () => {
  let casePath = '';

  it('the caseworker: home, case list, a new case with an error, every form of the case', async () => {
    const page = await signInInRussian(people.caseworker);
    await visit(page, '/cases');
    await follow(page, page.locator('main a[href="/cases/new"]'));
    await submit(page); // nothing filled in: errors, in Russian
    expect(await page.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    await page.locator('[name=pseudonym]').fill('Сокол');
    await page.locator('[name=citizenships]').first().selectOption('RU');
    await submit(page);
    const newCase = path(page);
    expect(newCase).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

    // Every section form and every list's "add" form, as the case page links them.
    const forms = await page
      .locator('main a[href*="/edit/"], main a[href$="/new"]')
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
    expect(forms.length).toBeGreaterThanOrEqual(Object.keys(scalarForms).length);
    for (const href of forms) await visit(page, href);
    await submit(page); // the last list form, empty: errors beside the fields

    casePath = await importCaseFile(page, 'anton', antonInRussian());
    await follow(page, page.locator(`main a[href="${casePath}/decide/send_for_review"]`));
    await page.locator('[name=note]').fill('Прошу решения: он в розыске, маршрут через Казахстан.');
    await submit(page);
    expect(path(page)).toBe(casePath);
    await visit(page, '/');
    await visit(page, '/account');
    await page.context().close();
  });

  it('the supervisor: queue, case, decisions, history, summary', async () => {
    const page = await signInInRussian(people.supervisor);
    await visit(page, '/review');
    await screenshots(page, 'review-queue-ru');
    await follow(page, page.locator(`main a[href="${casePath}"]`).first());
    await follow(page, page.locator(`main a[href="${casePath}/decide/request_info"]`));
    await submit(page); // no question written: an error
    await visit(page, casePath);
    await follow(page, page.locator(`main a[href="${casePath}/decide/clear_flag?flag=WANTED_TRAVEL_RISK"]`));
    await page.locator('[name=reason]').fill('Юрист проверил: маршрут через сухопутную границу безопасен.');
    await submit(page);
    await follow(page, page.locator(`main a[href="${casePath}/decide/approve_referral"]`));
    await page.locator('[name=reason]').fill('Проверено специалистами, документы видели в оригинале.');
    await submit(page);
    expect(await page.locator('.case-meta .badge').textContent()).toBe('Направлено');
    await screenshots(page, 'case-page-ru'); // Russian words are longer: the layout must still hold
    await visit(page, `${casePath}/history`);
    await visit(page, `${casePath}/summary?profile=full`);
    await visit(page, '/summaries');
    await visit(page, '/');
    await page.context().close();
  });

  it('the administrator: users, a new user with an error, audit log; and a page that does not exist', async () => {
    const page = await signInInRussian(people.admin);
    await visit(page, '/admin/users');
    await follow(page, page.locator('main a[href="/admin/users/new"]'));
    await page.locator('#f-displayName').fill('Анна Смирнова');
    await page.locator('#f-email').fill(people.caseworker.email);
    await submit(page); // that address is taken: an error beside it
    expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#f-email').fill('anna@example.org');
    await submit(page);
    expect(await heading(page).textContent()).toBeTruthy();
    await visit(page, '/admin/users');
    await follow(page, page.locator('main a', { hasText: 'Ольга Иванова' }));
    await visit(page, '/admin/audit');
    await visit(page, '/no-such-page');
    await page.context().close();
  });
});
