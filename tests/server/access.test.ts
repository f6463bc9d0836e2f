// Deny by default: every route declares a policy, and each is tried with every role and with nobody.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema';
import { type RegisteredRoute, requireRoutePolicies } from '../../server/policy';
import { type Agent, addUser, anonymous, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';

type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', 'caseworker', 'supervisor', 'admin'];
const signedIn: Who[] = ['caseworker', 'supervisor', 'admin'];
// Case contents: never admins (issue 14, least privilege).
const caseStaff: Who[] = ['caseworker', 'supervisor'];

// Who may use each route. A route missing here fails the test: new routes must be added deliberately.
const table: Record<string, Who[]> = {
  'GET /': signedIn,
  'GET /healthz': everyone,
  'GET /static/:file': everyone,
  'GET /sign-in': everyone,
  'POST /sign-in': everyone,
  'POST /sign-out': signedIn,
  'GET /setup/:token': everyone,
  'POST /setup/:token': everyone,
  'GET /password/:token': everyone,
  'POST /password/:token': everyone,
  'POST /language': everyone,
  'GET /account': signedIn,
  'POST /account/password': signedIn,
  'POST /account/sessions/:id/end': signedIn,
  'POST /account/sessions/end-others': signedIn,
  'POST /account/notice/dismiss': signedIn,
  'GET /sign-in/second-factor': signedIn,
  'POST /sign-in/second-factor': signedIn,
  'GET /step-up': signedIn,
  'POST /step-up': signedIn,
  'POST /two-factor/passkey-options': signedIn,
  'GET /two-factor': signedIn,
  'GET /two-factor/totp': signedIn,
  'POST /two-factor/totp': signedIn,
  'POST /two-factor/totp/remove': signedIn,
  'POST /two-factor/recovery-codes': signedIn,
  'POST /two-factor/passkeys': signedIn,
  'POST /two-factor/passkeys/:id/rename': signedIn,
  'POST /two-factor/passkeys/:id/remove': signedIn,
  'POST /two-factor/finish': signedIn,
  'GET /admin/security': ['admin'],
  'POST /admin/security': ['admin'],
  'POST /admin/users/:id/second-factor/reset': ['admin'],
  'GET /admin/users': ['admin'],
  'GET /admin/users/new': ['admin'],
  'POST /admin/users': ['admin'],
  'GET /admin/users/:id': ['admin'],
  'POST /admin/users/:id/role': ['admin'],
  'POST /admin/users/:id/disable': ['admin'],
  'POST /admin/users/:id/enable': ['admin'],
  'POST /admin/users/:id/reset': ['admin'],
  'GET /cases/new': caseStaff,
  'POST /cases': caseStaff,
  'GET /cases/:id': caseStaff,
  'POST /cases/:id/assign': ['supervisor'],
  'GET /cases/:id/edit/:form': caseStaff,
  'POST /cases/:id/edit/:form': caseStaff,
  'GET /cases/:id/lists/:list/new': caseStaff,
  'POST /cases/:id/lists/:list': caseStaff,
  'GET /cases/:id/lists/:list/:entry': caseStaff,
  'POST /cases/:id/lists/:list/:entry': caseStaff,
  'GET /cases/:id/lists/:list/:entry/remove': caseStaff,
  'POST /cases/:id/lists/:list/:entry/remove': caseStaff,
  'POST /cases/:id/lists/:list/:entry/move': caseStaff,
  'GET /cases/:id/history': ['supervisor'],
  'GET /review': ['supervisor'],
  'GET /cases/:id/decide/:action': caseStaff,
  'POST /cases/:id/decide/:action': caseStaff,
  // Confirming a withdrawn decision again, and clearances an import carried: reviewers only (four eyes inside).
  'GET /cases/:id/reaffirm': ['supervisor'],
  'POST /cases/:id/reaffirm': ['supervisor'],
  'GET /cases/:id/carried': ['supervisor'],
  'POST /cases/:id/carried': ['supervisor'],
  'GET /admin/audit': ['admin'],
  'POST /admin/audit/verify': ['admin'],
  'POST /admin/audit/checkpoint': ['admin'],
  'GET /admin/organisation': ['admin'],
  'POST /admin/organisation': ['admin'],
  'GET /cases': caseStaff,
  'POST /cases/search': caseStaff,
  'POST /cases/import': caseStaff,
  'GET /cases/import-with-attachments': caseStaff,
  'POST /cases/import-with-attachments': caseStaff,
  'GET /cases/:id/export.json': caseStaff,
  'GET /cases/:id/summary': caseStaff,
  'GET /cases/:id/summary.pdf': caseStaff,
  'GET /summaries': caseStaff,
  'POST /summaries.pdf': caseStaff,
  'GET /admin/reference-data': ['admin'],
  'POST /admin/reference-data/review': ['admin'],
  'POST /units/suggest': caseStaff,
  'GET /cases/:id/attachments': caseStaff,
  'POST /cases/:id/attachments': caseStaff,
  'GET /cases/:id/attachments/:attachmentId': caseStaff,
  'GET /cases/:id/attachments/:attachmentId/thumbnail': caseStaff,
  'GET /cases/:id/attachments/:attachmentId/file': caseStaff,
  'GET /cases/:id/attachments/:attachmentId/download': caseStaff,
  'GET /cases/:id/attachments/:attachmentId/remove': caseStaff,
  'POST /cases/:id/attachments/:attachmentId/remove': caseStaff,
  'GET /cases/:id/export-with-attachments.zip': caseStaff,
};

let t: TestApp;
const accounts = {} as Record<Role, TestUser>;
beforeAll(async () => {
  t = await testApp();
  for (const role of ['caseworker', 'supervisor', 'admin'] as const)
    accounts[role] = await addUser(t.app, role);
});
// A fresh session per row: one row signs out, another may disable its user's own session.
const client = (who: Who): Promise<{ agent: Agent; csrf: string }> =>
  who === 'anonymous' ? anonymous(t.app) : signIn(t.app, accounts[who]);
afterAll(() => t.close());

const routes = () => t.app.routePolicies.filter((r) => r.method !== 'HEAD');
const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;

describe('route policies', () => {
  it('refuses to register a route that declares no policy', async () => {
    const app = Fastify();
    requireRoutePolicies(app, []);
    expect(() => app.get('/forgotten', async () => 'x')).toThrow(/declares no access policy/);
  });

  it('every registered route is in the authorization table, and the table names no route that is gone', () => {
    expect(routes().map(key).sort()).toEqual(Object.keys(table).sort());
  });

  it('no route changes state on GET', () => {
    for (const r of routes().filter((r) => r.method === 'GET')) {
      expect(r.url).not.toMatch(/sign-out|disable|enable|reset|verify|role$/);
    }
  });
});

describe('authorization table', () => {
  it.each(
    Object.entries(table).flatMap(([route, allowed]) =>
      everyone.map((who) => [route, who, allowed.includes(who)] as const),
    ),
  )('%s as %s: allowed=%s', async (route, who, allowed) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const url = pattern
      .replace(':file', 'app.css')
      .replace(':token', 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':attachmentId', '00000000-0000-4000-8000-000000000001');
    const { agent, csrf } = await client(who);
    const res =
      method === 'GET' ? await agent.get(url) : await agent.post(url).type('form').send({ _csrf: csrf });
    const refused =
      res.status === 403 ||
      res.status === 401 ||
      (res.status === 303 && String(res.headers.location).startsWith('/sign-in?next='));
    expect(refused, `${route} as ${who} answered ${res.status}`).toBe(!allowed);
  });
});
