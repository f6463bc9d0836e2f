// A document's number (documents[].number): entered on the document's form, kept through import and export,
// secret like a name: never in the case page's list of documents, printed in the full and partner summaries,
// withheld from the minimal one wherever it is quoted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../rules/case-schema';
import { loadCase } from '../../server/cases/repository';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { submitForm } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';
import { download, importFor, pdfPages } from '../summary/helpers';

const NUMBER = '45 12 345678';
let t: TestApp;
let cw: TestUser;
let a: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = await testApp();
  cw = await addUser(t.app, 'caseworker');
  a = await signIn(t.app, cw);
});
afterAll(() => t.close());

const pdfText = async (id: string, profile: string) =>
  (
    await pdfPages((await download(a.agent, `/cases/${id}/summary.pdf?profile=${profile}&lang=en`)).body)
  ).join(' ');

describe('documents[].number', () => {
  it('is entered on the form, shown in its entry, and never in the list of documents', async () => {
    const file: CaseFile = fixture('anton');
    const id = await importFor(t.app, file, cw);
    const url = `/cases/${id}`;
    const res = await submitForm(a.agent, `${url}/lists/documents/new`, {
      type: 'international_passport',
      seen: 'copy',
      validity: 'valid',
      authenticity: 'unchecked',
      number: NUMBER,
    });
    expect(res.status, res.text.slice(0, 500)).toBe(303);
    const loaded = (await loadCase(t.app.db, t.app.keyRing, id))!;
    expect(loaded.parts.documents.at(-1)!.number).toBe(NUMBER);
    const page = await a.agent.get(url);
    expect(page.text).not.toContain(NUMBER);
    const entry = await a.agent.get(`${url}/lists/documents/${loaded.parts.documents.at(-1)!.id}`);
    expect(entry.text).toContain(`value="${NUMBER}"`);
  });

  it('round-trips through import and export, and prints in full and partner but not minimal', async () => {
    const file: CaseFile = fixture('anton');
    file.documents[0]!.number = NUMBER;
    file.documents[0]!.note = `Copy of the passport ${NUMBER} kept in the office`;
    const id = await importFor(t.app, file, cw);
    const exported = await a.agent.get(`/cases/${id}/export.json`);
    expect(exported.status).toBe(200);
    expect(JSON.parse(exported.text).documents[0].number).toBe(NUMBER);
    expect(await pdfText(id, 'full')).toContain(NUMBER);
    expect(await pdfText(id, 'partner')).toContain(NUMBER);
    expect(await pdfText(id, 'minimal')).not.toContain(NUMBER);
  });
});
