// Admins manage accounts and read the audit log; they see how many cases there are, never what a case holds
// (issue 14, item 3). The authorization table (access.test.ts) covers every route with a made-up id; this
// file tries a real case, the pages an admin does see, and the registration rule that keeps it so.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRoutePolicies } from '../../server/policy';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let admin: TestUser;
let caseworker: TestUser;
let asAdmin: { agent: Agent; csrf: string };
let asSupervisor: { agent: Agent; csrf: string };
let caseUrl: string;
// addUser names each account after its role and a counter that is also in its email address.
const nameOf = (u: TestUser) => `${u.role} ${/\d+/.exec(u.email)![0]}`;
let caseworkerName: string;
let adminName: string;
const file = fixture('bucha-unit');

beforeAll(async () => {
  t = await testApp();
  admin = await addUser(t.app, 'admin');
  caseworker = await addUser(t.app, 'caseworker');
  const supervisor = await addUser(t.app, 'supervisor');
  caseworkerName = nameOf(caseworker);
  adminName = nameOf(admin);
  caseUrl = await enterCaseThroughForms((await signIn(t.app, caseworker)).agent, file);
  asAdmin = await signIn(t.app, admin);
  asSupervisor = await signIn(t.app, supervisor);
  // Entering a case through every form takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe('an admin and a real case', () => {
  it.each([
    '',
    '/history',
    '/edit/person',
    '/summary',
    '/summary.pdf',
    '/export.json',
    '/attachments',
    '/export-with-attachments.zip',
  ])('is refused %s and sees nothing of the case', async (suffix) => {
    const res = await asAdmin.agent.get(`${caseUrl}${suffix}`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(file.person.pseudonym);
  });

  it('cannot see the list or the queue, or decide, or import', async () => {
    for (const path of ['/cases', '/review', '/summaries', '/cases/new']) {
      const res = await asAdmin.agent.get(path);
      expect(res.status, path).toBe(403);
      expect(res.text).not.toContain(file.person.pseudonym);
    }
    const decide = await asAdmin.agent
      .post(`${caseUrl}/decide/comment`)
      .type('form')
      .send({ _csrf: asAdmin.csrf, text: 'an admin note' });
    expect(decide.status).toBe(403);
  });

  it('cannot be assigned a case: a supervisor is offered caseworkers only and an admin id is refused', async () => {
    const page = await asSupervisor.agent.get(caseUrl);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`value="${admin.id}"`);
    // Nor named in the list's assignee filter: an admin holds no case.
    const list = await asSupervisor.agent.get('/cases');
    expect(list.text).toContain(`<option value="${caseworker.id}"`);
    expect(list.text).not.toContain(`value="${admin.id}"`);
    const res = await asSupervisor.agent
      .post(`${caseUrl}/assign`)
      .type('form')
      .send({ _csrf: asSupervisor.csrf, assignee: admin.id });
    expect([303, 400, 409]).toContain(res.status);
    const after = await asSupervisor.agent.get(caseUrl);
    expect(after.text).toContain(caseworkerName);
    expect(after.text).not.toContain(adminName);
  });

  it('home shows counts and what an admin can do, and no way into a case', async () => {
    const home = await asAdmin.agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).not.toContain(file.person.pseudonym);
    expect(home.text).not.toMatch(/href="\/(cases|review)/);
    expect(home.text).toContain('never what they hold');
    expect(home.text).toContain('supervisor account');
    expect(home.text).toMatch(/<dt>Intake<\/dt><dd>1<\/dd>/);
  });
});

describe('route registration', () => {
  it('refuses a case route whose policy admits admins', () => {
    const app = Fastify();
    requireRoutePolicies(app, []);
    for (const [url, access] of [
      ['/cases/:id/notes', 'signed-in'],
      ['/review/all', ['supervisor', 'admin']],
      ['/summaries', 'signed-in'],
    ] as const) {
      expect(() => app.get(url, { config: { access } }, async () => 'x')).toThrow(/must not admit admins/);
    }
    expect(() =>
      app.get('/casework-help', { config: { access: 'signed-in' } }, async () => 'x'),
    ).not.toThrow();
  });
});
