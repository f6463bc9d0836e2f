// Issue 14, item 1: a decision is bound to the case it was made on. A change to a referred, declined or
// closed case withdraws the decision in the same save: the case is back in the queue, with what changed shown
// side by side; the timeline says why; the summary is a DRAFT again; "urgent" counts it; and a supervisor can
// confirm the decision again in one step only while the assessment is the one it was made on.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseDecisions, cases } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { toFormValues } from '../../server/cases/forms/engine';
import { scalarForms } from '../../server/cases/forms/specs';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { submitForm } from '../helpers/case-forms';
import { decideThroughPage } from '../helpers/decide';
import { fixture } from '../helpers/fixtures';

type Who = { agent: Agent; csrf: string };
let t: TestApp;
let cw: Who;
let sup: Who;
let sup2: Who;
beforeAll(async () => {
  t = await testApp();
  cw = await signIn(t.app, await addUser(t.app, 'caseworker'));
  sup = await signIn(t.app, await addUser(t.app, 'supervisor'));
  sup2 = await signIn(t.app, await addUser(t.app, 'supervisor'));
});
afterAll(() => t.close());

async function importCase(file: CaseFile): Promise<string> {
  const { reference: _r, ...rest } = file;
  const res = await cw.agent
    .post('/cases/import')
    .set('x-csrf-token', cw.csrf)
    .set('content-type', 'application/json')
    .send(JSON.stringify(rest));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.headers.location as string;
}

async function decide(who: Who, url: string, action: string, query: string, fields: Record<string, string>) {
  const res = await decideThroughPage(who.agent, url, action, query, fields);
  expect(res.status, res.text.slice(0, 1500)).toBe(303);
}

/** Saves a scalar form with the values it holds, changed as given. */
async function edit(url: string, form: 'screening' | 'person', change: Record<string, unknown>) {
  const id = url.split('/').pop()!;
  const page = await cw.agent.get(`${url}/edit/${form}`);
  expect(page.status).toBe(200);
  const current = (await caseParts(id))[form] as Record<string, unknown>;
  const values = toFormValues(scalarForms[form].spec, { ...current, ...change });
  const res = await submitForm(cw.agent, `${url}/edit/${form}`, values);
  expect(res.status, res.text.slice(0, 1500)).toBe(303);
}

async function caseParts(id: string) {
  const { loadCase } = await import('../../server/cases/repository');
  return (await loadCase(t.app.db, t.app.keyRing, id))!.parts;
}
const rowOf = async (url: string) =>
  (
    await t.app.db
      .select()
      .from(cases)
      .where(eq(cases.id, url.split('/').pop()!))
  )[0]!;
const urgentCount = async () => {
  const home = await sup.agent.get('/');
  return Number(/Urgent \(critical risk or protection needed\)<\/dt><dd>(\d+)</.exec(home.text)![1]);
};
const summary = async (url: string) => (await sup.agent.get(`${url}/summary?profile=partner`)).text;

/** evader-in-germany: referable to Germany without any flag to clear. */
async function referredCase(): Promise<string> {
  const url = await importCase(fixture('evader-in-germany'));
  await decide(cw, url, 'send_for_review', '', {});
  await decide(sup, url, 'approve_referral', '', {
    destination: 'DE/asylum_in_country',
    reason: 'Verified evader; asylum in Germany where he is.',
  });
  expect((await rowOf(url)).status).toBe('referred');
  return url;
}

describe('an approval and a later edit (the issue, step by step)', () => {
  let url: string;
  it('before: a referred case is out of the queue and its summary is approved', async () => {
    url = await referredCase();
    const row = await rowOf(url);
    expect(row.queuedAt).toBeNull();
    const text = await summary(url);
    expect(text).toContain('Approved for referral by');
    expect(text).not.toContain('DRAFT');
  });

  it('"admits participation: yes" withdraws the approval in the same save', async () => {
    const urgentBefore = await urgentCount();
    await edit(url, 'screening', { admitsParticipation: true });
    const row = await rowOf(url);
    expect(row.status).toBe('review');
    expect(row.riskLevel).toBe('critical');
    expect(row.queuedAt).not.toBeNull();
    const queue = await sup.agent.get('/review');
    expect(queue.text).toContain(url);
    expect(await urgentCount()).toBe(urgentBefore + 1);
    const [decision] = await t.app.db
      .select()
      .from(caseDecisions)
      .where(and(eq(caseDecisions.caseId, row.id), eq(caseDecisions.action, 'approve_referral')));
    expect(decision).toMatchObject({ endedReason: 'case_changed' });
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(audit.map((a) => a.action)).toContain('case.decision_withdrawn');
  });

  it('the summary prints DRAFT and names no approver until re-approved', async () => {
    const text = await summary(url);
    expect(text).toContain('DRAFT');
    expect(text).not.toContain('Approved for referral by');
  });

  it('the timeline says why, and the supervisor sees the change side by side', async () => {
    const page = await sup.agent.get(url);
    expect(page.text).toMatch(
      /Approval for referral of \d{1,2} \w{3} \d{4} withdrawn: the case changed after it \(Screening\)/,
    );
    expect(page.text).toContain('Changed since the decision');
    const block = page.text.slice(page.text.indexOf('Changed since the decision'));
    expect(block).toMatch(
      /<th scope="row">[^<]*participation[^<]*<\/th><td class="before"><del>No<\/del><\/td><td class="after"><ins>Yes<\/ins>/i,
    );
    expect(block).toMatch(
      /Risk level<\/th><td class="before"><del>[^<]+<\/del><\/td><td class="after"><ins>Critical/,
    );
    expect(block).toContain('The change alters the assessment: decide again.');
    expect(block).not.toContain('/reaffirm');
  });

  it('a change that alters the assessment cannot be re-approved in one step', async () => {
    const page = await sup.agent.get(`${url}/reaffirm`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('cannot be confirmed in one step');
    expect(page.text).not.toContain('name="note"');
    const version = String((await rowOf(url)).version);
    const res = await sup.agent
      .post(`${url}/reaffirm`)
      .type('form')
      .send({ _csrf: sup.csrf, _version: version });
    expect(res.status).toBe(409);
    expect((await rowOf(url)).status).toBe('review');
  });
});

describe('a change that does not alter the assessment', () => {
  let url: string;
  it('still withdraws the approval; the supervisor may re-approve in one step', async () => {
    url = await referredCase();
    await edit(url, 'person', { fullName: 'Another transliteration' });
    expect((await rowOf(url)).status).toBe('review');
    const page = await sup.agent.get(url);
    expect(page.text).toContain('The change does not alter the assessment');
    expect(page.text).toContain(`href="${url}/reaffirm"`);
    const form = await sup.agent.get(`${url}/reaffirm`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Another transliteration');
    const version = /name="_version" value="(\d+)"/.exec(form.text)![1]!;
    const res = await sup.agent
      .post(`${url}/reaffirm`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), _version: version, note: 'Spelling only.' });
    expect(res.status, res.text.slice(0, 800)).toBe(303);
    const row = await rowOf(url);
    expect(row.status).toBe('referred');
    expect(row.queuedAt).toBeNull();
    expect(await summary(url)).toContain('Approved for referral by');
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(audit.filter((a) => a.action === 'case.approve_referral').at(-1)!.detail).toMatchObject({
      country: 'DE',
      pathway: 'asylum_in_country',
      reaffirms: expect.any(String),
    });
  });

  it('a save that changes nothing withdraws nothing', async () => {
    const before = await rowOf(url);
    await edit(url, 'person', {});
    expect((await rowOf(url)).status).toBe('referred');
    expect(before.status).toBe('referred');
  });

  it('only a reviewer may re-approve: the caseworker is refused, and the page offers nothing twice', async () => {
    await edit(url, 'person', { fullName: 'Third spelling' });
    expect((await cw.agent.get(`${url}/reaffirm`)).status).toBe(403);
    const version = String((await rowOf(url)).version);
    const res = await cw.agent
      .post(`${url}/reaffirm`)
      .type('form')
      .send({ _csrf: cw.csrf, _version: version });
    expect(res.status).toBe(403);
    expect((await rowOf(url)).status).toBe('review');
    // A stale page (the case changed again since) is refused with the current state shown.
    const form = await sup2.agent.get(`${url}/reaffirm`);
    const stale = /name="_version" value="(\d+)"/.exec(form.text)![1]!;
    await edit(url, 'person', { fullName: 'Fourth spelling' });
    const late = await sup2.agent
      .post(`${url}/reaffirm`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), _version: stale });
    expect(late.status).toBe(409);
    expect(late.text).toContain('The case changed since you opened this page');
  });

  it('a re-approval sent twice (double click) is recorded once; the repeat goes where the first went', async () => {
    const twice = await referredCase();
    await edit(twice, 'person', { fullName: 'Double-clicked spelling' });
    const form = await sup.agent.get(`${twice}/reaffirm`);
    const once = /name="_once" value="([^"]+)"/.exec(form.text)?.[1];
    expect(once).toBeTruthy();
    const body = {
      _csrf: csrfFrom(form.text),
      _once: once!,
      _version: /name="_version" value="(\d+)"/.exec(form.text)![1]!,
      note: 'Spelling only.',
    };
    const first = await sup.agent.post(`${twice}/reaffirm`).type('form').send(body);
    const second = await sup.agent.post(`${twice}/reaffirm`).type('form').send(body);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.location).toContain('resubmitted=1');
    const row = await rowOf(twice);
    expect(row.status).toBe('referred');
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(audit.filter((a) => a.action === 'case.approve_referral' && a.detail?.reaffirms)).toHaveLength(1);
  });
});

describe('every other decision is bound too', () => {
  it('a declined case that changes returns to the queue; the decline can be confirmed again', async () => {
    const url = await importCase(fixture('evader-in-germany'));
    await decide(cw, url, 'send_for_review', '', {});
    await decide(sup, url, 'decline_referral', '', { reason: 'Local legal aid first.' });
    expect((await rowOf(url)).status).toBe('verification');
    await edit(url, 'person', { fullName: 'Changed after decline' });
    const row = await rowOf(url);
    expect(row.status).toBe('review');
    expect(row.queuedAt).not.toBeNull();
    const page = await sup.agent.get(url);
    expect(page.text).toMatch(/Decline of referral of \d{1,2} \w{3} \d{4} withdrawn/);
    const form = await sup.agent.get(`${url}/reaffirm`);
    expect(form.status).toBe(200);
    const res = await sup.agent
      .post(`${url}/reaffirm`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), _version: /name="_version" value="(\d+)"/.exec(form.text)![1]! });
    expect(res.status).toBe(303);
    expect((await rowOf(url)).status).toBe('verification');
  });

  it('a closed case that changes returns to the queue with the closure withdrawn', async () => {
    const url = await importCase(fixture('evader-in-germany'));
    await decide(sup, url, 'close', '', { reason: 'He stopped answering.' });
    expect((await rowOf(url)).status).toBe('closed');
    await edit(url, 'screening', { witnessedAbuses: true });
    const row = await rowOf(url);
    expect(row.status).toBe('review');
    expect(row.queuedAt).not.toBeNull();
    expect((await sup.agent.get(url)).text).toMatch(/Closure of \d{1,2} \w{3} \d{4} withdrawn/);
  });

  it('a request for information is not withdrawn by the edits it asked for; the supervisor sees them', async () => {
    const url = await importCase(fixture('evader-in-germany'));
    await decide(cw, url, 'send_for_review', '', {});
    await decide(sup, url, 'request_info', '', { questions: 'Has he admitted anything?' });
    await edit(url, 'screening', { witnessedAbuses: true });
    expect((await rowOf(url)).status).toBe('verification');
    const page = await cw.agent.get(url);
    const requestId = /decide\/answer_request\?request=([0-9a-f-]+)/.exec(page.text)![1]!;
    await decide(cw, url, 'answer_request', `?request=${requestId}`, { answer: 'He saw abuses; recorded.' });
    expect((await rowOf(url)).status).toBe('review');
    const back = await sup.agent.get(url);
    expect(back.text).not.toContain('withdrawn');
    expect(back.text).toMatch(
      /Request for information by [^<]+ on \d{1,2} \w{3} \d{4}: what changed in the case since/,
    );
    expect(back.text).toMatch(/<del>No<\/del><\/td><td class="after"><ins>Yes<\/ins>/);
  });

  it('every decision records the case version and the digest of the assessment it was made on', async () => {
    const rows = await t.app.db.select().from(caseDecisions);
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r.caseVersion).toBeGreaterThan(0);
      expect(r.assessmentDigest).toMatch(/^[0-9a-f]{64}$/);
      // The case as decided on is kept encrypted: the pseudonym appears nowhere in the clear.
      expect(r.snapshotEnc).not.toContain('Changed after decline');
    }
  });
});
