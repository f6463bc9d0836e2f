// The walk, end to end through the web app: a case that trips UNIT_IMPLICATED goes first in the
// queue, the supervisor asks for more, the caseworker answers, the supervisor clears the flag with a reason
// and approves a referral; everything is on the timeline and the audit log; four eyes holds.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema';
import { loadCase } from '../../server/cases/repository';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { decideThroughPage } from '../helpers/decide';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cw: { agent: Agent; csrf: string };
let sup: { agent: Agent; csrf: string };
let supUser: Awaited<ReturnType<typeof addUser>>;
beforeAll(async () => {
  t = await testApp();
  cw = await signIn(t.app, await addUser(t.app, 'caseworker'));
  supUser = await addUser(t.app, 'supervisor');
  sup = await signIn(t.app, supUser);
});
afterAll(() => t.close());

const decide = decideThroughPage;

describe('the review walk', () => {
  let url: string;
  let id: string;

  it('a case that trips UNIT_IMPLICATED goes first in the queue', async () => {
    // Also high-risk and waiting longer, but with more time left in the host country.
    const other = fixture('yevgeniy');
    other.currentStay.stayEndsOn = '2027-09-01';
    await enterCaseThroughForms(cw.agent, other);
    t.clock.advance(60_000);
    url = await enterCaseThroughForms(cw.agent, fixture('bucha-unit'));
    id = url.split('/').pop()!;
    const page = await cw.agent.get(url);
    expect(page.text).toContain('Unit linked to atrocities');
    const queue = await sup.agent.get('/review');
    const order = [...queue.text.matchAll(/<a href="\/cases\/([0-9a-f-]+)">/g)].map((m) => m[1]);
    expect(order[0]).toBe(id);
    expect(queue.text).toContain('Unit linked to atrocities');
  });

  it('the supervisor asks for more information; the case goes back to the caseworker', async () => {
    const res = await decide(sup.agent, url, 'request_info', '', {
      items: ['VERIFY_UNIT_CROSS_CHECK'],
      questions: 'Ask him which company he drove for, and whether he was in Bucha town or on the highway.',
    });
    expect(res.status, res.text.slice(0, 1500)).toBe(303);
    const [row] = await t.app.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.status).toBe('verification');
    expect(row!.queuedAt).toBeNull(); // waiting for the caseworker, not the supervisor
    const page = await cw.agent.get(url);
    expect(page.text).toContain('Requests for more information');
    expect(page.text).toContain('which company he drove for');
    const home = await cw.agent.get('/');
    expect(home.text).toContain('which company he drove for');
  });

  it('the caseworker answers; the case returns to the queue', async () => {
    const page = await cw.agent.get(url);
    const requestId = /decide\/answer_request\?request=([0-9a-f-]+)/.exec(page.text)![1]!;
    const res = await decide(cw.agent, url, 'answer_request', `?request=${requestId}`, {
      answer:
        'Transport company of the 64th; he stayed at the column on the highway. Two colleagues confirm.',
    });
    expect(res.status, res.text.slice(0, 1500)).toBe(303);
    const [row] = await t.app.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.status).toBe('review');
    expect(row!.queuedAt).not.toBeNull();
  });

  it('the supervisor clears the flag with a reason; it stays visible as cleared, with who and why', async () => {
    const res = await decide(sup.agent, url, 'clear_flag', '?flag=UNIT_IMPLICATED', {
      reason:
        'Driver with the column on the highway; two verified colleagues confirm he did not enter the town.',
    });
    expect(res.status, res.text.slice(0, 1500)).toBe(303);
    const loaded = (await loadCase(t.app.db, t.app.keyRing, id))!;
    expect(loaded.parts.clearedFlags).toContain('UNIT_IMPLICATED');
    expect(loaded.row.flagIds).not.toContain('UNIT_IMPLICATED');
    const page = await sup.agent.get(url);
    expect(page.text).toMatch(
      /Cleared by supervisor \d+ on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC: Driver with the column/,
    );
  });

  it('a decision from a page loaded before the case changed gets the conflict page, keeping the typed text', async () => {
    const stale = await sup.agent.get(`${url}/decide/uphold_flag?flag=DEPLOY_ATROCITY_WINDOW`);
    await decide(cw.agent, url, 'comment', '', {
      text: 'Added his unit photo description to the documents.',
    });
    const version = /name="_version" value="(\d+)"/.exec(stale.text)![1]!;
    const res = await sup.agent
      .post(`${url}/decide/uphold_flag`)
      .type('form')
      .send({
        _csrf: csrfFrom(stale.text),
        _version: version,
        flagId: 'DEPLOY_ATROCITY_WINDOW',
        reason: 'Typed before the comment arrived',
      });
    expect(res.status).toBe(409);
    expect(res.text).toContain('The case changed since you opened this page');
    expect(res.text).toContain('Typed before the comment arrived');
  });

  it('the supervisor clears the remaining flag and approves referral to a feasible pathway', async () => {
    await decide(sup.agent, url, 'clear_flag', '?flag=DEPLOY_ATROCITY_WINDOW', {
      reason: 'Same evidence: on the highway, not in the town.',
    });
    const res = await decide(sup.agent, url, 'approve_referral', '', {
      destination: 'FR/asylum_visa',
      reason: 'Verified by two interviews, unit cross-check and court records; flags cleared on evidence.',
    });
    expect(res.status, res.text.slice(0, 1500)).toBe(303);
    const [row] = await t.app.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.status).toBe('referred');
    expect(row!.queuedAt).toBeNull();
  });

  it('every step is on the case timeline and the audit log', async () => {
    const page = await sup.agent.get(url);
    for (const text of [
      'Requested more information',
      'Answered a request for information',
      'Cleared the flag “Unit linked to atrocities, present in the window”',
      'Approved referral: France (FR) · Visa for asylum purposes',
      'Status changed from Review to Referred',
    ]) {
      expect(page.text).toContain(text);
    }
    const audit = await t.app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'case.request_info',
        'case.answer_request',
        'case.clear_flag',
        'case.approve_referral',
        'case.comment',
      ]),
    );
  });

  it('the same supervisor is refused when deciding a case they entered', async () => {
    const own = await enterCaseThroughForms(sup.agent, fixture('bucha-unit'), { assignee: true });
    const page = await sup.agent.get(own);
    expect(page.text).toContain('decisions on it must be taken by another supervisor');
    expect(page.text).not.toContain('/decide/clear_flag');
    expect((await sup.agent.get(`${own}/decide/clear_flag?flag=UNIT_IMPLICATED`)).status).toBe(403);
    const version = (
      await t.app.db
        .select({ v: cases.version })
        .from(cases)
        .where(eq(cases.id, own.split('/').pop()!))
    )[0]!.v;
    const res = await sup.agent
      .post(`${own}/decide/clear_flag`)
      .type('form')
      .send({
        _csrf: sup.csrf,
        _version: String(version),
        flagId: 'UNIT_IMPLICATED',
        reason: 'Trying to decide my own case',
      });
    expect(res.status).toBe(403);
    expect(res.text).toContain('four-eyes');
    const [row] = await t.app.db
      .select()
      .from(cases)
      .where(eq(cases.id, own.split('/').pop()!));
    expect(row!.flagIds).toContain('UNIT_IMPLICATED');
  });

  it('comments and reasons are encrypted at rest', async () => {
    const raw = await t.app.database.rows(sql`select * from case_events`);
    const dump = JSON.stringify(raw);
    expect(dump).toContain('flag_cleared');
    for (const typed of ['which company he drove for', 'two verified colleagues', 'unit photo description']) {
      expect(dump).not.toContain(typed);
    }
  });
});
