// A case created by mistake: its caseworker withdraws it while it is in intake (after a confirmation page); it
// is kept and audited, leaves every list, the home page and search, and cannot be changed; a supervisor finds it
// by the list's status filter and restores it. Nobody else may do either.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { formBody } from '../helpers/case-forms';

let t: TestApp;
let holder: { agent: Agent; csrf: string };
let other: { agent: Agent; csrf: string };
let supervisor: { agent: Agent; csrf: string };
let admin: { agent: Agent; csrf: string };
let caseId: string;
const pseudonym = 'Heron made by mistake';

beforeAll(async () => {
  t = await testApp();
  holder = await signIn(t.app, await addUser(t.app, 'caseworker'));
  other = await signIn(t.app, await addUser(t.app, 'caseworker'));
  supervisor = await signIn(t.app, await addUser(t.app, 'supervisor'));
  admin = await signIn(t.app, await addUser(t.app, 'admin'));
  const page = await holder.agent.get('/cases/new');
  const res = await holder.agent
    .post('/cases')
    .type('form')
    .send(formBody({ pseudonym, citizenships: ['RU', '', ''] }, { _csrf: csrfFrom(page.text) }));
  expect(res.status).toBe(303);
  caseId = res.headers.location!.split('/').pop()!;
});
afterAll(() => t.close());

const status = async () =>
  (await t.app.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;

/** Opens the decision's confirmation page and confirms it with a reason; the page's answer and the POST's. */
async function decide(who: { agent: Agent }, action: 'withdraw' | 'restore') {
  const page = await who.agent.get(`/cases/${caseId}/decide/${action}`);
  if (page.status !== 200) return { page: page.status, post: page.status };
  const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
  const post = await who.agent
    .post(`/cases/${caseId}/decide/${action}`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), _version: version, reason: 'Entered twice by mistake' });
  return { page: page.status, post: post.status };
}

/** A POST straight to the decision, as a crafted request would be (no page first). */
async function post(who: { agent: Agent; csrf: string }, action: string) {
  const [row] = await t.app.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  return (
    await who.agent
      .post(`/cases/${caseId}/decide/${action}`)
      .type('form')
      .send({
        _csrf: who.csrf,
        _version: String(row!.version),
        ...(action === 'comment' ? { text: 'Crafted' } : { reason: 'Crafted' }),
      })
  ).status;
}

const listed = async (who: { agent: Agent }, url: string) =>
  (await who.agent.get(url)).text.includes(pseudonym);

describe('withdrawing', () => {
  it('is refused to another caseworker (404), a supervisor and an admin (403)', async () => {
    expect(await post(other, 'withdraw')).toBe(404);
    expect(await post(supervisor, 'withdraw')).toBe(403);
    expect(await post(admin, 'withdraw')).toBe(403);
    expect(await status()).toBe('intake');
  });

  it('the case page offers it to its caseworker, behind a confirmation page', async () => {
    const page = await holder.agent.get(`/cases/${caseId}`);
    expect(page.text).toContain(`href="/cases/${caseId}/decide/withdraw"`);
    expect(await listed(holder, '/cases')).toBe(true);
    const res = await decide(holder, 'withdraw');
    expect(res).toEqual({ page: 200, post: 303 });
    expect(await status()).toBe('withdrawn');
    const [entry] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, caseId), eq(auditLog.action, 'case.withdraw')))
      .orderBy(desc(auditLog.at));
    expect(entry?.detail).toMatchObject({ from: 'intake', to: 'withdrawn' });
  });

  it('the withdrawn case is in no list, search or home page; its page says it is withdrawn', async () => {
    for (const url of ['/cases', `/cases?q=${encodeURIComponent('Heron made')}`, '/']) {
      expect(await listed(holder, url), url).toBe(false);
      expect(await listed(supervisor, url), url).toBe(false);
    }
    expect(await listed(supervisor, '/review')).toBe(false);
    // The caseworker cannot list withdrawn cases even by asking for them.
    expect(await listed(holder, '/cases?status=withdrawn')).toBe(false);
    const page = await holder.agent.get(`/cases/${caseId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('was withdrawn');
    expect((await other.agent.get(`/cases/${caseId}`)).status).toBe(404);
  });

  it('cannot be changed while withdrawn', async () => {
    const form = await holder.agent.get(`/cases/${caseId}/edit/person`);
    const version = /name="_version" value="(\d+)"/.exec(form.text)?.[1] ?? '1';
    const res = await holder.agent
      .post(`/cases/${caseId}/edit/person`)
      .type('form')
      .send({ _csrf: holder.csrf, _version: version, pseudonym: 'Changed' });
    expect(res.status).toBe(409);
    expect(await post(holder, 'comment')).toBe(403);
    expect(await post(holder, 'withdraw')).toBe(403);
  });
});

describe('restoring', () => {
  it('is refused to the caseworker, another caseworker and an admin', async () => {
    expect(await post(holder, 'restore')).toBe(403);
    expect(await post(other, 'restore')).toBe(404);
    expect(await post(admin, 'restore')).toBe(403);
    expect(await status()).toBe('withdrawn');
  });

  it('a supervisor finds it by the status filter and restores it, on the record; it is listed again', async () => {
    expect(await listed(supervisor, '/cases?status=withdrawn')).toBe(true);
    expect(await decide(supervisor, 'restore')).toEqual({ page: 200, post: 303 });
    expect(await status()).toBe('intake');
    const [entry] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, caseId), eq(auditLog.action, 'case.restore')));
    expect(entry?.detail).toMatchObject({ from: 'withdrawn', to: 'intake' });
    expect(await listed(holder, '/cases')).toBe(true);
  });

  it('after intake the caseworker can no longer withdraw it', async () => {
    const page = await holder.agent.get(`/cases/${caseId}/decide/start_verification`);
    const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
    await holder.agent
      .post(`/cases/${caseId}/decide/start_verification`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), _version: version });
    expect(await status()).toBe('verification');
    expect(await post(holder, 'withdraw')).toBe(403);
    expect(await status()).toBe('verification');
  });
});
