// Two tabs on one case: list entries are named by id, so an edit, a removal or a move in one tab never
// lands on another entry in the other; what the other tab changed is merged, never silently reverted, and
// only a field both changed is asked about (issue 14, items 4 and 8).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePerson } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { importCase, loadCase } from '../../server/cases/repository';
import { encryptField } from '../../server/crypto/field-encryption';
import { type Agent, addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let agent: Agent;
let cwId: string;
beforeAll(async () => {
  t = await testApp();
  const cw = await addUser(t.app, 'caseworker');
  cwId = cw.id;
  ({ agent } = await signIn(t.app, cw));
});
afterAll(() => t.close());

const passport = {
  type: 'international_passport',
  seen: 'original',
  validity: 'valid',
  authenticity: 'consistent',
};
const contract = { type: 'service_contract', seen: 'copy', validity: 'valid', authenticity: 'consistent' };
const summons = { type: 'call_up_summons', seen: 'original', validity: 'valid', authenticity: 'consistent' };

async function newCase(edit: (file: CaseFile) => void = () => {}) {
  const file = fixture('anton');
  file.documents = [passport, contract, summons] as CaseFile['documents'];
  edit(file);
  const { id } = await importCase(t.app.db, t.app.keyRing, file, {
    assignedTo: cwId,
    actorId: cwId,
    now: t.clock.now,
  });
  return id;
}
const parts = async (caseId: string) => (await loadCase(t.app.db, t.app.keyRing, caseId))!.parts;

const fromHtml = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** A page opened in a tab: its form's action and hidden fields, to submit later. */
async function open(url: string) {
  const page = await agent.get(url);
  expect(page.status, url).toBe(200);
  return formOf(page.text);
}
/** The page's form as a browser would send it: its action and every hidden input. */
function formOf(html: string) {
  const main = html.slice(html.indexOf('<main'));
  const form = main.slice(main.indexOf('<form method="post"'));
  const action = /<form method="post" action="([^"]+)"/.exec(form)![1]!;
  const hidden: [string, string][] = [
    ...form
      .slice(0, form.indexOf('</form>'))
      .matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g),
  ].map((m) => [m[1]!, fromHtml(m[2]!)]);
  return { action, hidden, html };
}
/** Submits a form opened earlier: typed values replace the hidden ones of the same name. */
function send(
  form: { action: string; hidden: [string, string][] },
  values: Record<string, string | string[]>,
) {
  const body = new URLSearchParams(form.hidden.filter(([name]) => !(name in values)));
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return agent.post(form.action).type('form').send(body.toString());
}

const docValues = (d: Record<string, string>, extra: Record<string, string> = {}) => ({
  type: d.type!,
  seen: d.seen!,
  validity: d.validity!,
  authenticity: d.authenticity!,
  expiresOn: '',
  note: '',
  ...extra,
});

describe('the issue: [passport, contract, summons]; tab B edits the contract, tab A removes the passport', () => {
  it('B saves the contract: the contract is edited, the summons survives, nothing is asked', async () => {
    const caseId = await newCase();
    const [p, c, s] = (await parts(caseId)).documents;
    const tabB = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    const tabA = await open(`/cases/${caseId}/lists/documents/${p!.id}/remove`);
    expect((await send(tabA, {})).status).toBe(303);
    const saved = await send(tabB, docValues(contract, { note: 'signed under pressure' }));
    expect(saved.status).toBe(303);
    expect((await parts(caseId)).documents).toEqual([
      { ...contract, id: c!.id, note: 'signed under pressure' },
      { ...summons, id: s!.id },
    ]);
  });
});

describe('races between two tabs', () => {
  it('edit after remove: says the entry is gone, keeps what was typed, and adds it back on request', async () => {
    const caseId = await newCase();
    const [p, c, s] = (await parts(caseId)).documents;
    const tabB = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    await send(await open(`/cases/${caseId}/lists/documents/${c!.id}/remove`), {});
    const res = await send(tabB, docValues(contract, { note: 'typed in tab B' }));
    expect(res.status).toBe(409);
    expect(res.text).toContain('This entry was removed meanwhile');
    expect(res.text).toContain('typed in tab B');
    expect((await parts(caseId)).documents.map((d) => d.id)).toEqual([p!.id, s!.id]);
    const readd = await send(formOf(res.text), {});
    expect(readd.status).toBe(303);
    const after = (await parts(caseId)).documents;
    expect(after).toHaveLength(3);
    expect(after[2]).toMatchObject({ ...contract, note: 'typed in tab B' });
    expect(after[2]!.id).not.toBe(c!.id);
  });

  it('remove after edit: the removal shows the entry as edited and asks again; nothing removed', async () => {
    const caseId = await newCase();
    const [, c] = (await parts(caseId)).documents;
    const tabA = await open(`/cases/${caseId}/lists/documents/${c!.id}/remove`);
    const edit = await send(
      await open(`/cases/${caseId}/lists/documents/${c!.id}`),
      docValues(contract, { note: 'the only copy' }),
    );
    expect(edit.status).toBe(303);
    const res = await send(tabA, {});
    expect(res.status).toBe(409);
    expect(res.text).toContain('Someone changed this entry');
    expect(res.text).toContain('the only copy');
    expect((await parts(caseId)).documents).toHaveLength(3);
    // Confirmed on the entry as it is now: removed.
    expect((await send(formOf(res.text), {})).status).toBe(303);
    expect((await parts(caseId)).documents.map((d) => d.id)).not.toContain(c!.id);
  });

  it('reorder: a move keeps every id; an edit opened before the move edits its entry at its new place', async () => {
    const caseId = await newCase();
    const [p, c, s] = (await parts(caseId)).documents;
    const tabB = await open(`/cases/${caseId}/lists/documents/${s!.id}`);
    const casePage = await agent.get(`/cases/${caseId}`);
    const move = await agent
      .post(`/cases/${caseId}/lists/documents/${s!.id}/move`)
      .type('form')
      .send({ _csrf: csrfFrom(casePage.text), direction: 'up' });
    expect(move.status).toBe(303);
    expect((await parts(caseId)).documents.map((d) => d.id)).toEqual([p!.id, s!.id, c!.id]);
    expect((await send(tabB, docValues(summons, { note: 'dated 2022-09-23' }))).status).toBe(303);
    expect((await parts(caseId)).documents).toEqual([
      { ...passport, id: p!.id },
      { ...summons, id: s!.id, note: 'dated 2022-09-23' },
      { ...contract, id: c!.id },
    ]);
  });

  it('a removed destination takes its own applications with it, never hands them to the next one', async () => {
    const caseId = await newCase((file) => {
      file.destinations = [
        {
          country: 'FR',
          pathway: 'asylum_visa',
          applications: [{ type: 'visa D', filedOn: '2024-01-10', status: 'pending' }],
        },
        {
          country: 'DE',
          pathway: 'asylum_visa',
          applications: [{ type: 'humanitarian', filedOn: '2024-02-01', status: 'pending' }],
        },
      ] as CaseFile['destinations'];
    });
    const [fr, de] = (await parts(caseId)).destinations;
    const app = de!.applications![0]!;
    const tabB = await open(`/cases/${caseId}/lists/applications/${app.id}`);
    expect(tabB.html).toContain(`value="${de!.id}" selected`);
    await send(await open(`/cases/${caseId}/lists/destinations/${fr!.id}/remove`), {});
    const res = await send(tabB, {
      destination: de!.id,
      type: 'humanitarian',
      filedOn: '2024-02-01',
      status: 'granted',
    });
    expect(res.status).toBe(303);
    expect((await parts(caseId)).destinations).toEqual([
      { ...de, applications: [{ ...app, status: 'granted' }] },
    ]);
  });
});

describe('save my version: merged, never silently reverted', () => {
  it('two tabs change different fields of one entry: both changes are kept, nothing is asked', async () => {
    const caseId = await newCase();
    const [, c] = (await parts(caseId)).documents;
    const tabA = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    const tabB = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    expect((await send(tabA, docValues({ ...contract, seen: 'original' }))).status).toBe(303);
    expect((await send(tabB, docValues(contract, { note: 'B note' }))).status).toBe(303);
    expect((await parts(caseId)).documents[1]).toEqual({
      ...contract,
      id: c!.id,
      seen: 'original',
      note: 'B note',
    });
  });

  it('a section form: the other tab changed the date, I the statement; both kept', async () => {
    const caseId = await newCase();
    const before = (await parts(caseId)).desertion!;
    const url = `/cases/${caseId}/edit/desertion`;
    const tabA = await open(url);
    const tabB = await open(url);
    const values = { kind: before.kind, leftOn: before.leftOn ?? '', manner: before.manner, statement: '' };
    expect((await send(tabA, { ...values, leftOn: '2022-09-01' })).status).toBe(303);
    expect((await send(tabB, { ...values, statement: 'Left during leave' })).status).toBe(303);
    expect((await parts(caseId)).desertion).toEqual({
      ...before,
      leftOn: '2022-09-01',
      statement: 'Left during leave',
    });
  });

  it('both changed the statement: the page marks what differs, asks only about it, and saving keeps the rest', async () => {
    const caseId = await newCase();
    const before = (await parts(caseId)).desertion!;
    const url = `/cases/${caseId}/edit/desertion`;
    const tabA = await open(url);
    const tabB = await open(url);
    const values = { kind: before.kind, leftOn: before.leftOn ?? '', manner: before.manner, statement: '' };
    await send(tabA, { ...values, leftOn: '2022-09-01', statement: 'Statement from tab A' });
    const res = await send(tabB, { ...values, statement: 'Statement from tab B' });
    expect(res.status).toBe(409);
    const rows = [...res.text.matchAll(/<tr class="conflict-(\w+)">\s*<th scope="row">([^<]+)</g)].map(
      (m) => [m[2], m[1]],
    );
    expect(rows).toEqual([
      ['Kind', 'same'],
      ['Left on', 'theirs'],
      ['How he left', 'same'],
      ['Statement in his own words', 'both'],
    ]);
    expect(res.text).toContain('<mark>Statement from tab A</mark>');
    expect(res.text).toContain('<mark>Statement from tab B</mark>');
    // Only the statement is asked for; the date tab A set rides along hidden, not reverted.
    const page = formOf(res.text);
    expect(page.html).toMatch(
      /<textarea id="f-statement" name="statement"[^>]*>Statement from tab B<\/textarea>/,
    );
    expect(page.html).not.toMatch(/id="f-leftOn"/);
    expect(page.html).toContain('name="leftOn" value="01.09.2022"');
    // Whatever is typed on the conflict page is saved, with tab A's date.
    const again = await send(page, { statement: 'Both statements, reconciled' });
    expect(again.status).toBe(303);
    expect((await parts(caseId)).desertion).toEqual({
      ...before,
      leftOn: '2022-09-01',
      statement: 'Both statements, reconciled',
    });
  });

  it('a list entry both changed: only the field both changed is asked about', async () => {
    const caseId = await newCase();
    const [, c] = (await parts(caseId)).documents;
    const tabA = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    const tabB = await open(`/cases/${caseId}/lists/documents/${c!.id}`);
    await send(tabA, docValues({ ...contract, validity: 'expired' }, { note: 'A' }));
    const res = await send(tabB, docValues({ ...contract, seen: 'original' }, { note: 'B' }));
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/<textarea id="f-note"/);
    expect(res.text).not.toMatch(/<select id="f-(seen|validity|type|authenticity)"/);
    expect(res.text).toContain('Saved meanwhile: A');
    // Nothing saved from tab B yet; tab A's version stands.
    expect((await parts(caseId)).documents[1]).toEqual({
      ...contract,
      id: c!.id,
      validity: 'expired',
      note: 'A',
    });
  });
});

describe('dependants stored before entries kept ids', () => {
  it('get the same ids on every read, and an edit after a removal in another tab lands on its dependant', async () => {
    const caseId = await newCase();
    const old = [
      { relation: 'wife', age: 31, withPerson: true },
      { relation: 'son', age: 4, withPerson: true },
      { relation: 'mother', age: 60, withPerson: false },
    ];
    // As an older version wrote them: the list encrypted as one value, no ids inside.
    await t.app.db
      .update(casePerson)
      .set({
        dependantsEnc: encryptField(
          t.app.keyRing,
          { table: 'case_person', column: 'dependants', row: caseId },
          JSON.stringify(old),
        ),
      })
      .where(eq(casePerson.caseId, caseId));
    const first = (await parts(caseId)).person.dependants!;
    expect((await parts(caseId)).person.dependants).toEqual(first);
    expect(new Set(first.map((d) => d.id)).size).toBe(3);
    const tabB = await open(`/cases/${caseId}/lists/dependants/${first[1]!.id}`);
    await send(await open(`/cases/${caseId}/lists/dependants/${first[0]!.id}/remove`), {});
    const res = await send(tabB, { relation: 'son', age: '5', withPerson: 'yes' });
    expect(res.status).toBe(303);
    expect((await parts(caseId)).person.dependants).toEqual([
      { ...old[1], age: 5, id: first[1]!.id },
      { ...old[2], id: first[2]!.id },
    ]);
  });
});
