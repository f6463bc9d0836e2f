// The case list: who sees which cases, search, filters, both sort orders, pages, and what the page never shows.
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema';
import { createCase, importCase } from '../../server/cases/repository';
import { likePattern, readListQuery } from '../../server/cases/repository/list-query';
import { listHref, pageWindow } from '../../server/routes/case-list';
import { type Agent, addUser, anonymous, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cwA: TestUser;
let cwB: TestUser;
let sup: TestUser;
let admin: TestUser;
let asA: Agent;
let asB: Agent;
let asSup: Agent;
const logLines: string[] = [];
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

/** The references listed on a page, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/cases\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);

async function addCase(
  name: string,
  assignee: TestUser,
  opts: { pseudonym: string; fullName?: string; stayEndsOn?: string | null; complete?: boolean },
) {
  t.clock.advance(60_000); // each case changes a minute after the one before
  const ctx = { assignedTo: assignee.id, actorId: assignee.id, now: t.clock.now };
  let created: { id: string; reference: string };
  if (opts.complete === false) {
    created = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: opts.pseudonym, citizenships: ['RU'] },
      ...ctx,
    });
  } else {
    const file = fixture('anton');
    delete file.reference;
    file.person.pseudonym = opts.pseudonym;
    if (opts.fullName) file.person.fullName = opts.fullName;
    if (opts.stayEndsOn === null) delete file.currentStay.stayEndsOn;
    else if (opts.stayEndsOn) file.currentStay.stayEndsOn = opts.stayEndsOn;
    created = await importCase(t.app.db, t.app.keyRing, file, ctx);
  }
  ids[name] = created.id;
  refs[name] = created.reference;
}

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await testApp({ env: { NODE_ENV: 'development', LOG_LEVEL: 'info' }, logStream });
  t.clock.now = new Date('2026-11-22T09:00:00Z');
  cwA = await addUser(t.app, 'caseworker');
  cwB = await addUser(t.app, 'caseworker');
  sup = await addUser(t.app, 'supervisor');
  admin = await addUser(t.app, 'admin');
  await addCase('sparrow', cwA, {
    pseudonym: 'Sparrow',
    fullName: 'Ivan Secretname',
    stayEndsOn: '2026-12-01',
  });
  await addCase('heron', cwA, { pseudonym: 'Grey Heron', stayEndsOn: null });
  await addCase('finch', cwB, { pseudonym: 'Finch', stayEndsOn: '2026-11-01' });
  await addCase('percent', cwB, { pseudonym: '100% Owl', stayEndsOn: '2027-06-01' });
  await addCase('draft', cwB, { pseudonym: 'Wren', complete: false });
  await t.app.db.update(cases).set({ status: 'verification' }).where(eq(cases.id, ids.finch!));
  // One case with a different recommendation and risk, so each filter has something to leave out.
  await t.app.db
    .update(cases)
    .set({ action: 'urgent_protection', riskLevel: 'critical', riskRank: 4 })
    .where(eq(cases.id, ids.heron!));
  asA = (await signIn(t.app, cwA)).agent;
  asB = (await signIn(t.app, cwB)).agent;
  asSup = (await signIn(t.app, sup)).agent;
});
afterAll(() => t.close());

describe('who sees the list', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const { agent } = await anonymous(t.app);
    const res = await agent.get('/cases?q=Sparrow');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it('shows a caseworker only the cases assigned to them', async () => {
    const a = await asA.get('/cases');
    expect(a.status).toBe(200);
    expect(listed(a.text).sort()).toEqual([refs.sparrow, refs.heron].sort());
    expect(a.text).not.toContain('Finch');
    const b = await asB.get('/cases');
    expect(listed(b.text).sort()).toEqual([refs.finch, refs.percent, refs.draft].sort());
    expect(b.text).not.toContain('Sparrow');
  });

  it("ignores a caseworker's assignee filter: it cannot widen what they see", async () => {
    const res = await asA.get(`/cases?assignee=${cwB.id}`);
    expect(listed(res.text).sort()).toEqual([refs.sparrow, refs.heron].sort());
    expect(res.text).not.toContain('name="assignee"');
  });

  it('shows supervisors and admins every case, with who holds it', async () => {
    const res = await asSup.get('/cases');
    expect(listed(res.text)).toHaveLength(5);
    expect(res.text).toContain('name="assignee"');
    const asAdmin = (await signIn(t.app, admin)).agent;
    expect(listed((await asAdmin.get('/cases')).text)).toHaveLength(5);
  });

  it('names people by pseudonym only', async () => {
    const res = await asSup.get('/cases');
    expect(res.text).toContain('Sparrow');
    expect(res.text).not.toContain('Secretname');
    expect(res.text).not.toContain('Ivan');
  });

  it('puts Cases in the navigation for every role, right after Home', async () => {
    for (const agent of [asA, asSup]) {
      const home = await agent.get('/');
      expect(home.text).toMatch(/<a href="\/"[^>]*>Home<\/a><\/li>\s*<li><a href="\/cases">Cases<\/a>/);
    }
    const res = await asA.get('/cases');
    expect(res.text).toContain('<a href="/cases" aria-current="page">Cases</a>');
  });

  it('links each case to its page and offers a new case and the import form', async () => {
    const res = await asA.get('/cases');
    expect(res.text).toContain(`href="/cases/${ids.sparrow}"`);
    expect(res.text).toContain('href="/cases/new"');
    expect(res.text).toContain('action="/cases/import"');
    expect(res.text).toContain('enctype="multipart/form-data"');
  });
});

describe('search and filters', () => {
  it('finds by part of a pseudonym, in any case', async () => {
    expect(listed((await asSup.get('/cases?q=heRO')).text)).toEqual([refs.heron]);
    expect(listed((await asSup.get('/cases?q=%20sparrow%20')).text)).toEqual([refs.sparrow]);
  });

  it('finds by part of a reference', async () => {
    const tail = refs.finch!.slice(-4);
    expect(listed((await asSup.get(`/cases?q=${tail}`)).text)).toEqual([refs.finch]);
    expect(listed((await asSup.get(`/cases?q=${refs.finch!.toLowerCase()}`)).text)).toEqual([refs.finch]);
  });

  it('searches for % and _ literally', async () => {
    expect(listed((await asSup.get('/cases?q=100%25')).text)).toEqual([refs.percent]);
    expect(listed((await asSup.get('/cases?q=%25')).text)).toEqual([refs.percent]);
    expect(listed((await asSup.get('/cases?q=_')).text)).toEqual([]);
    expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
  });

  it("search stays within the caseworker's own cases", async () => {
    expect(listed((await asA.get('/cases?q=finch')).text)).toEqual([]);
  });

  it('filters by status', async () => {
    expect(listed((await asSup.get('/cases?status=verification')).text)).toEqual([refs.finch]);
    expect(listed((await asSup.get('/cases?status=closed')).text)).toEqual([]);
  });

  it('filters by assignee, or by nobody', async () => {
    const res = await asSup.get(`/cases?assignee=${cwA.id}`);
    expect(listed(res.text).sort()).toEqual([refs.sparrow, refs.heron].sort());
    await t.app.db.update(cases).set({ assignedTo: null }).where(eq(cases.id, ids.percent!));
    try {
      expect(listed((await asSup.get('/cases?assignee=none')).text)).toEqual([refs.percent]);
    } finally {
      await t.app.db.update(cases).set({ assignedTo: cwB.id }).where(eq(cases.id, ids.percent!));
    }
  });

  it('filters by recommendation and risk level, including cases not assessed yet', async () => {
    const rows = await t.app.db.select().from(cases);
    const refsWhere = (test: (r: (typeof rows)[number]) => boolean) =>
      rows
        .filter(test)
        .map((r) => r.reference)
        .sort();
    const assessed = rows.filter((r) => r.action);
    expect(assessed).toHaveLength(4);
    expect(new Set(assessed.map((r) => r.action)).size).toBeGreaterThan(1);
    for (const { action, riskLevel } of assessed) {
      const byAction = listed((await asSup.get(`/cases?action=${action}`)).text).sort();
      expect(byAction).toEqual(refsWhere((r) => r.action === action));
      const byRisk = listed((await asSup.get(`/cases?risk=${riskLevel}`)).text).sort();
      expect(byRisk).toEqual(refsWhere((r) => r.riskLevel === riskLevel));
      const both = listed((await asSup.get(`/cases?risk=${riskLevel}&action=${action}`)).text).sort();
      expect(both).toEqual(refsWhere((r) => r.riskLevel === riskLevel && r.action === action));
    }
    expect(listed((await asSup.get('/cases?action=none')).text)).toEqual([refs.draft]);
    expect(listed((await asSup.get('/cases?risk=none')).text)).toEqual([refs.draft]);
    const unused = ['low', 'medium', 'high', 'critical'].find(
      (level) => !rows.some((r) => r.riskLevel === level),
    );
    if (unused) expect(listed((await asSup.get(`/cases?risk=${unused}`)).text)).toEqual([]);
  });

  it('combines filters', async () => {
    const res = await asSup.get(`/cases?assignee=${cwB.id}&status=verification&q=fin`);
    expect(listed(res.text)).toEqual([refs.finch]);
    expect(listed((await asSup.get(`/cases?assignee=${cwA.id}&status=verification`)).text)).toEqual([]);
  });

  it('ignores values it does not know instead of failing', async () => {
    for (const query of [
      'status=lost',
      'risk=extreme',
      'action=x',
      'assignee=bob',
      'sort=name',
      'page=-3',
      'page=abc',
    ]) {
      const res = await asSup.get(`/cases?${query}`);
      expect(res.status, query).toBe(200);
      expect(listed(res.text), query).toHaveLength(5);
    }
    const repeated = await asSup.get('/cases?status=verification&status=closed');
    expect(listed(repeated.text)).toEqual([refs.finch]);
  });

  it('keeps the chosen filters in the form', async () => {
    const res = await asSup.get('/cases?q=Heron&status=intake&sort=urgency');
    expect(res.text).toContain('name="q" type="search" value="Heron"');
    expect(res.text).toContain('<option value="intake" selected>');
    expect(res.text).toContain('<option value="urgency" selected>');
  });

  it('says when nothing matches', async () => {
    const res = await asSup.get('/cases?q=nobody-by-this-name');
    expect(res.text).toContain('No case matches these filters.');
    expect(res.text).toContain('0 cases');
  });
});

describe('sort order', () => {
  it('lists the most recently changed first by default', async () => {
    const res = await asSup.get('/cases');
    expect(listed(res.text)).toEqual([refs.draft, refs.percent, refs.finch, refs.heron, refs.sparrow]);
  });

  it('by urgency lists the stay ending soonest first and unknown ends last', async () => {
    const res = await asSup.get('/cases?sort=urgency');
    // finch ended 2026-11-01, sparrow ends 2026-12-01, percent 2027-06-01; heron and the draft have no end
    // date and follow, the more recently changed first.
    expect(listed(res.text)).toEqual([refs.finch, refs.sparrow, refs.percent, refs.draft, refs.heron]);
    expect(res.text).toMatch(/2026-11-01<\/time> <span class="stay-ended">ended<\/span>/);
    expect(res.text).toMatch(/2026-12-01<\/time> <span class="stay-soon">soon<\/span>/);
  });
});

describe('pages', () => {
  let pager: TestApp;
  let cw: TestUser;
  let agent: Agent;
  beforeAll(async () => {
    pager = await testApp();
    cw = await addUser(pager.app, 'caseworker');
    const start = pager.clock.now.getTime();
    await pager.app.db.insert(cases).values(
      Array.from({ length: 60 }, (_, i) => ({
        reference: `WP-2026-${String(i + 1).padStart(4, '0')}`,
        pseudonym: `Bird ${i + 1}`,
        assignedTo: cw.id,
        createdAt: new Date(start),
        updatedAt: new Date(start + i * 1000),
      })),
    );
    agent = (await signIn(pager.app, cw)).agent;
  });
  afterAll(() => pager.close());

  it('shows 25 a page with a count, links to the others and keeps the filters in them', async () => {
    const first = await agent.get('/cases?q=bird');
    expect(listed(first.text)).toHaveLength(25);
    expect(listed(first.text)[0]).toBe('WP-2026-0060');
    expect(first.text).toContain('60 cases');
    expect(first.text).toContain('Showing 1–25 of 60.');
    expect(first.text).toContain('href="/cases?q=bird&amp;page=2" rel="next"');
    expect(first.text).toContain('href="/cases?q=bird&amp;page=3" aria-label="Page 3"');
    expect(first.text).not.toContain('rel="prev"');

    const last = await agent.get('/cases?q=bird&page=3');
    expect(listed(last.text)).toHaveLength(10);
    expect(listed(last.text).at(-1)).toBe('WP-2026-0001');
    expect(last.text).toContain('Showing 51–60 of 60.');
    expect(last.text).toContain('href="/cases?q=bird&amp;page=2" rel="prev"');
    expect(last.text).toContain('aria-current="page" aria-label="Page 3, current page"');
    expect(last.text).not.toContain('rel="next"');
  });

  it('shows the last page for a page number past the end', async () => {
    const res = await agent.get('/cases?page=99');
    expect(listed(res.text)).toHaveLength(10);
    expect(res.text).toContain('Showing 51–60 of 60.');
  });

  it('no page overlaps another and together they hold every case once', async () => {
    const seen: string[] = [];
    for (const sort of ['updated', 'urgency']) {
      seen.length = 0;
      for (let page = 1; page <= 3; page++)
        seen.push(...listed((await agent.get(`/cases?sort=${sort}&page=${page}`)).text));
      expect(new Set(seen).size, sort).toBe(60);
    }
  });

  it('numbers pages around the current one, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 400)).toEqual([1, null, 8, 9, 10, 11, 12, null, 400]);
    expect(pageWindow(400, 400)).toEqual([1, null, 398, 399, 400]);
    expect(pageWindow(4, 400)).toEqual([1, 2, 3, 4, 5, 6, null, 400]);
  });

  it('builds links with only what differs from the defaults', () => {
    expect(listHref(readListQuery({}))).toBe('/cases');
    expect(listHref(readListQuery({ sort: 'urgency', page: '2', risk: 'high' }))).toBe(
      '/cases?risk=high&sort=urgency&page=2',
    );
  });
});

describe('in Russian, and what leaves the page', () => {
  it('labels everything in Russian, with Russian plurals', async () => {
    const { agent, csrf } = await signIn(t.app, cwB);
    await agent.post('/language').type('form').send({ _csrf: csrf, locale: 'ru', next: '/cases' });
    const res = await agent.get('/cases');
    expect(res.text).toContain('<h1>Дела</h1>');
    expect(res.text).toContain('3 дела');
    expect(res.text).toContain('Ещё не оценено');
    expect(res.text).toContain('Проверка'); // finch's status
    expect(res.text).not.toMatch(/>Cases</);
    await agent.post('/language').type('form').send({ _csrf: csrf, locale: 'en', next: '/cases' });
  });

  it('keeps search terms out of the logs and out of the page title', async () => {
    logLines.length = 0;
    const res = await asSup.get('/cases?q=Sparrow');
    expect(res.text).toMatch(/<title>Cases · /);
    expect(res.text).not.toMatch(/<title>[^<]*Sparrow/);
    expect(logLines.join('')).toContain('/cases');
    expect(logLines.join('')).not.toContain('Sparrow');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
