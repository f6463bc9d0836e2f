// Import (upload from the case list, or JSON to /cases/import) and export (/cases/:id/export.json): who may,
// what is refused and how, what is audited, and that a case file comes back exactly as it went in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { createCase, loadCase } from '../../server/cases/repository';
import { translator } from '../../server/i18n';
import { translateProblem } from '../../server/routes/case-transfer';
import { type Agent, addUser, anonymous, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture, validFixtures } from '../helpers/fixtures';

let t: TestApp;
let cwA: TestUser;
let cwB: TestUser;
let sup: TestUser;
let a: { agent: Agent; csrf: string };
let b: { agent: Agent; csrf: string };
let s: { agent: Agent; csrf: string };
const logLines: string[] = [];

const invalidFile = readFileSync(join(import.meta.dirname, '../fixtures/invalid-dates.case.json'));
const json = (file: unknown) => Buffer.from(JSON.stringify(file));
const caseCount = async () => (await t.app.db.select({ n: count() }).from(cases))[0]!.n;
const auditCount = async (action: string, targetId?: string) =>
  (
    await t.app.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), targetId ? eq(auditLog.targetId, targetId) : undefined))
  )[0]!.n;

/** Uploads through the case list's form, as a browser would send it. */
const upload = (who: { agent: Agent; csrf: string }, content: Buffer, filename = 'case.json') =>
  who.agent
    .post('/cases/import')
    .field('_csrf', who.csrf)
    .attach('file', content, { filename, contentType: 'application/json' });

/** Posts a case file to the JSON API with the session cookie and the token header. */
const post = (who: { agent: Agent; csrf: string }, body: unknown) =>
  who.agent
    .post('/cases/import')
    .set('x-csrf-token', who.csrf)
    .set('content-type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));

const idFrom = (location: string | undefined) => String(location).replace('/cases/', '');

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await testApp({ env: { NODE_ENV: 'development', LOG_LEVEL: 'info' }, logStream });
  cwA = await addUser(t.app, 'caseworker');
  cwB = await addUser(t.app, 'caseworker');
  sup = await addUser(t.app, 'supervisor');
  a = await signIn(t.app, cwA);
  b = await signIn(t.app, cwB);
  s = await signIn(t.app, sup);
});
afterAll(() => t.close());
beforeEach(() => {
  logLines.length = 0;
});

describe('import by upload from the case list', () => {
  it('imports a case file, assigns it to the importer, audits it and goes to the new case', async () => {
    const file = fixture('anton');
    const before = await caseCount();
    const res = await upload(a, json(file), 'anton.case.json');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const id = idFrom(res.headers.location);
    expect(await caseCount()).toBe(before + 1);
    const loaded = await loadCase(t.app.db, t.app.keyRing, id);
    expect(loaded!.row.assignedTo).toBe(cwA.id);
    expect(loaded!.row.createdBy).toBe(cwA.id);
    expect(loaded!.row.pseudonym).toBe(file.person.pseudonym);
    expect(await auditCount('case.imported', id)).toBe(1);
    // The new case is in the importer's list, and nobody else's.
    expect((await a.agent.get('/cases')).text).toContain(`/cases/${id}`);
    expect((await b.agent.get('/cases')).text).not.toContain(`/cases/${id}`);
  });

  it('assigns a case imported by a supervisor to the supervisor', async () => {
    const res = await upload(s, json(fixture('sparrow')));
    expect(res.status).toBe(303);
    const loaded = await loadCase(t.app.db, t.app.keyRing, idFrom(res.headers.location));
    expect(loaded!.row.assignedTo).toBe(sup.id);
  });

  it('refuses an invalid file with every problem told as the forms would, at the top, and saves nothing', async () => {
    const before = await caseCount();
    const audits = await auditCount('case.imported');
    const res = await upload(a, invalidFile, 'invalid-dates.case.json');
    expect(res.status).toBe(400);
    expect(res.text).toContain('This file was not imported. Nothing was saved.');
    // Section, form and entry, field label, problem; in the case page's order; never the file's paths.
    const summary = res.text.slice(
      res.text.indexOf('id="import-errors"'),
      res.text.indexOf('<form class="import-form"'),
    );
    expect(summary).toMatch(
      /<h2 class="import-section">Service and deployments<\/h2>\s*<ul class="import-problems">\s*<li><strong>Deployments in the war zone, entry 2 · From<\/strong>: invalid date<\/li>\s*<li><strong>Deployments in the war zone, entry 2 · a field the forms do not have: “unitName”<\/strong>: unknown field<\/li>/,
    );
    expect(summary).toMatch(
      /Route and current stay<\/h2>[\s\S]*Current stay · Country<\/strong>: invalid country code/,
    );
    expect(summary.indexOf('Service and deployments')).toBeLessThan(
      summary.indexOf('Route and current stay'),
    );
    expect(res.text).not.toMatch(/deployments\[1\]|currentStay\.country/);
    expect(res.text).toContain('<h1>Import a case file</h1>'); // its own page: the problems above the form
    expect(res.text.indexOf('import-errors')).toBeLessThan(res.text.indexOf('<form class="import-form"'));
    expect(res.text).toContain('aria-invalid="true" aria-describedby="import-errors"');
    expect(await caseCount()).toBe(before);
    expect(await auditCount('case.imported')).toBe(audits);
  });

  it('explains the problems in Russian to a Russian reader', async () => {
    const ru = await signIn(t.app, cwB);
    await ru.agent.post('/language').type('form').send({ _csrf: ru.csrf, locale: 'ru', next: '/cases' });
    const res = await upload(ru, invalidFile);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Файл не импортирован. Ничего не сохранено.');
    expect(res.text).toContain(
      '<li><strong>Командировки в зону боевых действий, запись 2 · С</strong>: неверная дата</li>',
    );
    expect(res.text).toContain('поле, которого нет в формах: «unitName»</strong>: неизвестное поле');
  });

  it.each([
    ['text that is not JSON', Buffer.from('pseudonym: Sparrow'), 'This file is not JSON text.'],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'This file is not UTF-8 text.'],
    ['an empty file', Buffer.alloc(0), 'Choose a case file to import.'],
    ['JSON that is not a case file', json([1, 2]), 'Correct these fields in the file'],
  ])('refuses %s', async (_what, content, message) => {
    const before = await caseCount();
    const res = await upload(a, content);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect(await caseCount()).toBe(before);
  });

  it('refuses a form sent without a file', async () => {
    const res = await a.agent.post('/cases/import').field('_csrf', a.csrf);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Choose a case file to import.');
    const urlencoded = await a.agent.post('/cases/import').type('form').send({ _csrf: a.csrf });
    expect(urlencoded.status).toBe(400);
    expect(urlencoded.text).toContain('Choose a case file to import.');
  });

  it('refuses a file over 1 MB and more than one file, beside the import form', async () => {
    const before = await caseCount();
    const big = await upload(a, Buffer.alloc(1024 * 1024 + 10, 0x20));
    expect(big.status).toBe(413);
    expect(big.text).toContain('This file is larger than 1 MB');
    expect(big.text).toContain('<h1>Import a case file</h1>');
    const two = await a.agent
      .post('/cases/import')
      .field('_csrf', a.csrf)
      .attach('file', json(fixture('anton')), 'one.json')
      .attach('other', json(fixture('anton')), 'two.json');
    expect([400, 413]).toContain(two.status);
    expect(two.text).toContain('Send one case file at a time.');
    expect(await caseCount()).toBe(before);
  });

  it('needs the form token as a field: without it, or with another session’s, nothing is imported', async () => {
    const before = await caseCount();
    const none = await a.agent.post('/cases/import').attach('file', json(fixture('anton')), 'a.json');
    expect(none.status).toBe(403);
    const wrong = await a.agent
      .post('/cases/import')
      .field('_csrf', b.csrf)
      .attach('file', json(fixture('anton')), 'a.json');
    expect(wrong.status).toBe(403);
    // The refusal page offers to send the form again, without the file's contents.
    expect(wrong.text).not.toContain(fixture('anton').person.pseudonym);
    const crossSite = await a.agent
      .post('/cases/import')
      .set('origin', 'https://evil.example')
      .field('_csrf', a.csrf)
      .attach('file', json(fixture('anton')), 'a.json');
    expect(crossSite.status).toBe(403);
    expect(await caseCount()).toBe(before);
  });

  it('asks a signed-out visitor to sign in and imports nothing', async () => {
    const before = await caseCount();
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/cases/import')
      .field('_csrf', csrf)
      .attach('file', json(fixture('anton')), 'a.json');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(fixture('anton').person.pseudonym);
    const big = await agent
      .post('/cases/import')
      .field('_csrf', csrf)
      .attach('file', Buffer.alloc(1024 * 1024 + 10, 0x20), 'a.json');
    expect(big.status).toBe(413);
    expect(big.text).not.toContain('<h1>Import a case file</h1>'); // the plain error page
    expect(await caseCount()).toBe(before);
  });
});

describe('import through the JSON API', () => {
  it('answers 201 with the new case in Location', async () => {
    const res = await post(a, fixture('anton'));
    expect(res.status).toBe(201);
    expect(res.headers.location).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(res.body).toEqual({
      id: idFrom(res.headers.location),
      reference: expect.stringMatching(/^WP-\d{4}-\d{4}$/),
      url: res.headers.location,
    });
    expect(await auditCount('case.imported', res.body.id)).toBe(1);
  });

  it('refuses an invalid file with every bad path, as JSON, and saves nothing', async () => {
    const before = await caseCount();
    const res = await post(a, JSON.parse(invalidFile.toString('utf8')));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'deployments[1].from', message: 'invalid date' },
        { path: 'deployments[1].unitName', message: 'unknown field' },
        { path: 'currentStay.country', message: expect.stringContaining('invalid country code') },
      ]),
    );
    expect(await caseCount()).toBe(before);
  });

  it('lists several problems at once', async () => {
    const file = fixture('anton') as unknown as Record<string, unknown>;
    delete (file.person as Record<string, unknown>).pseudonym;
    file.format = 'waypost-case/2';
    file.extra = true;
    const res = await post(a, file);
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'format', 'person.pseudonym']);
  });

  it('refuses a body that is not JSON, or too large, as JSON', async () => {
    const bad = await post(a, '{"format": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errors: [{ path: '(root)', message: 'not valid JSON' }] });
    const big = await post(a, `{"x":"${'a'.repeat(1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ errors: [{ path: '(root)', message: 'larger than 1 MB' }] });
  });

  it('needs the x-csrf-token header and a session', async () => {
    const before = await caseCount();
    const noToken = await a.agent
      .post('/cases/import')
      .set('content-type', 'application/json')
      .send(JSON.stringify(fixture('anton')));
    expect(noToken.status).toBe(403);
    const otherToken = await post({ agent: a.agent, csrf: b.csrf }, fixture('anton'));
    expect(otherToken.status).toBe(403);
    const { agent, csrf } = await anonymous(t.app);
    const signedOut = await post({ agent, csrf }, fixture('anton'));
    expect(signedOut.status).toBe(401);
    expect(await caseCount()).toBe(before);
  });

  it('keeps a reference already taken for another case: the import gets a new one', async () => {
    const file = fixture('anton');
    file.reference = 'WP-2020-0001';
    const first = await post(a, file);
    const second = await post(a, file);
    expect(first.body.reference).toBe('WP-2020-0001');
    expect(second.body.reference).not.toBe('WP-2020-0001');
  });

  it('logs neither the file nor anything in it', async () => {
    const file = fixture('anton');
    file.person.pseudonym = 'LogCanary';
    file.person.fullName = 'Canary Fullname';
    await post(a, file);
    await upload(a, json(file));
    await upload(a, invalidFile);
    const logs = logLines.join('');
    expect(logs).toContain('/cases/import');
    for (const secret of ['LogCanary', 'Canary Fullname', 'Broken', 'unitName'])
      expect(logs).not.toContain(secret);
  });
});

describe('export', () => {
  let ownId: string;
  beforeAll(async () => {
    ownId = idFrom((await post(a, fixture('anton'))).headers.location);
  });

  it('gives the case file as an attachment that is not cached, and audits it', async () => {
    const audits = await auditCount('case.exported', ownId);
    const res = await a.agent.get(`/cases/${ownId}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const loaded = await loadCase(t.app.db, t.app.keyRing, ownId);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${loaded!.row.reference}.json"`);
    const file = JSON.parse(res.text) as CaseFile;
    expect(file.format).toBe('waypost-case/1');
    expect(file.reference).toBe(loaded!.row.reference);
    expect(await auditCount('case.exported', ownId)).toBe(audits + 1);
  });

  it("answers 404 to a caseworker for another caseworker's case, and audits nothing", async () => {
    const audits = await auditCount('case.exported');
    const res = await b.agent.get(`/cases/${ownId}/export.json`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(fixture('anton').person.pseudonym);
    const missing = await b.agent.get('/cases/00000000-0000-4000-8000-000000000000/export.json');
    expect(missing.status).toBe(404);
    // Indistinguishable from a case that does not exist.
    expect(res.text.replaceAll(ownId, 'ID')).toBe(
      missing.text.replaceAll('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    expect((await b.agent.get('/cases/not-a-uuid/export.json')).status).toBe(404);
    expect(await auditCount('case.exported')).toBe(audits);
  });

  it('lets supervisors export any case', async () => {
    const res = await s.agent.get(`/cases/${ownId}/export.json`);
    expect(res.status).toBe(200);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const { agent } = await anonymous(t.app);
    const res = await agent.get(`/cases/${ownId}/export.json`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it('explains that a case with required sections missing cannot be exported yet', async () => {
    const { id } = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: 'Half', citizenships: ['RU'] },
      assignedTo: cwA.id,
      actorId: cwA.id,
      now: t.clock.now,
    });
    const res = await a.agent.get(`/cases/${id}/export.json`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('This case cannot be exported yet');
    expect(await auditCount('case.exported', id)).toBe(0);
  });
});

describe('round trip', () => {
  it.each(validFixtures())(
    '%s: imported through the API then exported gives the same file back',
    async (_name, file) => {
      const res = await post(a, file);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const exported = await a.agent.get(`${res.headers.location}/export.json`);
      expect(exported.status).toBe(200);
      const expected = { ...structuredClone(file), reference: file.reference ?? res.body.reference };
      if (expected.reference !== res.body.reference) expected.reference = res.body.reference; // taken: renumbered
      // A clearance the file carried is not a decision here: the export holds only those taken here.
      delete expected.review;
      expect(JSON.parse(exported.text)).toEqual(expected);
    },
  );

  it('an exported file imports again, by upload, to the same case file', async () => {
    const first = await post(a, fixture('anton'));
    const exported = await a.agent.get(`${first.headers.location}/export.json`);
    const again = await upload(a, Buffer.from(exported.text), 'export.json');
    expect(again.status).toBe(303);
    const second = await a.agent.get(`${again.headers.location}/export.json`);
    const { reference: _r1, ...one } = JSON.parse(exported.text) as CaseFile;
    const { reference: _r2, ...two } = JSON.parse(second.text) as CaseFile;
    expect(two).toEqual(one);
  });
});

describe('problem wording', () => {
  it('translates the messages the rules module gives and keeps any other as it is', () => {
    const ru = translator('ru');
    expect(translateProblem(ru, 'required')).toBe('обязательное поле');
    expect(translateProblem(ru, 'expected a list')).toBe('ожидается список');
    expect(translateProblem(ru, 'must be one of: land, air')).toBe('допустимые значения: land, air');
    expect(translateProblem(ru, 'must be "waypost-case/1"')).toBe('должно быть "waypost-case/1"');
    expect(translateProblem(ru, 'at least 1 required')).toBe('нужно не меньше 1');
    expect(translateProblem(ru, 'must be at most 130')).toBe('должно быть не больше 130');
    expect(translateProblem(ru, 'something new')).toBe('something new');
    expect(translateProblem(translator('en'), 'invalid date')).toBe('invalid date');
  });
});
