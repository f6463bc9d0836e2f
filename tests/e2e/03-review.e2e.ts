// Walk 3, the supervisor issue's walk in the browser: a case that trips UNIT_IMPLICATED comes first in the
// queue; the supervisor asks for more information; the caseworker answers; the supervisor clears the flags
// with reasons and approves a referral; all of it is on the timeline. Then the caseworker edits the referred
// case: a change that leaves the assessment as it was withdraws the approval and one step re-approves it; a
// change that alters it sends the case back to the queue with the change side by side and the summary a
// DRAFT. And a supervisor is refused when deciding a case they entered themselves (four eyes).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures';
import { type Account, createAccount, type RunningApp, startApp } from './helpers/app';
import { launchBrowser, newPerson } from './helpers/browser';
import { fillCaseForm } from './helpers/forms';
import { checkedPages, checkPage, follow, importCaseFile, signIn, submit, visit } from './helpers/pages';
import { screenshots } from './helpers/screens';

let running: RunningApp;
let browser: Browser;
let caseworker: Page;
let supervisor: Page;
let accounts: { caseworker: Account; supervisor: Account };
beforeAll(async () => {
  [running, browser] = await Promise.all([startApp(), launchBrowser()]);
  accounts = {
    caseworker: await createAccount(running, 'caseworker', 'Olga Caseworker'),
    supervisor: await createAccount(running, 'supervisor', 'Marta Supervisor'),
  };
  ({ page: caseworker } = await newPerson(browser, { baseURL: running.url }));
  ({ page: supervisor } = await newPerson(browser, { baseURL: running.url }));
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  console.log(`walk 3: ${checkedPages.length} pages checked`);
});

/** Opens a decision from the case page by its link, fills its fields and sends it. */
async function decide(page: Page, linkHref: RegExp, fields: Record<string, string>): Promise<void> {
  const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const index = hrefs.findIndex((h) => linkHref.test(h));
  expect(index, `no link like ${linkHref} on ${page.url()}`).toBeGreaterThanOrEqual(0);
  await follow(page, page.locator('main a').nth(index));
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`main form [name="${name}"]`).first();
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await submit(page);
}

describe('walk 3: supervisor review', () => {
  let casePath = '';

  it('a case that trips UNIT_IMPLICATED comes first in the queue', async () => {
    await signIn(caseworker, accounts.caseworker.email, accounts.caseworker.password);
    await signIn(supervisor, accounts.supervisor.email, accounts.supervisor.password);
    // Also high-risk and entered earlier, but with more time left in the host country.
    const other = fixture('yevgeniy');
    other.currentStay.stayEndsOn = '2027-09-01';
    await importCaseFile(caseworker, 'yevgeniy', other);
    casePath = await importCaseFile(caseworker, 'bucha-unit', fixture('bucha-unit'));
    expect(await caseworker.locator('section.assessment').textContent()).toContain(
      'Unit linked to atrocities',
    );

    await visit(supervisor, '/review');
    const first = supervisor.locator('main table tbody tr').first();
    expect(await first.locator('a').getAttribute('href')).toBe(casePath);
    expect(await first.textContent()).toContain('Unit linked to atrocities');
    await screenshots(supervisor, 'review-queue');
  });

  it('the supervisor asks for more information; the caseworker sees it on the case and at home', async () => {
    await follow(supervisor, supervisor.locator(`main a[href="${casePath}"]`).first());
    await decide(supervisor, /\/decide\/request_info$/, {
      questions: 'Ask which company he drove for, and whether he was in Bucha town or on the highway.',
    });
    expect(new URL(supervisor.url()).pathname).toBe(casePath);
    expect(await supervisor.locator('.case-meta .badge').textContent()).toBe('Verification');

    await visit(caseworker, '/');
    expect(await caseworker.locator('main').textContent()).toContain('which company he drove for');
    await follow(caseworker, caseworker.locator('main .tasks a').first());
    expect(await caseworker.locator('#h-requests').textContent()).toBe('Requests for more information');
  });

  it('the caseworker answers; the case returns to the queue', async () => {
    await decide(caseworker, /\/decide\/answer_request\?request=/, {
      answer:
        'Transport company of the 64th; he stayed with the column on the highway. Two colleagues confirm.',
    });
    expect(await caseworker.locator('.case-meta .badge').textContent()).toBe('Review');
    await visit(supervisor, '/review');
    expect(await supervisor.locator('main table tbody tr a').first().getAttribute('href')).toBe(casePath);
  });

  it('the supervisor clears both flags with reasons and approves referral to a feasible pathway', async () => {
    await visit(supervisor, casePath);
    await decide(supervisor, /\/decide\/clear_flag\?flag=UNIT_IMPLICATED$/, {
      reason:
        'Driver with the column on the highway; two verified colleagues confirm he did not enter the town.',
    });
    expect(await supervisor.locator('.clearance').first().textContent()).toMatch(
      /Cleared by Marta Supervisor on \d{1,2} \w{3} \d{4}, [\d:]+ UTC: Driver with the column/,
    );
    await decide(supervisor, /\/decide\/clear_flag\?flag=DEPLOY_ATROCITY_WINDOW$/, {
      reason: 'Same evidence: on the highway, not in the town.',
    });
    await decide(supervisor, /\/decide\/approve_referral$/, {
      destination: 'FR/asylum_visa',
      reason: 'Verified by interviews, unit cross-check and court records; flags cleared on evidence.',
    });
    expect(await supervisor.locator('.case-meta .badge').textContent()).toBe('Referred');
    const timeline = (await supervisor.locator('#timeline').textContent()) ?? '';
    for (const step of [
      'Requested more information',
      'Answered a request for information',
      'Cleared the flag “Unit linked to atrocities, present in the window”',
      'Approved referral: France (FR) · Visa for asylum purposes',
      'Status changed from Review to Referred',
    ]) {
      expect(timeline).toContain(step);
    }
  });

  /** The caseworker opens a section's form from the case page's address, changes it and saves. */
  async function editAs(page: Page, form: string, fields: Record<string, string>): Promise<void> {
    await visit(page, `${casePath}/edit/${form}`);
    await fillCaseForm(page, fields);
    await submit(page);
    expect(new URL(page.url()).pathname).toBe(casePath);
  }
  const urgent = async () => {
    await visit(supervisor, '/');
    const row = supervisor
      .locator('main dt', { hasText: 'Urgent' })
      .locator('xpath=following-sibling::dd[1]');
    return Number(await row.textContent());
  };
  const summaryText = async () => {
    await visit(supervisor, `${casePath}/summary?profile=partner`);
    return (await supervisor.locator('main').textContent()) ?? '';
  };

  it('a later edit that leaves the assessment as it was withdraws the approval; one step re-approves', async () => {
    await editAs(caseworker, 'person', { fullName: 'Ivan Petrovich Sidorov' });
    expect(await caseworker.locator('.case-meta .badge').textContent()).toBe('Review');
    await visit(supervisor, casePath);
    const changed = supervisor.locator('section.changed-since');
    expect(await changed.textContent()).toContain('The change does not alter the assessment');
    expect(await changed.locator('tbody tr').first().textContent()).toContain('Ivan Petrovich Sidorov');
    await follow(supervisor, changed.locator(`a[href="${casePath}/reaffirm"]`));
    await supervisor.locator('#f-note').fill('Name spelling only; nothing the approval rests on.');
    await submit(supervisor);
    expect(await supervisor.locator('.case-meta .badge').textContent()).toBe('Referred');
    expect(await summaryText()).toContain('Approved for referral by Marta Supervisor');
  });

  it('"admits participation: yes" after approval: back in the queue, side by side, DRAFT, counted urgent', async () => {
    const urgentBefore = await urgent();
    await editAs(caseworker, 'screening', { admitsParticipation: 'yes' });
    expect(await caseworker.locator('.case-meta .badge').textContent()).toBe('Review');
    expect(await caseworker.locator('#timeline').textContent()).toMatch(
      /Approval for referral of \d{1,2} \w{3} \d{4} withdrawn: the case changed after it \(Screening\)/,
    );

    await visit(supervisor, '/review');
    expect(await supervisor.locator(`main table tbody a[href="${casePath}"]`).count()).toBe(1);
    await follow(supervisor, supervisor.locator(`main a[href="${casePath}"]`).first());
    const changed = supervisor.locator('section.changed-since');
    const participation = changed
      .locator('tbody tr')
      .filter({ has: supervisor.locator('th', { hasText: /participation/i }) });
    expect(await participation.locator('td.before').textContent()).toBe('No');
    expect(await participation.locator('td.after').textContent()).toBe('Yes');
    expect(await changed.textContent()).toContain('The change alters the assessment: decide again.');
    expect(await changed.locator('a[href$="/reaffirm"]').count()).toBe(0);
    await screenshots(supervisor, 'changed-since-decision');

    const summary = await summaryText();
    expect(summary).toContain('DRAFT');
    expect(summary).not.toContain('Approved for referral by');
    await screenshots(supervisor, 'summary-draft-after-change');
    expect(await urgent()).toBe(urgentBefore + 1);
  });

  it('the same supervisor is refused when deciding a case they entered', async () => {
    const own = await importCaseFile(supervisor, 'bucha-unit', fixture('bucha-unit'));
    expect(await supervisor.locator('main').textContent()).toContain(
      'decisions on it must be taken by another supervisor',
    );
    expect(await supervisor.locator('main a[href*="/decide/clear_flag"]').count()).toBe(0);
    // Typing the address does not help: the server refuses too.
    const refused = await supervisor.goto(`${own}/decide/clear_flag?flag=UNIT_IMPLICATED`);
    expect(refused?.status()).toBe(403);
    await checkPage(supervisor);
    expect(await supervisor.locator('main').textContent()).toContain('four-eyes');
  });
});
