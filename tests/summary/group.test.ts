// Group export: several referred cases as one PDF behind a cover index, for whoever may see every one of them.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import { approve, importFor, pdfPages, postForPdf } from './helpers';

let t: TestApp;
let holder: TestUser;
let other: TestUser;
let sup: TestUser;
let a: { agent: Agent; csrf: string };
let referred: string[];
let draft: string;
let othersReferred: string;

const referenceOf = async (id: string) =>
  (await t.app.db.select({ r: cases.reference }).from(cases).where(eq(cases.id, id)))[0]!.r;
const form = (csrf: string, ids: string[], profile = 'partner') =>
  [
    `_csrf=${encodeURIComponent(csrf)}`,
    `profile=${profile}`,
    'lang=en',
    ...ids.map((id) => `ids=${id}`),
  ].join('&');

beforeAll(async () => {
  t = await testApp();
  holder = await addUser(t.app, 'caseworker');
  other = await addUser(t.app, 'caseworker');
  sup = await addUser(t.app, 'supervisor');
  a = await signIn(t.app, holder);
  referred = [];
  for (const name of ['anton', 'sparrow']) {
    const id = await importFor(t.app, fixture(name), holder);
    await approve(t.app, id, sup);
    referred.push(id);
  }
  draft = await importFor(t.app, fixture('anton'), holder);
  othersReferred = await importFor(t.app, fixture('anton'), other);
  await approve(t.app, othersReferred, sup);
});
afterAll(() => t.close());

describe('choosing cases', () => {
  it('lists only the referred cases this user may see', async () => {
    const page = await a.agent.get('/summaries');
    expect(page.status).toBe(200);
    for (const id of referred) expect(page.text).toContain(`value="${id}"`);
    expect(page.text).not.toContain(`value="${draft}"`);
    expect(page.text).not.toContain(`value="${othersReferred}"`);
  });
});

describe('the group PDF', () => {
  it('has a cover index naming each case and the page it starts on, then each summary', async () => {
    const res = await postForPdf(a.agent, '/summaries.pdf', form(a.csrf, referred));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="summaries-\d{4}-\d{2}-\d{2}-partner-en\.pdf"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const pages = await pdfPages(res.body);
    const cover = pages[0]!;
    expect(cover).toContain('Case summaries: a group of referred cases');
    expect(cover).toContain('Cases in this group');
    const refs = await Promise.all(referred.map(referenceOf));
    const starts = refs.map(
      (ref) => pages.findIndex((p, i) => i > 0 && p.includes(`Case summary`) && p.includes(ref)) + 1,
    );
    refs.forEach((ref, i) => {
      expect(cover).toContain(ref);
      // The index row ends with the page the case starts on.
      expect(cover).toMatch(new RegExp(`${ref} .*? ${starts[i]}\\b`));
    });
    expect(starts[0]).toBe(2);
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Profile: partner');
      expect(page).not.toContain('DRAFT');
    });
    // Each case's own pages carry its own reference.
    expect(pages[starts[1]! - 1]).toContain(refs[1]);
  });

  it('audits one entry per case with the profile and the whole group', async () => {
    const res = await postForPdf(a.agent, '/summaries.pdf', form(a.csrf, referred, 'minimal'));
    expect(res.status).toBe(200);
    for (const id of referred) {
      const rows = await t.app.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'case.summary_exported'), eq(auditLog.targetId, id)));
      expect(rows.at(-1)!.detail).toEqual({
        profile: 'minimal',
        format: 'pdf',
        language: 'en',
        group: referred,
      });
    }
  });

  it('answers 404 when any case is one this user may not see', async () => {
    const res = await postForPdf(a.agent, '/summaries.pdf', form(a.csrf, [...referred, othersReferred]));
    expect(res.status).toBe(404);
  });

  it('refuses a case not referred, an empty choice and an unknown profile', async () => {
    const notReferred = await a.agent
      .post('/summaries.pdf')
      .type('form')
      .send(form(a.csrf, [referred[0]!, draft]));
    expect(notReferred.status).toBe(400);
    expect(notReferred.text).toContain('Only referred cases can be exported as a group.');
    const none = await a.agent.post('/summaries.pdf').type('form').send(form(a.csrf, []));
    expect(none.status).toBe(400);
    expect(none.text).toContain('Choose at least one case.');
    const badProfile = await a.agent
      .post('/summaries.pdf')
      .type('form')
      .send(form(a.csrf, referred, 'all'));
    expect(badProfile.status).toBe(400);
  });
});
