// The search term (often a pseudonym) never travels in a URL: not in the list's address or its links, not in
// a redirect's Location, not in the sign-in redirect's `next`, not in the access log (issue 15, item 9).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, addUser, anonymous, signIn, type TestApp, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

const PSEUDONYM = 'Kestrelwing';
let t: TestApp;
let sup: { agent: Agent; csrf: string };
let other: { agent: Agent; csrf: string };
const logLines: string[] = [];
const locations: string[] = [];

/** Every Location a response answers, kept to be read at the end. */
const track = <T extends { headers: Record<string, string> }>(res: T): T => {
  if (res.headers.location) locations.push(res.headers.location);
  return res;
};
const search = async (who: { agent: Agent; csrf: string }, fields: Record<string, string>) =>
  track(
    await who.agent
      .post('/cases/search')
      .type('form')
      .send({ _csrf: who.csrf, ...fields }),
  );

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await testApp({ env: { NODE_ENV: 'development', LOG_LEVEL: 'info' }, logStream });
  const file = fixture('bucha-unit');
  file.person.pseudonym = PSEUDONYM;
  const caseworker = await addUser(t.app, 'caseworker');
  await enterCaseThroughForms((await signIn(t.app, caseworker)).agent, file);
  sup = await signIn(t.app, await addUser(t.app, 'supervisor'));
  other = await signIn(t.app, await addUser(t.app, 'supervisor'));
  // Entering a case through every form takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe('searching the case list', () => {
  let listUrl: string;

  it('posts the form and answers a list address naming the search by an opaque id', async () => {
    const list = await sup.agent.get('/cases');
    expect(list.text).toMatch(/<form class="case-filters" method="post" action="\/cases\/search"/);
    const res = await search(sup, { q: 'kestrel', status: 'intake' });
    expect(res.status).toBe(303);
    listUrl = res.headers.location!;
    expect(listUrl).toMatch(/^\/cases\?search=[\w-]{16}&status=intake$/);
    const page = await sup.agent.get(listUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain(PSEUDONYM);
    expect(page.text).toContain('value="kestrel"'); // the form keeps what was typed
    expect(page.text).not.toMatch(/href="[^"]*kestrel/i);
  });

  it('a term typed into the address is replaced at once by its id', async () => {
    const res = track(await sup.agent.get('/cases?q=Kestrel&sort=urgency'));
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/cases\?search=[\w-]{16}&sort=urgency$/);
    expect((await sup.agent.get(res.headers.location!)).text).toContain(PSEUDONYM);
  });

  it('the id means nothing to another user, nor after 30 minutes', async () => {
    const stranger = await other.agent.get(listUrl);
    expect(stranger.status).toBe(200);
    expect(stranger.text).toContain('Your search has expired');
    expect(stranger.text).not.toContain('value="kestrel"');
    // The session stays alive (it slides on use); the search does not.
    t.clock.advance(29 * 60_000);
    expect((await sup.agent.get('/account')).status).toBe(200);
    t.clock.advance(2 * 60_000);
    const late = await sup.agent.get(listUrl);
    expect(late.text).toContain('Your search has expired');
    expect(late.text).not.toContain('value="kestrel"');
  });

  it('sign-in after the session ended keeps the path only in `next`', async () => {
    const { agent } = await anonymous(t.app);
    const res = track(await agent.get(`${listUrl}&page=2`));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fcases');
    const legacy = track(await agent.get('/cases?q=Kestrelwing'));
    expect(legacy.headers.location).toBe('/sign-in?next=%2Fcases');
  });

  it('no Location header and no log line ever held the term', () => {
    expect(locations.length).toBeGreaterThan(3);
    for (const location of locations) expect(location).not.toMatch(/kestrel/i);
    const log = logLines.join('');
    expect(log).toContain('/cases/search');
    expect(log).not.toMatch(/kestrel/i);
  });
});
