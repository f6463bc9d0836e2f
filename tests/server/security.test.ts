import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeError } from '../../server/http/logging';
import { addUser, anonymous, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { ownerExecute } from '../helpers/owner';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await testApp({ env: { NODE_ENV: 'development', LOG_LEVEL: 'info' }, logStream });
});
afterAll(() => t.close());

describe('CSRF and same-origin checks', () => {
  it('refuses a state change without the session-bound token', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const form = { displayName: 'No Token', email: 'no.token@example.org', role: 'caseworker' };
    expect((await agent.post('/admin/users').type('form').send(form)).status).toBe(403);
    expect(
      (
        await agent
          .post('/admin/users')
          .type('form')
          .send({ ...form, _csrf: 'x'.repeat(csrf.length) })
      ).status,
    ).toBe(403);
    // Another user's valid token is not this session's token.
    const other = await signIn(t.app, await addUser(t.app, 'admin'));
    expect(
      (
        await agent
          .post('/admin/users')
          .type('form')
          .send({ ...form, _csrf: other.csrf })
      ).status,
    ).toBe(403);
    expect((await agent.post('/admin/users').set('x-csrf-token', csrf).type('form').send(form)).status).toBe(
      201,
    );
  });

  it('refuses a cross-site request even with the right token', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const form = { _csrf: csrf, displayName: 'Cross', email: 'cross.site@example.org', role: 'caseworker' };
    const fromElsewhere = await agent
      .post('/admin/users')
      .set('Origin', 'https://evil.example.org')
      .type('form')
      .send(form);
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.text).toContain('did not come from a Waypost page');
    expect(
      (await agent.post('/admin/users').set('Sec-Fetch-Site', 'cross-site').type('form').send(form)).status,
    ).toBe(403);
    expect(
      (await agent.post('/admin/users').set('Sec-Fetch-Site', 'same-site').type('form').send(form)).status,
    ).toBe(403);
    // Sec-Fetch-Site outranks a forged Origin.
    const forged = await agent
      .post('/admin/users')
      .set('Origin', `http://${'127.0.0.1'}`)
      .set('Sec-Fetch-Site', 'cross-site');
    expect(forged.status).toBe(403);
  });

  it('accepts our own form sent with Origin: null, as browsers do under no-referrer', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const form = {
      _csrf: csrf,
      displayName: 'Null Origin',
      email: 'null.origin@example.org',
      role: 'caseworker',
    };
    const res = await agent.post('/admin/users').set('Origin', 'null').type('form').send(form);
    expect(res.status).toBe(201);
    const noToken = await agent
      .post('/admin/users')
      .set('Origin', 'null')
      .type('form')
      .send({ displayName: 'X', email: 'x.null@example.org', role: 'caseworker' });
    expect(noToken.status).toBe(403);
  });

  it('accepts a same-origin request from a browser', async () => {
    const admin = await addUser(t.app, 'admin');
    const { agent, csrf } = await signIn(t.app, admin);
    const res = await agent
      .post('/admin/users')
      .set('Host', 'waypost.example.org')
      .set('Origin', 'http://waypost.example.org')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Same', email: 'same.origin@example.org', role: 'caseworker' });
    expect(res.status).toBe(201);
  });

  it('protects signed-out forms too, with a token bound to a cookie', async () => {
    const user = await addUser(t.app, 'caseworker');
    const bare = await request(t.app.server)
      .post('/sign-in')
      .type('form')
      .send({ email: user.email, password: user.password });
    expect(bare.status).toBe(403);
    const { agent, csrf } = await anonymous(t.app);
    expect(
      (
        await agent
          .post('/sign-in')
          .type('form')
          .send({ _csrf: csrf, email: user.email, password: user.password })
      ).status,
    ).toBe(303);
  });
});

describe('response headers', () => {
  it('sends a strict CSP and privacy headers, and no-store on signed-in pages', async () => {
    const { agent } = await signIn(t.app, await addUser(t.app, 'caseworker'));
    const res = await agent.get('/account');
    const csp = res.headers['content-security-policy'];
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('pages load nothing from anywhere but the app', async () => {
    const { agent } = await signIn(t.app, await addUser(t.app, 'admin'));
    for (const path of ['/', '/account', '/admin/users', '/admin/users/new', '/admin/audit']) {
      const html = (await agent.get(path)).text;
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<script(?![^>]*src="\/static\/)/);
      expect(html).not.toMatch(/ style="/);
    }
  });

  it('serves its own stylesheet', async () => {
    const res = await request(t.app.server).get('/static/app.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/css/);
    expect((await request(t.app.server).get('/static/..%2Fpackage.json')).status).toBe(404);
  });
});

describe('error pages', () => {
  it('render a friendly 404 with no internal detail', async () => {
    const res = await request(t.app.server).get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Page not found');
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('render a friendly 500 with a reference and no stack, and log the detail without personal data', async () => {
    const broken = await testApp({
      env: { NODE_ENV: 'development', LOG_LEVEL: 'info' },
      logStream: new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    });
    const { agent } = await signIn(broken.app, await addUser(broken.app, 'admin'));
    // A real failure inside the database: the users list's query names a column that is gone.
    await ownerExecute(
      broken.app,
      { DATABASE_URL: broken.config.databaseUrl, DATABASE_MIGRATION_URL: broken.config.migrationUrl },
      'alter table users rename column display_name to display_name_gone',
    );
    const res = await agent.get('/admin/users');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('Something went wrong');
    const reference = /<code>([\w-]+)<\/code>/.exec(res.text)?.[1]; // the reference
    expect(reference).toBeDefined();
    expect(res.text).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/);
    // The log line under that reference names the error's class, its message (no values) and its stack.
    const line = logLines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'request failed' && l.reference === reference);
    expect(line.err.type).toBe('DrizzleQueryError');
    expect(line.err.message).toMatch(/^Failed query: select .*"users"/);
    expect(line.err.cause).toMatchObject({ code: '42703', message: expect.stringContaining('display_name') });
    expect(line.err.stack).toMatch(/^\s+at .+/);
    expect(JSON.stringify(line)).not.toContain('@example.org');
    await broken.close();
  });
});

describe('logs', () => {
  it('hold no passwords, cookies, emails, form bodies or query strings', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await anonymous(t.app);
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    await agent.get('/account?q=Sparrow-pseudonym');
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('"route":"/sign-in"');
    for (const secret of [user.password, user.email, csrf, 'Sparrow-pseudonym', 'waypost_session']) {
      expect(log).not.toContain(secret);
    }
  });

  it('drop the values a database error carries', () => {
    const err = new Error(
      'Failed query: insert into "users" ("email") values ($1)\nparams: ivan.secret@example.org',
    );
    const logged = JSON.stringify(safeError(err));
    expect(logged).toContain('Failed query: insert into');
    expect(logged).not.toContain('ivan.secret');
  });
});

describe('health', () => {
  it('answers 200 with the database reachable and 503 without', async () => {
    const h = await testApp();
    expect((await request(h.app.server).get('/healthz')).status).toBe(200);
    await h.app.database.close();
    const down = await request(h.app.server).get('/healthz');
    expect(down.status).toBe(503);
    await h.close();
    expect(csrfFrom('<input name="_csrf" value="abc">')).toBe('abc');
  });
});
