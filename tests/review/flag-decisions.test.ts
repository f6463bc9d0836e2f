// An upheld flag is marked on the case page as a cleared one is: a badge, then who, when and why (issue 14,
// item 14). Clearing it afterwards shows the clearance instead; upholding a cleared flag raises it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cw: Agent;
let sup: Agent;
let supUser: TestUser;
let url: string;
const nameOf = (u: TestUser) => `${u.role} ${/\d+/.exec(u.email)![0]}`;

async function decide(action: 'uphold_flag' | 'clear_flag', flag: string, reason: string) {
  const page = await sup.get(`${url}/decide/${action}?flag=${flag}`);
  expect(page.status, page.text.slice(0, 300)).toBe(200);
  const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
  const res = await sup
    .post(`${url}/decide/${action}`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), _version: version, flagId: flag, reason });
  expect(res.status, res.text.slice(0, 1500)).toBe(303);
}

/** The flag's entry on the case page. */
const flagItem = (html: string, title: string) => {
  const at = html.indexOf(`<strong>${title}</strong>`);
  return html.slice(html.lastIndexOf('<li class="flag', at), html.indexOf('</li>', at));
};

beforeAll(async () => {
  t = await testApp();
  cw = (await signIn(t.app, await addUser(t.app, 'caseworker'))).agent;
  supUser = await addUser(t.app, 'supervisor');
  sup = (await signIn(t.app, supUser)).agent;
  url = await enterCaseThroughForms(cw, fixture('bucha-unit'));
  // Entering a case through every form takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe('a decision on a flag, on the case page', () => {
  const title = 'Unit linked to atrocities, present in the window';

  it('an upheld flag carries a badge and who upheld it, when and why, for everyone who sees the case', async () => {
    t.clock.now = new Date('2026-11-23T10:15:00Z');
    await decide(
      'uphold_flag',
      'UNIT_IMPLICATED',
      'The unit was in Bucha in March 2022; his account is vague.',
    );
    for (const agent of [cw, sup]) {
      const item = flagItem((await agent.get(url)).text, title);
      expect(item).toMatch(/^<li class="flag upheld">/);
      expect(item).toContain('<span class="badge badge-upheld">upheld</span>');
      expect(item).toContain(
        `Upheld by ${nameOf(supUser)} on 23 Nov 2026, 10:15 UTC: The unit was in Bucha in March 2022; his account is vague.`,
      );
      expect(item).not.toContain('>cleared<');
    }
  });

  it('a later clearance replaces the mark, and upholding again brings it back', async () => {
    t.clock.now = new Date('2026-11-24T09:00:00Z');
    await decide('clear_flag', 'UNIT_IMPLICATED', 'Two colleagues confirm he stayed with the column.');
    let item = flagItem((await sup.get(url)).text, title);
    expect(item).toMatch(/^<li class="flag cleared">/);
    expect(item).toContain('Cleared by');
    expect(item).not.toContain('Upheld by');
    t.clock.now = new Date('2026-11-25T09:00:00Z');
    await decide('uphold_flag', 'UNIT_IMPLICATED', 'A new witness places him in the town.');
    item = flagItem((await sup.get(url)).text, title);
    expect(item).toMatch(/^<li class="flag upheld">/);
    expect(item).toContain('Upheld by');
    expect(item).toContain('A new witness places him in the town.');
  });
});
