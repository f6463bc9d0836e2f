// The case page lists its sections as in-page links; the case list folds its filters behind a disclosure on
// a phone, without script (issue 14, item 18).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { enterCaseThroughForms } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let agent: Agent;
let caseUrl: string;

beforeAll(async () => {
  t = await testApp();
  agent = (await signIn(t.app, await addUser(t.app, 'caseworker'))).agent;
  caseUrl = await enterCaseThroughForms(agent, fixture('bucha-unit'));
  // Entering a case through every form takes a while on a busy machine.
}, 180_000);
afterAll(() => t.close());

describe('the case page', () => {
  it('opens with a labelled list of links to every section, each reaching its heading', async () => {
    const html = (await agent.get(caseUrl)).text;
    const nav = /<nav class="case-contents" aria-labelledby="([\w-]+)">([\s\S]*?)<\/nav>/.exec(html);
    expect(nav).not.toBeNull();
    expect(html).toContain(`<h2 id="${nav![1]}">On this page</h2>`);
    const targets = [...nav![2]!.matchAll(/<a href="#([\w-]+)">([^<]+)<\/a>/g)].map((m) => m[1]!);
    // Every section heading of the page is listed, in page order, and every link has its heading.
    const main = html.slice(html.indexOf('</nav>', html.indexOf('case-contents')));
    const headings = [...main.matchAll(/<h2 id="([\w-]+)"/g)].map((m) => m[1]!);
    expect(targets).toEqual(headings);
    expect(targets.length).toBeGreaterThan(6);
    expect(targets).toContain('h-assessment');
    expect(targets).toContain('h-timeline');
  });
});

describe('the case list on a phone', () => {
  it('folds the filters behind a disclosure, open only while one is in use', async () => {
    const plain = (await agent.get('/cases')).text;
    const folded =
      /<details class="case-filter-more">\s*<summary>Filters and order<\/summary>([\s\S]*?)<\/details>/.exec(
        plain,
      );
    expect(folded).not.toBeNull();
    for (const name of ['status', 'action', 'risk', 'sort']) expect(folded![1]).toContain(`name="${name}"`);
    // The search field stays outside: the thing most often used is never folded away.
    expect(folded![1]).not.toContain('name="q"');

    const posted = await agent
      .post('/cases/search')
      .type('form')
      .send({ _csrf: csrfFrom(plain), status: 'intake', sort: 'urgency' });
    const filtered = (await agent.get(posted.headers.location!)).text;
    expect(filtered).toMatch(
      /<details class="case-filter-more" open>\s*<summary>Filters and order \(2 in use\)/,
    );
  });

  it('shows them unfolded on wider screens, where the browser allows, with no script', () => {
    const css = readFileSync(join(import.meta.dirname, '../../views/static/app.css'), 'utf8');
    expect(css).toMatch(
      /@supports selector\(::details-content\)\s*\{\s*@media \(min-width: [\d.]+rem\)\s*\{\s*\.case-filter-more > summary\s*\{\s*display: none;/,
    );
  });
});
