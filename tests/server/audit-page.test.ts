// The admin's audit page and a case's history read as sentences with names and references, never action
// codes, JSON or id prefixes; the audit page filters by user, case reference, action and date on the server,
// a page at a time, with nothing but ids, references, codes and dates in its URL (issue 14, item 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let caseworker: TestUser;
let asAdmin: Agent;
let asSupervisor: Agent;
let caseUrl: string;
let reference: string;
const nameOf = (u: TestUser) => `${u.role} ${/\d+/.exec(u.email)![0]}`;

/** The audit table's rows as [who, what, on] text. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr>\s*<td>\d+<\/td>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
      .slice(1)
      .map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );
// What the pages must never show: action codes, JSON, the first characters of an id (the action filter's
// option values are codes, and are not shown).
const shown = (html: string) => html.replace(/<[^>]+>/g, ' ');
const codes = /case\.[a-z_]+|auth\.[a-z_]+|user\.[a-z_]+|form:|\{&quot;|\b[0-9a-f]{8}\b/;

beforeAll(async () => {
  t = await testApp();
  caseworker = await addUser(t.app, 'caseworker');
  const supervisor = await addUser(t.app, 'supervisor');
  const admin = await addUser(t.app, 'admin');
  caseUrl = await enterCaseThroughForms((await signIn(t.app, caseworker)).agent, fixture('bucha-unit'));
  asSupervisor = (await signIn(t.app, supervisor)).agent;
  const page = await asSupervisor.get(caseUrl);
  reference = /WP-\d{4}-\d{4}/.exec(page.text)![0];
  asAdmin = (await signIn(t.app, admin)).agent;
  // Entering a case through every form takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe('the case history', () => {
  it('tells each entry as a sentence with the person’s name', async () => {
    const res = await asSupervisor.get(`${caseUrl}/history`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Created the case');
    expect(res.text).toContain('Viewed the Service form');
    expect(res.text).toMatch(/Saved the [A-Z][a-z]+/);
    expect(res.text).toContain(nameOf(caseworker));
    expect(shown(res.text)).not.toMatch(codes);
  });
});

describe('the audit page', () => {
  it('names people and cases, and says what happened', async () => {
    const res = await asAdmin.get('/admin/audit');
    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toContainEqual([nameOf(caseworker), 'Created the case', reference]);
    expect(rows).toContainEqual([nameOf(caseworker), 'Signed in', '']);
    expect(shown(res.text)).not.toMatch(codes);
  });

  it('filters by user: what they did', async () => {
    const rows = rowsOf((await asAdmin.get(`/admin/audit?user=${caseworker.id}`)).text);
    expect(rows.length).toBeGreaterThan(5);
    for (const [who] of rows) expect(who).toBe(nameOf(caseworker));
  });

  it('filters by case reference, typed in any case', async () => {
    const res = await asAdmin.get(`/admin/audit?case=${reference.toLowerCase()}`);
    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    expect(rows.length).toBeGreaterThan(5);
    for (const [, , on] of rows) expect(on).toBe(reference);
    expect(res.text).toContain(`value="${reference}"`);
  });

  it('filters by action and by date', async () => {
    const saved = rowsOf(
      (await asAdmin.get(`/admin/audit?action=case.section_saved&case=${reference}`)).text,
    );
    expect(saved.length).toBeGreaterThan(3);
    for (const [, what] of saved) expect(what).toMatch(/^Saved the /);
    const today = t.clock.now.toISOString().slice(0, 10);
    const tomorrow = new Date(t.clock.now.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(rowsOf((await asAdmin.get(`/admin/audit?from=${today}&to=${today}`)).text).length).toBeGreaterThan(
      5,
    );
    const none = await asAdmin.get(`/admin/audit?from=${tomorrow}`);
    expect(rowsOf(none.text)).toEqual([]);
    expect(none.text).toContain('No entry matches these filters.');
  });

  it('says beside the field what it cannot read, and never answers 500', async () => {
    const cases = [
      ['case=%D0%98%D0%B2%D0%B0%D0%BD', 'letters, digits and dashes only'],
      ['case=WP-1999-9999', 'No case has this reference.'],
      ['from=2026-02-30', 'Enter a day as 2026-12-31.'],
      ['from=2026-12-02&to=2026-12-01', 'The last day is before the first day.'],
      ['action=case.teleported', 'Choose an action from the list.'],
      ['user=bob', 'Choose a user from the list.'],
    ];
    for (const [query, message] of cases) {
      const res = await asAdmin.get(`/admin/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.text, query).toMatch(new RegExp(`<p class="error" id="f-\\w+-error">[^<]*${message}`));
      expect(res.text, query).toContain('aria-invalid="true"');
    }
  });

  it('pages through older entries keeping the filter, with only ids, references and dates in links', async () => {
    for (let i = 0; i < 30; i++) await asSupervisor.get(caseUrl);
    const first = await asAdmin.get(`/admin/audit?case=${reference}`);
    expect(rowsOf(first.text)).toHaveLength(50);
    const next = /href="(\/admin\/audit\?case=[^"]+&amp;before=\d+)" rel="next"/.exec(first.text)![1]!;
    const second = await asAdmin.get(next.replaceAll('&amp;', '&'));
    const ids = (html: string) => [...html.matchAll(/<tr>\s*<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(Math.max(...ids(second.text))).toBeLessThan(Math.min(...ids(first.text)));
    for (const [, , on] of rowsOf(second.text)) expect(on).toBe(reference);
    expect(first.text).toMatch(/<form class="case-filters" method="get" action="\/admin\/audit"/);
    const names = [...first.text.matchAll(/<(?:input|select) id="f-\w+" name="(\w+)"/g)].map((m) => m[1]);
    expect(names.sort()).toEqual(['action', 'case', 'from', 'to', 'user']);
  });
});
