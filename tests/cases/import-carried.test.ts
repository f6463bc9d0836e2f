// Issue 14, item 2: an import never takes a decision in the importer's name. The clearances a file carries
// (review.clearedFlags) are kept as "cleared elsewhere: to be confirmed", with their origin, count as not
// cleared, and are confirmed only by a reviewer here: one at a time or all at once, on the record.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseCarriedDecisions, caseClearedFlags, cases } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { loadCase } from '../../server/cases/repository';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

type Who = { agent: Agent; csrf: string };
let t: TestApp;
let cwUser: TestUser;
let cw: Who;
let sup: Who;
beforeAll(async () => {
  t = await testApp();
  cwUser = await addUser(t.app, 'caseworker');
  cw = await signIn(t.app, cwUser);
  sup = await signIn(t.app, await addUser(t.app, 'supervisor'));
});
afterAll(() => t.close());

async function importAs(who: Who, file: unknown): Promise<{ url: string; id: string; reference: string }> {
  const res = await who.agent
    .post('/cases/import')
    .set('x-csrf-token', who.csrf)
    .set('content-type', 'application/json')
    .send(JSON.stringify(file));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { url: String(res.headers.location), id: res.body.id, reference: res.body.reference };
}
const rowOf = async (id: string) => (await t.app.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const clearedOf = async (id: string) =>
  (await t.app.db.select().from(caseClearedFlags).where(eq(caseClearedFlags.caseId, id))).map(
    (r) => r.flagId,
  );

/** anton's file says WANTED_TRAVEL_RISK (high) was cleared: with it, a referral; without, a supervisor. */
const anton = (): CaseFile => ({ ...fixture('anton'), reference: 'WP-2026-0042' });

describe('importing a file that carries clearances', () => {
  let imported: { url: string; id: string; reference: string };
  it('clears nothing: the flag stands, risk and action as if uncleared, and the queue sees the case', async () => {
    imported = await importAs(cw, anton());
    const row = await rowOf(imported.id);
    expect(await clearedOf(imported.id)).toEqual([]);
    expect(row.flagIds).toContain('WANTED_TRAVEL_RISK');
    expect(row.riskLevel).toBe('high');
    expect(row.action).toBe('supervisor_review');
    expect(row.status).toBe('intake');
    expect(row.queuedAt).not.toBeNull();
    expect((await sup.agent.get('/review')).text).toContain(imported.url);
    const loaded = (await loadCase(t.app.db, t.app.keyRing, imported.id))!;
    expect(loaded.parts.clearedFlags).toEqual([]);
  });

  it('keeps the clearance visibly, as to be confirmed, with its origin', async () => {
    const page = await cw.agent.get(imported.url);
    expect(page.text).toMatch(
      /Cleared elsewhere: to be confirmed \(case file WP-2026-0042, imported by [^)]+ on \d{1,2} \w{3} \d{4}\)/,
    );
    expect(page.text).toContain('Imported with flags cleared elsewhere, to be confirmed: ');
    // The caseworker who imported it is offered no way to confirm it.
    expect(page.text).not.toContain(`${imported.url}/carried`);
    const [carried] = await t.app.db
      .select()
      .from(caseCarriedDecisions)
      .where(eq(caseCarriedDecisions.caseId, imported.id));
    expect(carried).toMatchObject({
      subject: 'WANTED_TRAVEL_RISK',
      originReference: 'WP-2026-0042',
      importedBy: cwUser.id,
      resolution: null,
    });
  });

  it('the audit log names what was carried, and that it waits for confirmation', async () => {
    const [entry] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, imported.id), eq(auditLog.action, 'case.imported')));
    expect(entry!.detail).toEqual({
      origin: 'WP-2026-0042',
      carried: { clearedFlags: ['WANTED_TRAVEL_RISK'] },
      toBeConfirmed: 1,
    });
  });

  it('the summary does not call the flag cleared', async () => {
    const text = (await sup.agent.get(`${imported.url}/summary?profile=full`)).text;
    expect(text).toContain('Cleared elsewhere, not confirmed here');
    expect(text).not.toContain('Cleared (no decision on record)');
  });

  it('the importer cannot confirm it: the route is for reviewers, and four eyes holds', async () => {
    expect((await cw.agent.get(`${imported.url}/carried`)).status).toBe(403);
    const version = String((await rowOf(imported.id)).version);
    const res = await cw.agent
      .post(`${imported.url}/carried`)
      .type('form')
      .send({ _csrf: cw.csrf, _version: version, all: '1', reason: 'Mine' });
    expect(res.status).toBe(403);
    expect(await clearedOf(imported.id)).toEqual([]);
  });

  it('a supervisor confirms it with a reason: the flag is cleared in their name, on the record', async () => {
    const page = await sup.agent.get(imported.url);
    expect(page.text).toContain(`href="${imported.url}/carried"`);
    const form = await sup.agent.get(`${imported.url}/carried`);
    expect(form.status).toBe(200);
    const version = /name="_version" value="(\d+)"/.exec(form.text)![1]!;
    const empty = await sup.agent
      .post(`${imported.url}/carried`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), _version: version, reason: 'Checked the wanted list.' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Choose at least one flag to confirm.');
    expect(empty.text).toContain('Checked the wanted list.');
    const res = await sup.agent
      .post(`${imported.url}/carried`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        _version: version,
        flagIds: 'WANTED_TRAVEL_RISK',
        reason: 'Checked the wanted list.',
      });
    expect(res.status, res.text.slice(0, 800)).toBe(303);
    expect(await clearedOf(imported.id)).toEqual(['WANTED_TRAVEL_RISK']);
    const row = await rowOf(imported.id);
    expect(row.action).toBe('refer_for_visa');
    const after = await sup.agent.get(imported.url);
    expect(after.text).toContain('Confirmed the clearance carried in the import');
    expect(after.text).toMatch(/Cleared by supervisor \d+ on [^:]+:\d\d UTC: Checked the wanted list\./);
    expect(after.text).not.toContain('Cleared elsewhere: to be confirmed');
    const audit = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, imported.id));
    expect(audit.find((a) => a.action === 'case.clear_flag')!.detail).toMatchObject({
      flagId: 'WANTED_TRAVEL_RISK',
      confirmsCarried: true,
    });
  });
});

describe("confirming all at once, upholding, and one's own export", () => {
  it('confirms every carried clearance in one step', async () => {
    const file = anton();
    file.review = { clearedFlags: ['WANTED_TRAVEL_RISK', 'HOST_HIGH_RISK'] };
    const { url, id } = await importAs(cw, file);
    const form = await sup.agent.get(`${url}/carried`);
    expect(form.text).toContain('Confirm all 2');
    const res = await sup.agent
      .post(`${url}/carried`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        _version: /name="_version" value="(\d+)"/.exec(form.text)![1]!,
        all: '1',
        reason: 'Both checked against the sources.',
      });
    expect(res.status).toBe(303);
    expect((await clearedOf(id)).sort()).toEqual(['HOST_HIGH_RISK', 'WANTED_TRAVEL_RISK']);
    expect((await sup.agent.get(`${url}/carried`)).text).toContain('No clearance carried in an import waits');
  });

  it('upholding the flag settles the carried clearance: it stays uncleared and stops waiting', async () => {
    const { url, id } = await importAs(cw, anton());
    const page = await sup.agent.get(`${url}/decide/uphold_flag?flag=WANTED_TRAVEL_RISK`);
    const res = await sup.agent
      .post(`${url}/decide/uphold_flag`)
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        _version: /name="_version" value="(\d+)"/.exec(page.text)![1]!,
        flagId: 'WANTED_TRAVEL_RISK',
        reason: 'He is on the wanted list; travel through Russia-friendly states is a real risk.',
      });
    expect(res.status).toBe(303);
    expect(await clearedOf(id)).toEqual([]);
    const [carried] = await t.app.db
      .select()
      .from(caseCarriedDecisions)
      .where(eq(caseCarriedDecisions.caseId, id));
    expect(carried!.resolution).toBe('upheld');
    expect((await sup.agent.get(url)).text).not.toContain('Cleared elsewhere: to be confirmed');
  });

  it("an export of one's own case, re-imported, brings back no clearance: to be confirmed again", async () => {
    // The supervisor cleared the flag on the first case; its export says so.
    const first = await importAs(cw, { ...anton(), reference: undefined });
    const form = await sup.agent.get(`${first.url}/carried`);
    await sup.agent
      .post(`${first.url}/carried`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        _version: /name="_version" value="(\d+)"/.exec(form.text)![1]!,
        flagIds: 'WANTED_TRAVEL_RISK',
        reason: 'Checked.',
      });
    const exported = JSON.parse((await cw.agent.get(`${first.url}/export.json`)).text) as CaseFile;
    expect(exported.review?.clearedFlags).toEqual(['WANTED_TRAVEL_RISK']);
    const again = await importAs(cw, exported);
    expect(again.reference).not.toBe(first.reference);
    expect(await clearedOf(again.id)).toEqual([]);
    expect((await rowOf(again.id)).riskLevel).toBe('high');
    const page = await cw.agent.get(again.url);
    expect(page.text).toContain(
      `Cleared elsewhere: to be confirmed (case file ${first.reference}, imported by`,
    );
  });

  it('a file cannot carry a status, an approval or answers: it is refused whole', async () => {
    for (const extra of [
      { status: 'referred' },
      { approvedPathway: { country: 'FR', pathway: 'asylum_visa' } },
      { answeredRequests: [{ question: 'x', answer: 'y' }] },
    ]) {
      const res = await cw.agent
        .post('/cases/import')
        .set('x-csrf-token', cw.csrf)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ ...anton(), review: { clearedFlags: [], ...extra } }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('review');
    }
  });
});
