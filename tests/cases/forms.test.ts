import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { evaluate } from '../../rules/evaluate';
import { assemble } from '../../server/cases/parts';
import { loadCase, todayOf } from '../../server/cases/repository';
import { addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { enterCaseThroughForms, submitForm } from '../helpers/case-forms';
import { fixture, validFixtures } from '../helpers/fixtures';

let t: TestApp;
let cw: TestUser;
let agent: Awaited<ReturnType<typeof signIn>>['agent'];
beforeAll(async () => {
  t = await testApp();
  cw = await addUser(t.app, 'caseworker');
  ({ agent } = await signIn(t.app, cw));
});
afterAll(() => t.close());

const caseId = (url: string) => url.split('/').pop()!;

describe('entering a case through the forms alone', () => {
  it.each(validFixtures())(
    '%s: every field lands, and the page shows the assessment the CLI gives',
    async (_name, file) => {
      const url = await enterCaseThroughForms(agent, file);
      const loaded = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!;
      const back = assemble(loaded.parts, loaded.row.reference);
      expect(back.ok).toBe(true);
      const { reference: _r, review: _review, ...entered } = back.ok ? back.file : ({} as never);
      const { reference: _r2, review: _review2, ...original } = file;
      expect(entered).toEqual(original);

      const page = await agent.get(url);
      expect(page.status).toBe(200);
      const cli = evaluate({ ...file, review: undefined }, todayOf(t.clock.now));
      const { labels } = await import('../../rules/labels');
      const { flagTitle } = await import('../../rules/titles');
      expect(page.text).toContain(`<strong>${labels.en.actions[cli.recommendation.action]}</strong>`);
      expect(page.text).toContain(`<strong>${labels.en.riskLevels[cli.riskLevel]}</strong>`);
      const html = (text: string) =>
        text.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
      for (const flag of cli.flags) expect(page.text).toContain(html(flagTitle(flag.id, 'en')));
      for (const item of cli.checklist) expect(page.text).toContain(html(item.label));
    },
  );

  it('the anton fixture entered by hand gets the same assessment as its file (cleared flags aside)', async () => {
    const file = fixture('anton');
    const url = await enterCaseThroughForms(agent, file);
    const loaded = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!;
    const back = assemble(loaded.parts);
    const today = todayOf(t.clock.now);
    expect(back.ok && evaluate(back.file, today)).toEqual(evaluate({ ...file, review: undefined }, today));
  });
});

describe('a new case', () => {
  it('lists the sections still needed before the rules can assess it, each linked to its form', async () => {
    const res = await submitForm(agent, '/cases/new', { pseudonym: 'Heron', citizenships: ['RU', '', ''] });
    const page = await agent.get(String(res.headers.location));
    expect(page.text).toContain('The rules assess the case once these sections are filled in');
    for (const form of ['service', 'desertion', 'persecution', 'currentStay', 'screening']) {
      expect(page.text).toContain(`${res.headers.location}/edit/${form}`);
    }
  });

  it('shows errors beside the fields and keeps what was typed', async () => {
    const res = await submitForm(agent, '/cases/new', { pseudonym: '', citizenships: ['XX', '', ''] });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-pseudonym-error">Fill this in/);
    expect(res.text).toMatch(/id="f-citizenships-error">Choose a country from the list/);
  });
});

describe('section forms', () => {
  let url: string;
  beforeAll(async () => {
    url = await enterCaseThroughForms(agent, fixture('sparrow'));
  });

  it('a bad date, a bad choice and a missing field each get a message beside the field; typing survives', async () => {
    const res = await submitForm(agent, `${url}/edit/service`, {
      serviceType: 'mobilised',
      branch: 'not-a-branch',
      unit: 'Typed unit name that must survive',
      unitNumber: '12a',
      rank: '',
      role: '',
      enlistedOn: '2022-02-30',
      coerced: 'yes',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-branch-error">Choose one of the options/);
    expect(res.text).toMatch(/id="f-role-error">Choose one of the options/);
    expect(res.text).toMatch(/id="f-enlistedOn-error">Enter a real date/);
    expect(res.text).toContain('value="Typed unit name that must survive"');
    expect(res.text).toContain('value="2022-02-30"');
    expect(res.text).toMatch(/aria-describedby="f-enlistedOn-error" aria-invalid="true"/);
  });

  it('a rule across fields (deployment end unless ongoing) is explained beside the field', async () => {
    const res = await submitForm(agent, `${url}/lists/deployments/new`, {
      from: '2022-03-01',
      to: '',
      region: 'kyiv',
      place: '',
      role: '',
      endedBy: 'rotation',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-to-error">Fill this in, unless the deployment is still going on/);
  });

  it('refuses fields the form does not have (no mass assignment)', async () => {
    const res = await submitForm(agent, `${url}/edit/screening`, {
      witnessedAbuses: 'no',
      admitsParticipation: 'no',
      assignedTo: 'someone-else',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('The form contained fields it should not have');
  });

  it('adds, edits and removes list entries without JavaScript', async () => {
    const before = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.knowledgeChecks.length;
    await submitForm(agent, `${url}/lists/knowledgeChecks/new`, {
      topic: 'Memorial at the gate',
      result: 'consistent',
    });
    await submitForm(agent, `${url}/lists/knowledgeChecks/${before}`, {
      topic: 'Memorial at the gate, east side',
      result: 'inconsistent',
    });
    let checks = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.knowledgeChecks;
    expect(checks[before]).toEqual({ topic: 'Memorial at the gate, east side', result: 'inconsistent' });
    const confirm = await agent.get(`${url}/lists/knowledgeChecks/${before}/remove`);
    expect(confirm.text).toContain('Memorial at the gate, east side');
    const removed = await submitForm(agent, `${url}/lists/knowledgeChecks/${before}/remove`, {});
    expect(removed.status).toBe(303);
    checks = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.knowledgeChecks;
    expect(checks).toHaveLength(before);
  });

  it('a removal confirmed from a stale page is not carried out on a list that changed meanwhile', async () => {
    const listUrl = `${url}/lists/interviews`;
    const before = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.interviews;
    const confirm = await agent.get(`${listUrl}/0/remove`);
    await submitForm(agent, `${listUrl}/new`, { on: '2026-11-02', language: 'ru', minutes: '45' });
    const res = await agent
      .post(`${listUrl}/0/remove`)
      .type('form')
      .send({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(confirm.text)![1]!,
        _version: /name="_version" value="(\d+)"/.exec(confirm.text)![1]!,
      });
    expect(res.status).toBe(409);
    expect(res.text).toContain('This list changed since you opened it');
    const after = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.interviews;
    expect(after).toHaveLength(before.length + 1);
  });

  it('a save from a stale form gets the conflict page with both versions and the typed values', async () => {
    const formUrl = `${url}/edit/desertion`;
    const stale = await agent.get(formUrl);
    const other = await signIn(t.app, await addUser(t.app, 'supervisor'));
    const theirs = await submitForm(other.agent, formUrl, {
      kind: 'deserter',
      leftOn: '2022-09-26',
      manner: 'awol_from_base',
      statement: 'Saved first by the supervisor',
    });
    expect(theirs.status).toBe(303);
    const version = /name="_version" value="(\d+)"/.exec(stale.text)![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(stale.text)![1]!;
    const mine = await agent.post(formUrl).type('form').send({
      _csrf: csrf,
      _version: version,
      kind: 'deserter',
      leftOn: '2022-09-26',
      manner: 'awol_from_base',
      statement: 'Typed by the caseworker meanwhile',
    });
    expect(mine.status).toBe(409);
    expect(mine.text).toContain('Someone else saved this meanwhile');
    expect(mine.text).toContain('Saved first by the supervisor');
    expect(mine.text).toContain('Typed by the caseworker meanwhile');
    const saved = (await loadCase(t.app.db, t.app.keyRing, caseId(url)))!.parts.desertion!.statement;
    expect(saved).toBe('Saved first by the supervisor');
    // Saving again from the conflict page keeps the caseworker's version.
    const again = await agent
      .post(formUrl)
      .type('form')
      .send({
        _csrf: csrf,
        _version: /name="_version" value="(\d+)"/.exec(mine.text)![1]!,
        kind: 'deserter',
        leftOn: '2022-09-26',
        manner: 'awol_from_base',
        statement: 'Typed by the caseworker meanwhile',
      });
    expect(again.status).toBe(303);
  });

  it('records views and changes on the audit log, naming the section but never the values', async () => {
    const id = caseId(url);
    const rows = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['case.created', 'case.section_saved', 'case.viewed']));
    expect(rows.find((r) => r.action === 'case.section_saved')?.detail).toHaveProperty('section');
    expect(JSON.stringify(rows)).not.toContain('Typed by the caseworker');
  });
});

describe('access to cases', () => {
  it('another caseworker gets 404 for the case, its forms and its saves; supervisors see it', async () => {
    const url = await enterCaseThroughForms(agent, fixture('volunteer'));
    const stranger = await signIn(t.app, await addUser(t.app, 'caseworker'));
    for (const path of [
      url,
      `${url}/edit/person`,
      `${url}/lists/documents/new`,
      `${url}/lists/documents/0`,
    ]) {
      expect((await stranger.agent.get(path)).status, path).toBe(404);
    }
    const post = await stranger.agent
      .post(`${url}/edit/screening`)
      .type('form')
      .send({ _csrf: stranger.csrf, _version: '1', witnessedAbuses: 'no', admitsParticipation: 'no' });
    expect(post.status).toBe(404);
    const supervisor = await signIn(t.app, await addUser(t.app, 'supervisor'));
    expect((await supervisor.agent.get(url)).status).toBe(200);
    expect((await supervisor.agent.get(`${url}/history`)).status).toBe(200);
    expect((await agent.get(`${url}/history`)).status).toBe(403);
  });
});
