// The page that shows an account's one-time link: readable whole, with a copy button whose script is the
// app's own (no inline script under the CSP), and a "link not saved?" path that tells the truth about a user
// who never had a password.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { type Agent, addUser, anonymous, signIn, type TestApp, testApp } from '../helpers/app';

let t: TestApp;
let admin: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = await testApp();
  admin = await signIn(t.app, await addUser(t.app, 'admin'));
});
afterAll(() => t.close());

const linkIn = (html: string) => /id="one-time-link"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';

async function invite(email: string) {
  const res = await admin.agent
    .post('/admin/users')
    .type('form')
    .send({ _csrf: admin.csrf, displayName: 'Nadia Invited', email, role: 'caseworker' });
  expect(res.status).toBe(201);
  const [user] = await t.app.db.select().from(users).where(eq(users.email, email));
  return { html: res.text, id: user!.id };
}

describe('the one-time link page', () => {
  it("shows the link whole, with a copy button run by the app's own script", async () => {
    const { html } = await invite('nadia@example.org');
    expect(linkIn(html)).toMatch(/^http:\/\/localhost:3000\/password\//);
    expect(html).toMatch(/<div class="link-row">\s*<input id="one-time-link" class="link-box"/);
    expect(html).toMatch(
      /<button type="button" class="button" data-copy="one-time-link" data-copied="Link copied\." hidden>Copy link<\/button>/,
    );
    expect(html).toContain('<script src="/static/copy.js" defer></script>');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|onclick=/);
    const script = await admin.agent.get('/static/copy.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toContain('navigator.clipboard.writeText');
    const css = await admin.agent.get('/static/app.css');
    expect(css.text).toMatch(/\.link-row \.link-box \{[^}]*flex: 1 1 36rem/);
  });

  it('"link not saved?" for an invited user issues a new invitation, without speaking of an old password', async () => {
    const { html, id } = await invite('lost@example.org');
    const first = new URL(linkIn(html)).pathname;
    const userPage = await admin.agent.get(`/admin/users/${id}`);
    expect(userPage.text).toContain('Link not saved or lost?');
    expect(userPage.text).toContain('Issue a new link');
    expect(userPage.text).not.toContain('Reset password');
    const again = await admin.agent.post(`/admin/users/${id}/reset`).type('form').send({ _csrf: admin.csrf });
    expect(again.status).toBe(200);
    expect(again.text).toContain('has not set a password yet');
    expect(again.text).not.toMatch(/old password|no longer works and they were signed out/);
    const second = new URL(linkIn(again.text)).pathname;
    const { agent } = await anonymous(t.app);
    expect((await agent.get(first)).status).toBe(404);
    expect((await agent.get(second)).status).toBe(200);
  });

  it('a reset of a user who has a password still says the old one stops working', async () => {
    const user = await addUser(t.app, 'supervisor');
    const userPage = await admin.agent.get(`/admin/users/${user.id}`);
    expect(userPage.text).toContain('Reset password');
    const res = await admin.agent
      .post(`/admin/users/${user.id}/reset`)
      .type('form')
      .send({ _csrf: admin.csrf });
    expect(res.text).toContain('no longer works and they were signed out');
  });
});
