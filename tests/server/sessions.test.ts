import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { SESSION_ABSOLUTE_MS } from '../../server/auth/sessions';
import { addUser, anonymous, MINUTE, signIn, type TestApp, testApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const sessionCookie = (setCookie: string[] | string | undefined) =>
  ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('waypost_session=')) ?? '';

describe('sessions', () => {
  it('gives a random token of at least 120 bits and stores only its hash', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    const token = sessionCookie(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const [id, secret] = token.split('.');
    expect(secret!.length * 5).toBeGreaterThanOrEqual(120); // base32: 5 bits a character
    const rows = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(id);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sets an HttpOnly, SameSite cookie, not Secure on plain-http localhost', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('issues a new token at every sign-in', async () => {
    const user = await addUser(t.app, 'caseworker');
    const tokens = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const { agent, csrf } = await anonymous(t.app);
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrf, email: user.email, password: user.password });
      tokens.add(sessionCookie(res.headers['set-cookie']).split(';')[0]!);
    }
    expect(tokens.size).toBe(2);
  });

  it('rejects a forged token whose id exists but whose secret is wrong', async () => {
    const user = await addUser(t.app, 'caseworker');
    await signIn(t.app, user);
    const [row] = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const forged = `${row!.id}.${'a'.repeat(32)}`;
    const res = await request(t.app.server).get('/account').set('Cookie', `waypost_session=${forged}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in/);
  });

  it('ends after 30 idle minutes, enforced on the server', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent } = await signIn(t.app, user);
    t.clock.advance(29 * MINUTE);
    expect((await agent.get('/account')).status).toBe(200);
    t.clock.advance(29 * MINUTE); // 29 idle minutes again: activity above kept it alive
    expect((await agent.get('/account')).status).toBe(200);
    t.clock.advance(30 * MINUTE);
    const res = await agent.get('/account');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Faccount');
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('ends 12 hours after sign-in however active the user is', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent } = await signIn(t.app, user);
    let elapsed = 0;
    while (elapsed + 20 * MINUTE < SESSION_ABSOLUTE_MS) {
      t.clock.advance(20 * MINUTE);
      elapsed += 20 * MINUTE;
      expect((await agent.get('/account')).status).toBe(200);
    }
    t.clock.advance(SESSION_ABSOLUTE_MS - elapsed);
    expect((await agent.get('/account')).status).toBe(303);
  });

  it('signing out deletes the session on the server', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await signIn(t.app, user);
    const res = await agent.post('/sign-out').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(303);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await agent.get('/account')).status).toBe(303);
  });
});

describe('sessions behind https', () => {
  let secure: TestApp;
  beforeAll(async () => {
    secure = await testApp({ env: { PUBLIC_URL: 'https://waypost.example.org' } });
  });
  afterAll(() => secure.close());

  it('marks the cookie Secure with the __Host- prefix', async () => {
    const user = await addUser(secure.app, 'caseworker');
    const page = await secure.app.inject({ method: 'GET', url: '/sign-in' });
    const csrfCookie = String(page.headers['set-cookie']);
    expect(csrfCookie).toMatch(/^__Host-waypost_csrf=.*Secure/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await secure.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `__Host-waypost_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, email: user.email, password: user.password }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('__Host-waypost_session='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
