import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import { setupLinkIfNeeded } from '../../server/setup-link';
import { addUser, anonymous, csrfFrom, MINUTE, signIn, type TestApp, testApp } from '../helpers/app';

const linkPath = (html: string) => new URL(/id="one-time-link"[^>]*value="([^"]+)"/.exec(html)![1]!).pathname;

describe('first run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('offers a one-time set-up link that creates the first admin, then works no more', async () => {
    const first = await setupLinkIfNeeded(t.app);
    const link = await setupLinkIfNeeded(t.app); // a restart issues a new link and voids the old one
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\/[a-z2-7]+\.[a-z2-7]+$/);
    const path = new URL(link!).pathname;
    expect((await request(t.app.server).get(new URL(first!).pathname)).status).toBe(404);

    const signInPage = await request(t.app.server).get('/sign-in');
    expect(signInPage.text).toContain('No account exists yet');

    const { agent, csrf } = await anonymous(t.app);
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    const bad = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, displayName: 'Ada', email: 'not-an-email', password: 'x', passwordConfirm: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter an email address');
    expect(bad.text).toContain('value="Ada"');

    const ok = await agent.post(path).type('form').send({
      _csrf: csrf,
      displayName: 'Ada',
      email: 'Ada@Example.org',
      password: 'a long and unusual passphrase',
      passwordConfirm: 'a long and unusual passphrase',
    });
    expect(ok.status).toBe(303);
    const [admin] = await t.app.db.select().from(users).where(eq(users.email, 'ada@example.org'));
    expect(admin?.role).toBe('admin');
    expect((await agent.get(path)).status).toBe(404);
    expect(await setupLinkIfNeeded(t.app)).toBeNull();
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'setup.admin_created'));
    expect(audit).toHaveLength(1);
  });
});

describe('a set-up link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('expires after one hour', async () => {
    const path = new URL((await setupLinkIfNeeded(t.app))!).pathname;
    t.clock.advance(59 * MINUTE);
    expect((await request(t.app.server).get(path)).status).toBe(200);
    t.clock.advance(2 * MINUTE);
    const res = await request(t.app.server).get(path);
    expect(res.status).toBe(404);
    expect(res.text).toContain('This link does not work');
  });
});

describe('administering users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('invites a caseworker, who sets a password and signs in in another browser', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const created = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Case Worker', email: 'cw.invited@example.org', role: 'caseworker' });
    expect(created.status).toBe(201);
    const path = linkPath(created.text);

    const other = await anonymous(t.app);
    const weak = await other.agent
      .post(path)
      .type('form')
      .send({ _csrf: other.csrf, password: 'password1234', passwordConfirm: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('among the most common');
    const set = await other.agent.post(path).type('form').send({
      _csrf: other.csrf,
      password: 'rivers and mountains far away',
      passwordConfirm: 'rivers and mountains far away',
    });
    expect(set.status).toBe(303);
    const { agent: cw } = await signIn(t.app, {
      email: 'cw.invited@example.org',
      password: 'rivers and mountains far away',
    });
    const home = await cw.get('/');
    expect(home.text).toContain('Caseworker');
    expect((await cw.get('/admin/users')).status).toBe(403);
    expect((await other.agent.get(path)).status).toBe(404); // used up
  });

  it('refuses a duplicate email beside the field, keeping what was typed', async () => {
    const admin = await addUser(t.app, 'admin');
    const existing = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await signIn(t.app, admin);
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Twice', email: existing.email, role: 'caseworker' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-email-error">A user with this email address already exists/);
    expect(res.text).toContain('value="Twice"');
  });

  it('rejects unknown form fields (no mass assignment)', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const res = await agent.post('/admin/users').type('form').send({
      _csrf: csrf,
      displayName: 'X',
      email: 'x.mass@example.org',
      role: 'caseworker',
      passwordHash: 'x',
    });
    expect(res.status).toBe(400);
    expect(await t.app.db.select().from(users).where(eq(users.email, 'x.mass@example.org'))).toHaveLength(0);
  });

  it('changes a role, effective at once, and records it', async () => {
    const admin = await addUser(t.app, 'admin');
    const cw = await addUser(t.app, 'caseworker');
    const { agent: cwAgent } = await signIn(t.app, cw);
    const { agent, csrf } = await signIn(t.app, admin);
    expect(
      (await agent.post(`/admin/users/${cw.id}/role`).type('form').send({ _csrf: csrf, role: 'supervisor' }))
        .status,
    ).toBe(303);
    const [row] = await t.app.db.select().from(users).where(eq(users.id, cw.id));
    expect(row!.role).toBe('supervisor');
    expect((await cwAgent.get('/account')).status).toBe(303); // signed out: the new role needs a new session
    const [entry] = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_changed'));
    expect(entry).toMatchObject({
      actorId: admin.id,
      targetId: cw.id,
      detail: { from: 'caseworker', to: 'supervisor' },
    });
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = await addUser(t.app, 'admin');
    const cw = await addUser(t.app, 'caseworker');
    const { agent: cwAgent } = await signIn(t.app, cw);
    expect((await cwAgent.get('/account')).status).toBe(200);
    const { agent, csrf } = await signIn(t.app, admin);
    expect(
      (await agent.post(`/admin/users/${cw.id}/disable`).type('form').send({ _csrf: csrf })).status,
    ).toBe(303);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, cw.id))).toHaveLength(0);
    expect((await cwAgent.get('/account')).status).toBe(303);
    const { agent: again, csrf: c2 } = await anonymous(t.app);
    expect(
      (await again.post('/sign-in').type('form').send({ _csrf: c2, email: cw.email, password: cw.password }))
        .status,
    ).toBe(401);
    expect((await agent.post(`/admin/users/${cw.id}/enable`).type('form').send({ _csrf: csrf })).status).toBe(
      303,
    );
    await signIn(t.app, cw);
  });

  it('never disables or demotes the last admin, nor lets an admin disable themself', async () => {
    const solo = await testApp();
    try {
      const admin = await addUser(solo.app, 'admin');
      const { agent, csrf } = await signIn(solo.app, admin);
      const demote = await agent
        .post(`/admin/users/${admin.id}/role`)
        .type('form')
        .send({ _csrf: csrf, role: 'caseworker' });
      expect(demote.status).toBe(409);
      expect(demote.text).toContain('last active administrator');
      const disable = await agent.post(`/admin/users/${admin.id}/disable`).type('form').send({ _csrf: csrf });
      expect(disable.status).toBe(409);
    } finally {
      await solo.close();
    }
  });

  it('resets a password: the old one stops working, sessions end, a link sets a new one', async () => {
    const admin = await addUser(t.app, 'admin');
    const cw = await addUser(t.app, 'caseworker');
    const { agent: cwAgent } = await signIn(t.app, cw);
    const { agent, csrf } = await signIn(t.app, admin);
    const res = await agent.post(`/admin/users/${cw.id}/reset`).type('form').send({ _csrf: csrf });
    expect(res.status).toBe(200);
    expect((await cwAgent.get('/account')).status).toBe(303);
    const { agent: a2, csrf: c2 } = await anonymous(t.app);
    expect(
      (await a2.post('/sign-in').type('form').send({ _csrf: c2, email: cw.email, password: cw.password }))
        .status,
    ).toBe(401);
    const path = linkPath(res.text);
    await a2.post(path).type('form').send({
      _csrf: c2,
      password: 'a brand new long passphrase',
      passwordConfirm: 'a brand new long passphrase',
    });
    await signIn(t.app, { email: cw.email, password: 'a brand new long passphrase' });
    const actions = (await t.app.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password_reset', 'user.password_set']));
  });

  it('lets users change their own password, checking the current one', async () => {
    const cw = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await signIn(t.app, cw);
    const wrong = await agent.post('/account/password').type('form').send({
      _csrf: csrf,
      currentPassword: 'nope nope nope',
      password: 'another long passphrase',
      passwordConfirm: 'another long passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="f-currentPassword-error">This is not your current password/);
    const ok = await agent.post('/account/password').type('form').send({
      _csrf: csrf,
      currentPassword: cw.password,
      password: 'another long passphrase',
      passwordConfirm: 'another long passphrase',
    });
    expect(ok.status).toBe(303);
    await signIn(t.app, { email: cw.email, password: 'another long passphrase' });
  });

  it('records sign-in, failed sign-in and sign-out, never a password', async () => {
    const cw = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await anonymous(t.app);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: cw.email, password: 'a wrong secret phrase' });
    const signedIn = await signIn(t.app, cw);
    await signedIn.agent.post('/sign-out').type('form').send({ _csrf: signedIn.csrf });
    const rows = await t.app.db.select().from(auditLog).where(eq(auditLog.actorId, cw.id));
    // The failed attempt is told to the user at the sign-in that follows (issue 15, item 10).
    expect(rows.map((r) => r.action)).toEqual([
      'auth.sign_in_failed',
      'auth.failed_attempts_reported',
      'auth.sign_in',
      'auth.sign_out',
    ]);
    const everything = JSON.stringify(await t.app.db.select().from(auditLog));
    expect(everything).not.toContain('a wrong secret phrase');
    expect(everything).not.toContain(cw.password);
    expect(csrfFrom((await request(t.app.server).get('/sign-in')).text)).toBeTruthy();
  });
});
