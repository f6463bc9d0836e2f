// Issue 15, items 2, 3 and 10: a form carried through sign-in is sent on its own only when it is proved to be
// the user's own; changing one's password ends every other session; failed attempts are told at next sign-in.
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { THROTTLE_WINDOW_MS } from '../../server/auth/throttle';
import { addUser, anonymous, MINUTE, signIn, type TestApp, testApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`)
    .exec(html)![1]!
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'");

describe('a form carried through sign-in (CSRF replay)', () => {
  it('is not sent when it came from another site: the user is shown it and decides', async () => {
    const victim = await addUser(t.app, 'admin');
    const caseworker = await addUser(t.app, 'caseworker');
    // A cross-site form: no cookie, no Fetch-Metadata headers, no token.
    const forged = await request(t.app.server)
      .post(`/admin/users/${caseworker.id}/role`)
      .type('form')
      .send({ role: 'admin' });
    expect(forged.status).toBe(401);
    expect(hidden(forged.text, 'proof')).toBe('');
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrf,
        email: victim.email,
        password: victim.password,
        next: hidden(forged.text, 'next'),
        replay: hidden(forged.text, 'replay'),
      });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Send this form?');
    const [row] = await t.app.db.select().from(users).where(eq(users.id, caseworker.id));
    expect(row?.role).toBe('caseworker');
  });

  it('is not sent with a forged proof, nor with the proof of another user’s session', async () => {
    const owner = await addUser(t.app, 'admin');
    const other = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, owner);
    t.clock.advance(31 * MINUTE);
    const expired = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Not Sent', email: 'not.sent@example.org', role: 'caseworker' });
    const proof = hidden(expired.text, 'proof');
    expect(proof).not.toBe('');
    for (const [who, presented] of [
      [other, proof],
      [owner, 'A'.repeat(43)],
    ] as const) {
      const { agent: fresh, csrf: token } = await anonymous(t.app);
      const res = await fresh
        .post('/sign-in')
        .type('form')
        .send({
          _csrf: token,
          email: who.email,
          password: who.password,
          next: '/admin/users',
          replay: hidden(expired.text, 'replay'),
          proof: presented,
        });
      expect(res.status).toBe(200);
      expect(res.text).toContain('Send this form?');
    }
    expect(await t.app.db.select().from(users).where(eq(users.email, 'not.sent@example.org'))).toHaveLength(
      0,
    );
  });
});

describe('changing one’s password', () => {
  it('ends every other session and gives this one a new token', async () => {
    const user = await addUser(t.app, 'caseworker');
    const laptop = await signIn(t.app, user);
    const phone = await signIn(t.app, user);
    const cookieBefore = (await laptop.agent.get('/account')).headers['set-cookie']![0]!.split(';')[0]!;
    const res = await laptop.agent.post('/account/password').type('form').send({
      _csrf: laptop.csrf,
      currentPassword: user.password,
      password: 'an entirely new passphrase',
      passwordConfirm: 'an entirely new passphrase',
    });
    expect(res.status).toBe(303);
    expect((await phone.agent.get('/cases')).headers.location).toMatch(/^\/sign-in/);
    expect((await laptop.agent.get('/cases')).status).toBe(200);
    const old = await request(t.app.server).get('/cases').set('Cookie', cookieBefore);
    expect(old.headers.location).toMatch(/^\/sign-in/);
  });
});

describe('failed sign-ins', () => {
  it('are told to the owner and to admins at their next sign-in, and recorded', async () => {
    const user = await addUser(t.app, 'caseworker');
    const admin = await addUser(t.app, 'admin');
    await signIn(t.app, admin); // the admin's last sign-in, before the lock-out
    t.clock.advance(MINUTE);
    for (let i = 0; i < 6; i++) {
      const { agent, csrf } = await anonymous(t.app);
      await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrf, email: user.email, password: 'someone guessing' });
    }
    const locked = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'auth.account_locked'));
    expect(locked.map((r) => r.targetId)).toContain(user.id);
    t.clock.advance(THROTTLE_WINDOW_MS + MINUTE);
    const { agent } = await signIn(t.app, user);
    const home = await agent.get('/');
    expect(home.text).toContain('There were 6 failed attempts to sign in to your account');
    const reported = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.failed_attempts_reported'));
    expect(reported.some((r) => r.actorId === user.id && r.detail.failed === 6)).toBe(true);
    // Told once: the next sign-in has nothing to tell.
    const again = await signIn(t.app, user);
    expect((await again.agent.get('/')).text).not.toContain('failed attempts');
    const adminView = await signIn(t.app, admin);
    const adminHome = (await adminView.agent.get('/')).text;
    expect(adminHome).toContain('Accounts locked out by failed sign-ins: 1');
    const dismiss = await adminView.agent
      .post('/account/notice/dismiss')
      .type('form')
      .send({ _csrf: adminView.csrf });
    expect(dismiss.status).toBe(303);
    expect((await adminView.agent.get('/')).text).not.toContain('locked out');
  });
});
