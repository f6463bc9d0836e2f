// Every creating form is processed once per form instance: a double click, a reload, back-and-send-again or two
// racing requests carrying the same form's token make one thing, and the repeat is sent where the first went.
// A first attempt refused for a field to correct releases the token, so the corrected form goes through.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDocuments, caseEvents, cases, formSubmissions, users } from '../../db/schema';
import { listForms } from '../../server/cases/forms/specs';
import { disassemble } from '../../server/cases/parts';
import { importCase } from '../../server/cases/repository';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { formBody } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cw: { agent: Agent; csrf: string };
let caseworkerId: string;
let cwEmail: string;
let cwPassword: string;

beforeAll(async () => {
  t = await testApp();
  const caseworker = await addUser(t.app, 'caseworker');
  caseworkerId = caseworker.id;
  cwEmail = caseworker.email;
  cwPassword = caseworker.password;
  cw = await signIn(t.app, caseworker);
});
afterAll(() => t.close());

/** The form's tokens, as the page that shows it carries them. */
async function tokens(agent: Agent, url: string) {
  const page = await agent.get(url);
  expect(page.status, url).toBe(200);
  const main = page.text.slice(page.text.indexOf('<main'));
  const once = /name="_once" value="([^"]+)"/.exec(main)?.[1];
  expect(once, `${url} has a one-time token`).toBeTruthy();
  return {
    _csrf: csrfFrom(page.text),
    _once: once!,
    _version: /name="_version" value="(\d+)"/.exec(page.text)?.[1],
  };
}

const casesNamed = async (pseudonym: string) =>
  (await t.app.db.select({ n: count() }).from(cases).where(eq(cases.pseudonym, pseudonym)))[0]!.n;

const newCase = (pseudonym: string) => ({ pseudonym, citizenships: ['RU', '', ''] });

describe('new case', () => {
  it('sent twice (double click, reload): one case, and the repeat goes to it with a notice', async () => {
    const form = await tokens(cw.agent, '/cases/new');
    const body = formBody(newCase('Crane by the river'), { _csrf: form._csrf, _once: form._once });
    const first = await cw.agent.post('/cases').type('form').send(body);
    expect(first.status).toBe(303);
    const second = await cw.agent.post('/cases').type('form').send(body);
    expect(second.status).toBe(303);
    expect(second.headers.location).toBe(`${first.headers.location}?resubmitted=1`);
    expect(await casesNamed('Crane by the river')).toBe(1);
    const page = await cw.agent.get(String(second.headers.location));
    expect(page.text).toContain('already been sent');
  });

  it('two racing submissions of one form make one case', async () => {
    const form = await tokens(cw.agent, '/cases/new');
    const body = formBody(newCase('Stork at the crossing'), { _csrf: form._csrf, _once: form._once });
    const both = await Promise.all([
      cw.agent.post('/cases').type('form').send(body),
      cw.agent.post('/cases').type('form').send(body),
    ]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    expect(await casesNamed('Stork at the crossing')).toBe(1);
    const targets = both.map((r) => r.headers.location!.replace('?resubmitted=1', ''));
    expect(targets[0]).toBe(targets[1]);
  });

  it('a refused first attempt releases the token: the corrected form is created, once', async () => {
    const form = await tokens(cw.agent, '/cases/new');
    const extra = { _csrf: form._csrf, _once: form._once };
    const refused = await cw.agent
      .post('/cases')
      .type('form')
      .send(formBody({ pseudonym: '', citizenships: ['RU', '', ''] }, extra));
    expect(refused.status).toBe(400);
    const corrected = formBody(newCase('Lapwing on the steppe'), extra);
    expect((await cw.agent.post('/cases').type('form').send(corrected)).status).toBe(303);
    expect((await cw.agent.post('/cases').type('form').send(corrected)).status).toBe(303);
    expect(await casesNamed('Lapwing on the steppe')).toBe(1);
  });

  it("a token is bound to the session that was shown the form: another user's token is no key to it", async () => {
    const form = await tokens(cw.agent, '/cases/new');
    const body = formBody(newCase('Plover in the hills'), { _csrf: form._csrf, _once: form._once });
    expect((await cw.agent.post('/cases').type('form').send(body)).status).toBe(303);
    const other = await signIn(t.app, await addUser(t.app, 'caseworker'));
    const replay = await other.agent
      .post('/cases')
      .type('form')
      .send(formBody(newCase('Plover in the hills'), { _csrf: other.csrf, _once: form._once }));
    // Processed as a form of its own (the token proves nothing for this session), never sent to the first case.
    expect(replay.status).toBe(303);
    expect(replay.headers.location).not.toContain('resubmitted');
    expect(await casesNamed('Plover in the hills')).toBe(2);
  });
});

describe('the other creating forms', () => {
  let caseId: string;
  beforeAll(async () => {
    ({ id: caseId } = await importCase(t.app.db, t.app.keyRing, fixture('anton'), {
      assignedTo: caseworkerId,
      actorId: caseworkerId,
      now: t.clock.now,
    }));
  });

  it('a list entry added twice is added once', async () => {
    const [doc] = listForms.documents.read(disassemble(fixture('anton')));
    const { toFormValues } = await import('../../server/cases/forms/engine');
    const values = toFormValues(listForms.documents.spec, doc as never);
    const docs = async () =>
      (await t.app.db.select({ n: count() }).from(caseDocuments).where(eq(caseDocuments.caseId, caseId)))[0]!
        .n;
    const before = await docs();
    const form = await tokens(cw.agent, `/cases/${caseId}/lists/documents/new`);
    const body = formBody(values, { _csrf: form._csrf, _once: form._once, _version: form._version ?? '' });
    const both = await Promise.all([
      cw.agent.post(`/cases/${caseId}/lists/documents`).type('form').send(body),
      cw.agent.post(`/cases/${caseId}/lists/documents`).type('form').send(body),
    ]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    const again = await cw.agent.post(`/cases/${caseId}/lists/documents`).type('form').send(body);
    expect(again.status).toBe(303);
    expect(await docs()).toBe(before + 1);
  });

  it('a comment sent twice is on the timeline once', async () => {
    const form = await tokens(cw.agent, `/cases/${caseId}`);
    const body = formBody(
      { text: 'Called him back at noon' },
      { _csrf: form._csrf, _once: form._once, _version: form._version ?? '' },
    );
    const first = await cw.agent.post(`/cases/${caseId}/decide/comment`).type('form').send(body);
    expect(first.status).toBe(303);
    const second = await cw.agent.post(`/cases/${caseId}/decide/comment`).type('form').send(body);
    expect(second.status).toBe(303);
    expect(second.headers.location).toContain('resubmitted=1');
    const comments = await t.app.db
      .select({ n: count() })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'comment')));
    expect(comments[0]!.n).toBe(1);
  });

  it('a case file imported twice from one form makes one case', async () => {
    const file = Buffer.from(JSON.stringify({ ...fixture('sparrow') }));
    const form = await tokens(cw.agent, '/cases');
    const send = () =>
      cw.agent
        .post('/cases/import')
        .field('_csrf', form._csrf)
        .field('_once', form._once)
        .attach('file', file, 'sparrow.json');
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect([a.status, b.status, c.status]).toEqual([303, 303, 303]);
    const pseudonym = fixture('sparrow').person.pseudonym;
    expect(await casesNamed(pseudonym)).toBe(1);
  });

  it('an account created twice from one form is created once; the repeat shows the account', async () => {
    const admin = await signIn(t.app, await addUser(t.app, 'admin'));
    const form = await tokens(admin.agent, '/admin/users/new');
    const body = {
      _csrf: form._csrf,
      _once: form._once,
      displayName: 'Nadia Twice',
      email: 'nadia.twice@example.org',
      role: 'caseworker',
    };
    const first = await admin.agent.post('/admin/users').type('form').send(body);
    expect(first.status, first.text.slice(0, 500)).toBe(201);
    const second = await admin.agent.post('/admin/users').type('form').send(body);
    expect(second.status).toBe(303);
    const [user] = await t.app.db.select().from(users).where(eq(users.email, 'nadia.twice@example.org'));
    expect(second.headers.location).toBe(`/admin/users/${user!.id}?resubmitted=1`);
    // A one-time link issued twice from one page is issued once: the first link still works.
    const resetForm = await tokens(admin.agent, `/admin/users/${user!.id}`);
    const reset = { _csrf: resetForm._csrf, _once: resetForm._once };
    expect((await admin.agent.post(`/admin/users/${user!.id}/reset`).type('form').send(reset)).status).toBe(
      200,
    );
    const repeat = await admin.agent.post(`/admin/users/${user!.id}/reset`).type('form').send(reset);
    expect(repeat.status).toBe(303);
    expect(repeat.headers.location).toBe(`/admin/users/${user!.id}?resubmitted=1`);
  });
});

describe('expiry', () => {
  it('expired records are removed as new forms are claimed', async () => {
    const before = (await t.app.db.select({ n: count() }).from(formSubmissions))[0]!.n;
    expect(before).toBeGreaterThan(0);
    t.clock.advance(3 * 24 * 60 * 60_000);
    // Sessions end sooner than records do: sign in again.
    const again = await signIn(t.app, { email: cwEmail, password: cwPassword });
    const form = await tokens(again.agent, '/cases/new');
    await again.agent
      .post('/cases')
      .type('form')
      .send(formBody(newCase('Swift over the pass'), { _csrf: form._csrf, _once: form._once }));
    expect((await t.app.db.select({ n: count() }).from(formSubmissions))[0]!.n).toBe(1);
  });
});
