// Two-step sign-in (issue 16): the authenticator app, recovery codes, the per-role policy and forced
// enrolment, step-up before exports and admin actions, the admin's reset, and the session list.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, totpFactors, users } from '../../db/schema';
import { matchingStep, stepAt, totpCode } from '../../server/auth/totp';
import {
  addUser,
  anonymous,
  csrfFrom,
  MINUTE,
  signIn,
  type TestApp,
  type TestUser,
  testApp,
} from '../helpers/app';
import { codeAt, enrolTotp, STEP_MS } from '../helpers/two-factor';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** Password step: answers with the second-factor page, whose token the next form needs. */
async function passwordStep(user: TestUser) {
  const { agent, csrf } = await anonymous(t.app);
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrf, email: user.email, password: user.password });
  return { agent, res };
}

async function secondStep(user: TestUser, code: string) {
  const { agent, res } = await passwordStep(user);
  expect(res.status, res.text).toBe(200);
  expect(res.text).toContain('Second step of signing in');
  const done = await agent
    .post('/sign-in/second-factor')
    .type('form')
    .send({ _csrf: csrfFrom(res.text), code });
  return { agent, done };
}

async function withTotp(role: 'caseworker' | 'supervisor' | 'admin' = 'caseworker') {
  const user = await addUser(t.app, role);
  const { agent } = await signIn(t.app, user);
  const enrolled = await enrolTotp(agent, t.clock.now);
  t.clock.advance(2 * STEP_MS); // past the enrolment code's step, and the one after it
  return { user, ...enrolled };
}

describe('TOTP codes', () => {
  const key = new Uint8Array(20).fill(7);
  const now = new Date('2026-12-03T10:00:10Z');
  it.each([
    ['the current step', 0, true],
    ['the previous step', -1, true],
    ['the next step', 1, true],
    ['two steps back', -2, false],
    ['two steps ahead', 2, false],
  ])('a code of %s is accepted: %s', (_name, offset, accepted) => {
    const code = totpCode(key, stepAt(now) + offset);
    expect(matchingStep(key, code, now, null) !== null).toBe(accepted);
  });

  it('refuses a step already used, or an earlier one', () => {
    const step = stepAt(now);
    expect(matchingStep(key, totpCode(key, step), now, step)).toBeNull();
    expect(matchingStep(key, totpCode(key, step - 1), now, step)).toBeNull();
    expect(matchingStep(key, totpCode(key, step + 1), now, step)).toBe(step + 1);
  });

  it('refuses anything but six digits', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 56 7'])
      expect(matchingStep(key, code, now, null)).toBeNull();
  });
});

describe('enrolling an authenticator app', () => {
  it('shows a QR code drawn on the server and the key as text, and turns on only after a right code', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent } = await signIn(t.app, user);
    const page = await agent.get('/two-factor/totp');
    expect(page.text).toMatch(/<svg role="img" aria-label="QR code[^"]*"/);
    expect(page.text).toContain('id="totp-secret"');
    const wrong = await agent
      .post('/two-factor/totp')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), code: '000000' });
    expect(wrong.status).toBe(400);
    const [row] = await t.app.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
    expect(row?.enabledAt).toBeNull();
    // The secret is encrypted at rest.
    expect(row?.secretEnc).toMatch(/^v\d+\./);
    const { recoveryCodes } = await enrolTotp(agent, t.clock.now);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
  });
});

describe('signing in with a second factor', () => {
  it('asks for a code after the password and lets nothing else in until it is given', async () => {
    const { user, key } = await withTotp();
    const { agent, res } = await passwordStep(user);
    expect(res.status).toBe(200);
    for (const path of ['/', '/cases', '/account', '/two-factor']) {
      const blocked = await agent.get(path);
      expect(blocked.status, path).toBe(303);
      expect(blocked.headers.location).toBe('/sign-in/second-factor');
    }
    const wrong = await agent
      .post('/sign-in/second-factor')
      .type('form')
      .send({ _csrf: csrfFrom(res.text), code: '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('not right');
    const done = await agent
      .post('/sign-in/second-factor')
      .type('form')
      .send({ _csrf: csrfFrom(res.text), code: codeAt(key, t.clock.now) });
    expect(done.status, done.text).toBe(303);
    expect((await agent.get('/')).status).toBe(200);
    const rows = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.filter((r) => !r.pending).map((r) => r.authMethod)).toContain('password+totp');
  });

  it('accepts a code once: the same code again is refused', async () => {
    const { user, key } = await withTotp();
    const code = codeAt(key, t.clock.now);
    expect((await secondStep(user, code)).done.status).toBe(303);
    expect((await secondStep(user, code)).done.status).toBe(401);
  });

  it('accepts the previous and the next step, not two steps away', async () => {
    const { user, key } = await withTotp();
    const at = (steps: number) => codeAt(key, new Date(t.clock.now.getTime() + steps * STEP_MS));
    expect((await secondStep(user, at(-2))).done.status).toBe(401);
    expect((await secondStep(user, at(2))).done.status).toBe(401);
    expect((await secondStep(user, at(-1))).done.status).toBe(303);
    expect((await secondStep(user, at(1))).done.status).toBe(303);
  });

  it('throttles wrong codes like passwords', async () => {
    const { user, key } = await withTotp();
    for (let i = 0; i < 5; i++) expect((await secondStep(user, '000000')).done.status).toBe(401);
    expect((await secondStep(user, codeAt(key, t.clock.now))).done.status).toBe(429);
  });

  it('takes a recovery code once, audits it and tells how many are left', async () => {
    const { user, recoveryCodes } = await withTotp();
    const { agent, done } = await secondStep(user, recoveryCodes[3]!.toUpperCase());
    expect(done.status).toBe(303);
    const home = await agent.get('/');
    expect(home.text).toContain('Unused codes left: 9');
    const audit = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.recovery_code_used'));
    expect(audit.some((r) => r.actorId === user.id && r.detail.left === 9)).toBe(true);
    expect((await secondStep(user, recoveryCodes[3]!)).done.status).toBe(401);
  });
});

describe('the per-role policy', () => {
  it('sends a user of a role that requires a second factor to enrolment, and nowhere else', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent: adminAgent, csrf } = await signIn(t.app, admin);
    const saved = await adminAgent
      .post('/admin/security')
      .type('form')
      .send({ _csrf: csrf, caseworker: 'optional', supervisor: 'required', admin: 'optional' });
    expect(saved.status).toBe(303);
    const supervisor = await addUser(t.app, 'supervisor');
    const { agent, res } = await passwordStep(supervisor);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/two-factor');
    const page = await agent.get('/two-factor');
    expect(page.text).toContain('Your role requires two-step sign-in');
    const token = csrfFrom(page.text);
    // Every route of the app, tried before enrolling: only enrolment, signing out and public pages answer.
    const open = new Set([
      '/two-factor',
      '/two-factor/totp',
      '/two-factor/passkeys',
      '/two-factor/finish',
      '/two-factor/passkey-options',
      '/sign-out',
    ]);
    for (const route of t.app.routePolicies) {
      if (route.method === 'HEAD' || route.access === 'public' || open.has(route.url)) continue;
      const url = route.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(/:\w+/g, 'x');
      const res =
        route.method === 'GET'
          ? await agent.get(url)
          : await agent.post(url).type('form').send({ _csrf: token });
      expect([res.status, res.headers.location], `${route.method} ${route.url}`).toEqual([
        303,
        '/two-factor',
      ]);
    }
    const finishEarly = await agent.post('/two-factor/finish').type('form').send({ _csrf: token });
    expect(finishEarly.status).toBe(409);
    await enrolTotp(agent, t.clock.now);
    const finish = await agent.post('/two-factor/finish').type('form').send({ _csrf: token });
    expect(finish.status).toBe(303);
    expect((await agent.get('/cases')).status).toBe(200);
    await adminAgent
      .post('/admin/security')
      .type('form')
      .send({ _csrf: csrf, caseworker: 'optional', supervisor: 'optional', admin: 'optional' });
  });
});

describe('step-up', () => {
  it('asks again after 5 minutes before an admin action, and keeps the form through it', async () => {
    const { user: admin, key } = await withTotp('admin');
    const { done, agent } = await secondStep(admin, codeAt(key, t.clock.now));
    expect(done.status).toBe(303);
    const page = await agent.get('/admin/users/new');
    const csrf = csrfFrom(page.text);
    t.clock.advance(4 * MINUTE + 50_000);
    const fresh = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Early', email: 'early@example.org', role: 'caseworker' });
    expect(fresh.status).toBe(201);
    t.clock.advance(10_000); // 5 minutes since the sign-in's check
    const typed = {
      _csrf: csrf,
      displayName: 'Kept Through Step-Up',
      email: 'kept.stepup@example.org',
      role: 'supervisor',
    };
    const asked = await agent.post('/admin/users').type('form').send(typed);
    expect(asked.status).toBe(401);
    expect(asked.text).toContain('Confirm it is you');
    expect(
      await t.app.db.select().from(users).where(eq(users.email, 'kept.stepup@example.org')),
    ).toHaveLength(0);
    const carried = /name="carried" value="([^"]*)"/
      .exec(asked.text)![1]!
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'");
    const wrong = await agent
      .post('/step-up')
      .type('form')
      .send({ _csrf: csrf, next: '/admin/users', carried, code: '000000' });
    expect(wrong.status).toBe(401);
    const res = await agent
      .post('/step-up')
      .type('form')
      .send({ _csrf: csrf, next: '/admin/users', carried, code: codeAt(key, t.clock.now) });
    expect(res.status, res.text).toBe(201);
    const [created] = await t.app.db.select().from(users).where(eq(users.email, 'kept.stepup@example.org'));
    expect(created).toMatchObject({ displayName: 'Kept Through Step-Up', role: 'supervisor' });
  });

  it('sends an export link through the step-up page and back', async () => {
    const { user, key } = await withTotp('caseworker');
    const { agent } = await secondStep(user, codeAt(key, t.clock.now));
    t.clock.advance(6 * MINUTE);
    const url = '/cases/00000000-0000-4000-8000-000000000000/export.json';
    const asked = await agent.get(url);
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toBe(`/step-up?next=${encodeURIComponent(url)}`);
    const page = await agent.get(String(asked.headers.location));
    t.clock.advance(STEP_MS);
    const res = await agent
      .post('/step-up')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), next: url, code: codeAt(key, t.clock.now) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(url);
    expect((await agent.get(url)).status).toBe(404); // no such case, and no more step-up
  });

  it('asks an account without a second factor for its password', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent } = await signIn(t.app, user);
    t.clock.advance(6 * MINUTE);
    const page = await agent.get('/step-up?next=/cases');
    expect(page.text).toContain('needs your password again');
    const res = await agent
      .post('/step-up')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), next: '/cases', password: user.password });
    expect(res.status).toBe(303);
  });
});

describe('the admin reset', () => {
  it('removes every factor, ends the sessions, audits it, and makes the user enrol again', async () => {
    const { user, key } = await withTotp('caseworker');
    const { agent: userAgent } = await secondStep(user, codeAt(key, t.clock.now));
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const res = await agent
      .post(`/admin/users/${user.id}/second-factor/reset`)
      .type('form')
      .send({ _csrf: csrf });
    expect(res.status).toBe(303);
    expect((await userAgent.get('/cases')).headers.location).toMatch(/^\/sign-in/);
    const audit = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.second_factor_reset'));
    expect(audit.map((r) => r.targetId)).toContain(user.id);
    const { res: again } = await passwordStep(user);
    expect(again.headers.location).toBe('/two-factor'); // enrolment, although the policy is optional
  });
});

describe('the session list', () => {
  it('shows how each session signed in, and ends the others', async () => {
    const { user, key } = await withTotp('caseworker');
    const first = await secondStep(user, codeAt(key, t.clock.now));
    t.clock.advance(STEP_MS);
    const second = await secondStep(user, codeAt(key, t.clock.now));
    const page = await second.agent.get('/account');
    expect(page.text).toContain('Password and authenticator app');
    // The enrolment's session, the first sign-in's and this one.
    expect(page.text.match(/End this session/g)).toHaveLength(2);
    const res = await second.agent
      .post('/account/sessions/end-others')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect((await first.agent.get('/cases')).headers.location).toMatch(/^\/sign-in/);
    expect((await second.agent.get('/cases')).status).toBe(200);
  });

  it('will not end another user’s session', async () => {
    const { user, key } = await withTotp('caseworker');
    await secondStep(user, codeAt(key, t.clock.now));
    const [theirs] = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const other = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await signIn(t.app, other);
    const res = await agent.post(`/account/sessions/${theirs!.id}/end`).type('form').send({ _csrf: csrf });
    expect(res.status).toBe(404);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.id, theirs!.id))).toHaveLength(1);
  });
});
