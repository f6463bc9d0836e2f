// Importing a "case with attachments" zip: the export read back into a new case with its scans in their
// places, through the same case import as a JSON file and the same stripping as an upload; and a zip that is
// hostile (bomb, lying sizes, stray or missing entries, an executable, too many entries, not a zip) refused
// with a message on the page, nothing imported, never a 500.
import { eq } from 'drizzle-orm';
import { type Zippable, zipSync } from 'fflate';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseAttachments, cases } from '../../db/schema';
import { inflateEntry } from '../../server/attachments/import-zip';
import { assemble } from '../../server/cases/parts';
import { importCase, loadCase } from '../../server/cases/repository';
import { type Agent, addUser, MINUTE, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import { executable, jpegWithMetadata, markersIn, pdfWithHiddenContent } from './fixtures';

let t: TestApp;
let owner: TestUser;
let client: { agent: Agent; csrf: string };
let caseId: string;
const MILITARY_ID = 2;

beforeAll(async () => {
  t = await testApp();
  owner = await addUser(t.app, 'caseworker');
  caseId = (
    await importCase(t.app.db, t.app.keyRing, fixture('anton'), {
      assignedTo: owner.id,
      actorId: owner.id,
      now: t.clock.now,
    })
  ).id;
  client = await signIn(t.app, owner);
});
afterAll(() => t.close());

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const importZip = (zip: Buffer | Uint8Array) =>
  client.agent
    .post('/cases/import-with-attachments')
    .field('_csrf', client.csrf)
    .attach('file', Buffer.from(zip), 'case.zip');

const caseCount = async () => (await t.app.db.select({ id: cases.id }).from(cases)).length;

const anton = () => fixture('anton');
const manifestOf = (attachments: { file: string; index: number | null; kind?: string }[]) => ({
  format: 'waypost-attachments/1',
  attachments: attachments.map((a) => ({
    file: a.file,
    document: a.index === null ? null : { index: a.index, type: anton().documents[a.index]!.type },
    kind: a.kind ?? 'document_page',
    caption: null,
  })),
});
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A zip as the export writes it, with the given files (name to bytes) beside the case file and manifest. */
function handMade(files: Record<string, Uint8Array>, manifest?: unknown): Uint8Array {
  const entries: Zippable = {
    'WP-2026-0042.json': text(anton()),
    'attachments/manifest.json': text(
      manifest ?? manifestOf(Object.keys(files).map((file) => ({ file, index: MILITARY_ID }))),
    ),
  };
  for (const [name, bytes] of Object.entries(files)) entries[name] = [bytes, { level: 0 }];
  return zipSync(entries);
}

describe('a case exported with its attachments', () => {
  it('comes back as a new case with its scans in their places', async () => {
    t.clock.advance(MINUTE);
    const upload = await client.agent
      .post(`/cases/${caseId}/attachments`)
      .field('_csrf', client.csrf)
      .field(
        'target',
        `doc-${(await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents[MILITARY_ID]!.id}`,
      )
      .field('kind', 'document_page')
      .field('caption', 'front side')
      .attach('files', await jpegWithMetadata(), 'front.jpg')
      .attach('files', pdfWithHiddenContent(2), 'back.pdf');
    expect(upload.status, upload.text).toBe(303);
    const zip = await client.agent
      .get(`/cases/${caseId}/export-with-attachments.zip`)
      .buffer(true)
      .parse(binary);
    expect(zip.status).toBe(200);
    const before = await caseCount();
    const res = await importZip(zip.body as Buffer);
    expect(res.status, res.text).toBe(303);
    const newId = /^\/cases\/([0-9a-f-]{36})\/attachments$/.exec(res.headers.location ?? '')![1]!;
    expect(newId).not.toBe(caseId);
    expect(await caseCount()).toBe(before + 1);
    const imported = await t.app.attachments.list(newId);
    const docs = (await loadCase(t.app.db, t.app.keyRing, newId))?.parts.documents ?? [];
    const place = (a: { documentId: string | null }) => docs.findIndex((d) => d.id === a.documentId);
    const summary = imported.map((a) => [place(a), a.kind, a.caption, a.mediaType, a.pages]);
    expect(summary.sort((a, b) => String(a[3]).localeCompare(String(b[3])))).toEqual([
      [MILITARY_ID, 'document_page', 'front side', 'application/pdf', 2],
      [MILITARY_ID, 'document_page', 'front side', 'image/jpeg', 1],
    ]);
    for (const a of imported) expect(await markersIn(await t.app.attachments.read(a, 'file'))).toEqual([]);
    // The case file went through the JSON import: the same parts as the case it came from.
    const [source, copy] = await Promise.all([
      loadCase(t.app.db, t.app.keyRing, caseId),
      loadCase(t.app.db, t.app.keyRing, newId),
    ]);
    // The same case; entry ids are this installation's own (a case file carries none).
    expect(assemble(copy!.parts, 'WP')).toEqual(assemble(source!.parts, 'WP'));
    const actions = (await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, newId))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['case.imported', 'attachment.added', 'case.import_attachments']),
    );
  });

  it('is stripped again on the way in: markers of a hand-made zip do not reach the database', async () => {
    const res = await importZip(
      handMade({
        'attachments/001-document_page.jpg': await jpegWithMetadata(),
        'attachments/002-document_page.pdf': pdfWithHiddenContent(1),
      }),
    );
    expect(res.status, res.text).toBe(303);
    const newId = /\/cases\/([0-9a-f-]{36})\//.exec(res.headers.location ?? '')![1]!;
    const rows = await t.app.attachments.list(newId);
    expect(rows).toHaveLength(2);
    for (const a of rows) {
      expect(a.removed.length).toBeGreaterThan(0);
      expect(await markersIn(await t.app.attachments.read(a, 'file'))).toEqual([]);
    }
  });
});

describe('a hostile or broken zip', () => {
  /** Sets an entry's declared uncompressed size in the central directory (the bytes stay as they are). */
  function lie(zip: Uint8Array, name: string, size: number): Uint8Array {
    const out = Buffer.from(zip);
    const at = out.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), 0);
    for (
      let i = at;
      i >= 0 && i < out.length;
      i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      const nameLength = out.readUInt16LE(i + 28);
      if (out.toString('latin1', i + 46, i + 46 + nameLength) === name) out.writeUInt32LE(size, i + 24);
    }
    return out;
  }

  const bomb = () =>
    zipSync({
      'WP-2026-0042.json': text(anton()),
      'attachments/manifest.json': text(manifestOf([{ file: 'attachments/001-photo.jpg', index: null }])),
      'attachments/001-photo.jpg': [new Uint8Array(21 * 1024 * 1024), { level: 9 }],
    });

  const cases_: [string, () => Promise<Uint8Array> | Uint8Array, string | RegExp][] = [
    ['not a zip', () => new Uint8Array([1, 2, 3, 4, 5]), 'The file is not a zip archive'],
    ['a zip bomb (an entry declared over the file limit)', bomb, /001-photo\.jpg is larger than 20 MB/],
    [
      'an entry whose header lies about its size',
      () => lie(bomb(), 'attachments/001-photo.jpg', 1000),
      'attachments/001-photo.jpg: not a JPEG',
    ],
    [
      'an entry the manifest does not name',
      async () => {
        const zip = handMade(
          { 'attachments/001-document_page.jpg': await jpegWithMetadata() },
          manifestOf([]),
        );
        return zip;
      },
      'attachments/001-document_page.jpg is not named in the manifest',
    ],
    [
      'an entry the manifest names but the zip lacks',
      () => handMade({}, manifestOf([{ file: 'attachments/001-document_page.pdf', index: MILITARY_ID }])),
      'attachments/001-document_page.pdf is named in the manifest but missing',
    ],
    [
      'a renamed executable',
      () => handMade({ 'attachments/001-document_page.jpg': executable() }),
      'attachments/001-document_page.jpg: ',
    ],
    [
      'too many entries',
      () => {
        const many: Zippable = { 'WP-2026-0042.json': text(anton()) };
        for (let i = 0; i < 1005; i++)
          many[`attachments/${String(i).padStart(4, '0')}-photo.jpg`] = new Uint8Array(1);
        return zipSync(many);
      },
      'The zip holds more than 1002 files',
    ],
    [
      'no manifest',
      () => zipSync({ 'WP-2026-0042.json': text(anton()) }),
      'The zip has no attachments/manifest.json',
    ],
    [
      'a case file with problems',
      () =>
        zipSync({
          'WP-2026-0042.json': text({ ...anton(), person: { pseudonym: '' } }),
          'attachments/manifest.json': text(manifestOf([])),
        }),
      'The case file in the zip has problems',
    ],
  ];

  it('inflates an entry into no more than its declared size, whatever its data holds', () => {
    const lying = lie(bomb(), 'attachments/001-photo.jpg', 1000);
    expect(inflateEntry(lying, 'attachments/001-photo.jpg').length).toBe(1000);
  });

  it.each(cases_)('refuses %s with a message and imports nothing', async (_name, make, message) => {
    const before = await caseCount();
    const beforeFiles = (await t.app.db.select({ id: caseAttachments.id }).from(caseAttachments)).length;
    const res = await importZip(await make());
    expect(res.status).toBe(400);
    expect(res.text).toContain('Nothing was imported.');
    if (typeof message === 'string') expect(res.text).toContain(message.replace(/"/g, '&quot;'));
    else expect(res.text).toMatch(message);
    expect(res.text).toContain('aria-invalid="true"');
    expect(await caseCount()).toBe(before);
    expect((await t.app.db.select({ id: caseAttachments.id }).from(caseAttachments)).length).toBe(
      beforeFiles,
    );
  });

  it('undoes a case whose file was refused after the case file was read, and says so in the history', async () => {
    const res = await importZip(
      handMade({
        'attachments/001-document_page.jpg': await jpegWithMetadata(),
        'attachments/002-document_page.jpg': executable(),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('attachments/002-document_page.jpg');
    const undone = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'case.import_undone'));
    expect(undone.length).toBeGreaterThan(0);
  });

  it('refuses a request without a file, and a zip over the limit, on the page', async () => {
    const none = await client.agent.post('/cases/import-with-attachments').field('_csrf', client.csrf);
    expect(none.status).toBe(400);
    expect(none.text).toContain('Choose a zip file.');
    const page = await client.agent.get('/cases/import-with-attachments');
    expect(page.status).toBe(200);
    expect(page.text).toContain('At most 1000 files, 20 MB a file and 200 MB in all.');
  });
});
