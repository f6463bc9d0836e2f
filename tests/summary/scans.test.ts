// Document scans in the summary: the annex counts each document's scans in every profile; the export option
// appends them (full and partner only) as pages of their own under the summary's marks and page count, with
// no marker of the original files; minimal refuses the option; the export's audit entry counts the scans.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases } from '../../db/schema';
import { loadCase } from '../../server/cases/repository';
import { jpegWithMetadata, MARK, markersIn, pdfWithHiddenContent, VISIBLE } from '../attachments/fixtures';
import { type Agent, addUser, MINUTE, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import { download, importFor, pdfPages } from './helpers';

let t: TestApp;
let holder: TestUser;
let client: { agent: Agent; csrf: string };
let caseId: string;
let reference: string;
const MILITARY_ID = 2; // anton's third document

beforeAll(async () => {
  t = await testApp();
  holder = await addUser(t.app, 'caseworker');
  caseId = await importFor(t.app, fixture('anton'), holder);
  const [row] = await t.app.db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
  reference = row!.reference;
  client = await signIn(t.app, holder);
  t.clock.advance(MINUTE);
  const res = await client.agent
    .post(`/cases/${caseId}/attachments`)
    .field('_csrf', client.csrf)
    .field(
      'target',
      `doc-${(await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents[MILITARY_ID]!.id}`,
    )
    .field('kind', 'document_page')
    .field('caption', '')
    .attach('files', await jpegWithMetadata(1200, 800), 'front.jpg')
    .attach('files', pdfWithHiddenContent(2), 'back.pdf');
  expect(res.status, res.text).toBe(303);
  // Evidence of the case as a whole is not a document scan: it stays out of the summary.
  const photo = await client.agent
    .post(`/cases/${caseId}/attachments`)
    .field('_csrf', client.csrf)
    .field('target', 'case')
    .field('kind', 'photo')
    .field('caption', '')
    .attach('files', await jpegWithMetadata(), 'injury.jpg');
  expect(photo.status, photo.text).toBe(303);
});
afterAll(() => t.close());

const pdfUrl = (profile: string, scans: boolean, lang = 'en') =>
  `/cases/${caseId}/summary.pdf?profile=${profile}&lang=${lang}${scans ? '&scans=1' : ''}`;

async function exported(profile: string, scans: boolean, lang = 'en') {
  const res = await download(client.agent, pdfUrl(profile, scans, lang));
  expect(res.status, String(res.text)).toBe(200);
  return res.body as Buffer;
}

describe('the annex', () => {
  it.each(['full', 'partner', 'minimal'])('counts the scans of each document (%s)', async (profile) => {
    const pages = await pdfPages(await exported(profile, false));
    const annex = pages.find((p) => p.includes('Annex: every document held'))!;
    expect(annex).toContain('Scans');
    // Anton's military ID (third row) has two scans; the others none.
    expect(annex).toMatch(/Authenticit ?y check Scans/);
    expect(annex).toMatch(/ 3 Military ID [^0-9]*Consistent 2 /);
    expect(annex).toMatch(/ 1 Internal passport \(ID\) [^0-9]*Consistent 0 /);
  });
});

describe('scans appended to the summary', () => {
  let plain: string[];
  let withScans: string[];
  let bytes: Buffer;

  beforeAll(async () => {
    plain = await pdfPages(await exported('partner', false));
    bytes = await exported('partner', true);
    withScans = await pdfPages(bytes);
  });

  it('adds a page for each scan page: one for the photo, two for the PDF', () => {
    expect(withScans.length).toBe(plain.length + 3);
    expect(withScans.slice(0, plain.length).join('\n')).not.toContain('scan 1 of 2');
  });

  it('stamps every page with the reference, the profile and page N of M over the whole PDF', () => {
    const total = withScans.length;
    withScans.forEach((page, i) => {
      expect(page).toContain(reference);
      expect(page).toContain('Profile: partner');
      expect(page).toContain(`Page ${i + 1} of ${total}`);
    });
    const appended = withScans.slice(plain.length);
    expect(appended[0]).toContain('Appendix: scans of the documents');
    // Two scans uploaded at the same moment: either may come first.
    const photo = appended.find((p) => !p.includes('of the file'))!;
    const [first, second] = appended.filter((p) => p.includes('of the file'));
    expect(photo).toMatch(/Document 3: Military ID, scan [12] of 2/);
    expect(first).toMatch(/Document 3: Military ID, scan [12] of 2 · page 1 of 2 of the file/);
    expect(second).toContain('page 2 of 2 of the file');
    // The stored PDF's visible content is drawn into its page.
    expect(first).toContain(VISIBLE);
  });

  it('carries none of the stripped markers', async () => {
    expect(await markersIn(bytes)).toEqual([]);
    for (const marker of Object.values(MARK)) expect(withScans.join('\n')).not.toContain(marker);
  });

  it('works in Russian with the same pages', async () => {
    const ru = await pdfPages(await exported('full', true, 'ru'));
    const last = ru.at(-1)!;
    expect(last).toContain(`Страница ${ru.length} из ${ru.length}`);
    expect(ru.join('\n')).toContain('скан 2 из 2');
  });

  it('is audited with the number of scans appended', async () => {
    const entries = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.summary_exported'), eq(auditLog.targetId, caseId)));
    const details = entries.map((e) => e.detail as Record<string, unknown>);
    expect(details).toContainEqual({ profile: 'partner', format: 'pdf', language: 'en', scans: 2 });
    expect(details).toContainEqual({ profile: 'partner', format: 'pdf', language: 'en' });
  });
});

describe('the minimal profile', () => {
  it('refuses the scans with a reason and exports nothing', async () => {
    const before = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, caseId));
    for (const url of [pdfUrl('minimal', true), `/cases/${caseId}/summary.pdf?lang=en&scans=1`]) {
      const res = await client.agent.get(url);
      expect(res.status).toBe(400);
      expect(res.text).toContain('Scans are not appended to a minimal summary');
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    const after = await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, caseId));
    expect(after.length).toBe(before.length);
  });

  it('offers the option on the export form, in English and Russian', async () => {
    const page = await client.agent.get(`/cases/${caseId}/summary?profile=partner&lang=en`);
    expect(page.text).toContain('name="scans"');
    expect(page.text).toContain('Append the scans of the documents');
  });
});
