import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { passwordProblem } from '../../server/auth/passwords';
import { THROTTLE_WINDOW_MS } from '../../server/auth/throttle';
import { addUser, anonymous, csrfFrom, MINUTE, signIn, type TestApp, testApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(() => t.close());

async function attempt(email: string, password: string, ip = '10.0.0.1') {
  const { agent, csrf } = await anonymous(t.app);
  return agent
    .post('/sign-in')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ _csrf: csrf, email, password });
}

describe('passwords', () => {
  it('are stored as argon2id with m >= 19456 KiB, t >= 2, p = 1', async () => {
    const user = await addUser(t.app, 'caseworker');
    const [row] = await t.app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it.each([
    ['short', 'too_short'],
    ['elevenchars', 'too_short'],
    ['password1234', 'too_common'],
    ['qwerty123456', 'too_common'],
    ['1q2w3e4r5t6y', 'too_common'],
    ['iloveyouiloveyou', 'too_common'],
    ['aaaaaaaaaaaaaaaa', 'too_common'],
    ['dragon2024!!!!!', 'too_common'],
    ['ivan.petrov-was-here', 'contains_email'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password, 'ivan.petrov@example.org')).toBe(problem);
  });

  it.each(['correct horse battery staple', 'Тихий дом у реки 7', 'plenty of words for a password'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, 'ivan.petrov@example.org')).toBeNull();
    },
  );

  it('rehashes at sign-in when the stored hash used weaker parameters', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(user.password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.app.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    await signIn(t.app, user);
    const [row] = await t.app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('signing in', () => {
  it('answers an unknown email exactly as a wrong password', async () => {
    const user = await addUser(t.app, 'caseworker');
    const wrong = await attempt(user.email, 'not the password at all', '10.1.0.1');
    const unknown = await attempt('nobody@example.org', 'not the password at all', '10.1.0.2');
    expect(unknown.status).toBe(wrong.status);
    expect(wrong.status).toBe(401);
    const strip = (html: string) =>
      html.replace(/value="[a-z2-7]{20,}"/g, '').replace(/value="[^"]*@example.org"/g, '');
    expect(strip(unknown.text)).toBe(strip(wrong.text));
    expect(wrong.text).toContain('The email address or password is not correct.');
  });

  it('keeps the typed email but never the password after a failure', async () => {
    const user = await addUser(t.app, 'caseworker');
    const res = await attempt(user.email, 'a wrong secret phrase', '10.1.0.3');
    expect(res.text).toContain(`value="${user.email}"`);
    expect(res.text).not.toContain('a wrong secret phrase');
  });

  it('refuses disabled accounts with the same message', async () => {
    const user = await addUser(t.app, 'caseworker');
    await t.app.db.update(users).set({ disabledAt: t.clock.now }).where(eq(users.id, user.id));
    const res = await attempt(user.email, user.password, '10.1.0.4');
    expect(res.status).toBe(401);
    expect(res.text).toContain('The email address or password is not correct.');
  });

  it('throttles an account: the 6th failure in 15 minutes answers 429, even with the right password', async () => {
    const user = await addUser(t.app, 'caseworker');
    for (let i = 0; i < 5; i++) {
      expect((await attempt(user.email, 'wrong wrong wrong', `10.2.0.${i}`)).status).toBe(401);
    }
    expect((await attempt(user.email, 'wrong wrong wrong', '10.2.0.9')).status).toBe(429);
    const right = await attempt(user.email, user.password, '10.2.0.10');
    expect(right.status).toBe(429);
    expect(right.text).toContain('Too many failed attempts');
    t.clock.advance(THROTTLE_WINDOW_MS + MINUTE);
    expect((await attempt(user.email, user.password, '10.2.0.11')).status).toBe(303);
  });

  it('throttles an address trying many accounts', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await attempt(`guess${i}@example.org`, 'wrong wrong wrong', '10.3.0.1')).status).toBe(401);
    }
    const user = await addUser(t.app, 'caseworker');
    expect((await attempt(user.email, user.password, '10.3.0.1')).status).toBe(429);
    expect((await attempt(user.email, user.password, '10.3.0.2')).status).toBe(303);
  });

  it('sends the user on to the page they asked for, but only within the site', async () => {
    const user = await addUser(t.app, 'caseworker');
    for (const [next, expected] of [
      ['/account', '/account'],
      ['//evil.example.org/x', '/'],
      ['https://evil.example.org', '/'],
    ]) {
      const { agent, csrf } = await anonymous(t.app);
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrf, email: user.email, password: user.password, next });
      expect(res.headers.location).toBe(expected);
    }
  });
});

describe('a form sent after the session expired', () => {
  it('is completed once the user signs in again, with nothing typed lost', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    t.clock.advance(31 * MINUTE);
    const typed = {
      _csrf: csrf,
      displayName: 'Olga Typed-Before-Expiry',
      email: 'olga.late@example.org',
      role: 'supervisor',
    };
    const expired = await agent.post('/admin/users').type('form').send(typed);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('Your session ended before your form was sent');
    expect(expired.text).toContain('Olga Typed-Before-Expiry'); // carried in the sign-in form
    const replay = hiddenValue(expired.text, 'replay');
    // The form bore the expired session's token: the page carries a proof of that, and the form is sent.
    const proof = hiddenValue(expired.text, 'proof');
    expect(proof).not.toBe('');
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfFrom(expired.text),
        email: admin.email,
        password: admin.password,
        next: '/admin/users',
        replay,
        proof,
      });
    expect(res.status).toBe(201);
    expect(res.text).toContain('One-time link');
    const [created] = await t.app.db.select().from(users).where(eq(users.email, 'olga.late@example.org'));
    expect(created).toMatchObject({ displayName: 'Olga Typed-Before-Expiry', role: 'supervisor' });
  });

  it('comes back filled in when the page it came from is stale', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent } = await signIn(t.app, admin);
    const res = await agent.post('/admin/users').type('form').send({
      _csrf: 'stale-token-from-an-old-tab',
      displayName: 'Kept Name',
      email: 'kept@example.org',
      role: 'caseworker',
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Send your form again');
    expect(res.text).toContain('value="Kept Name"');
    const resent = await agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: csrfFrom(res.text),
        displayName: 'Kept Name',
        email: 'kept@example.org',
        role: 'caseworker',
      });
    expect(resent.status).toBe(201);
  });
});

function hiddenValue(html: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]*)"`)
    .exec(html)![1]!
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'");
}
