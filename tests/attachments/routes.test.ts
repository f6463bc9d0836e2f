// Scans through the app: uploaded by a caseworker's form, stripped, sealed, served only to those who may
// see the case, audited, refused with a message when they are not scans, and erased on removal.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentChunks, auditLog, caseAttachments } from '../../db/schema';
import { importCase, latestStoredAssessment, loadCase } from '../../server/cases/repository';
import { type Agent, addUser, MINUTE, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import {
  executable,
  jpegWithMetadata,
  markersIn,
  pdfWithHiddenContent,
  pngWithText,
  zipBomb,
} from './fixtures';

let t: TestApp;
let owner: TestUser;
let other: TestUser;
let caseId: string;
let otherCaseId: string;
let ownerClient: { agent: Agent; csrf: string };
const MILITARY_ID = 2; // anton's third document
let militaryId = ''; // its entry's id

beforeAll(async () => {
  t = await testApp();
  owner = await addUser(t.app, 'caseworker');
  other = await addUser(t.app, 'caseworker');
  const ctx = (u: TestUser) => ({ assignedTo: u.id, actorId: u.id, now: t.clock.now });
  caseId = (await importCase(t.app.db, t.app.keyRing, fixture('anton'), ctx(owner))).id;
  otherCaseId = (await importCase(t.app.db, t.app.keyRing, fixture('sparrow'), ctx(other))).id;
  militaryId = (await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents[MILITARY_ID]!.id;
  ownerClient = await signIn(t.app, owner);
});
afterAll(() => t.close());

const upload = (
  client: { agent: Agent; csrf: string },
  id: string,
  files: [Buffer, string][],
  fields: { target?: string; kind?: string; caption?: string } = {},
) => {
  let req = client.agent
    .post(`/cases/${id}/attachments`)
    .field('_csrf', client.csrf)
    .field('target', fields.target ?? `doc-${militaryId}`)
    .field('kind', fields.kind ?? 'document_page')
    .field('caption', fields.caption ?? '');
  for (const [bytes, name] of files) req = req.attach('files', bytes, name);
  return req;
};

/** Collects a response body as bytes, whatever its type. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const rowsOf = (id: string) => t.app.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, id));

describe('uploading scans', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    t.clock.advance(MINUTE); // the assessment the upload stores comes after the import's
    const res = await upload(ownerClient, caseId, [
      [await jpegWithMetadata(), 'military-id-1.jpg'],
      [await pngWithText(), 'military-id-2.png'],
      [pdfWithHiddenContent(2), 'criminal-case.pdf'],
    ]);
    expect(res.status, res.text).toBe(303);
    ids = (await rowsOf(caseId)).map((r) => r.id);
  });

  it('stores the three files under the military ID, none with a marker in its stored plaintext', async () => {
    const rows = await rowsOf(caseId);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.documentId).toBe(militaryId);
      expect(row.documentType).toBe('military_id');
      expect(await markersIn(await t.app.attachments.read(row, 'file'))).toEqual([]);
    }
  });

  it('counts in the rules: the case page and the stored assessment name the scanned document', async () => {
    const page = await ownerClient.agent.get(`/cases/${caseId}`);
    expect(page.text).toContain('Scans attached: Military ID (3).');
    const stored = await latestStoredAssessment(t.app.db, t.app.keyRing, caseId);
    const proof = stored!.assessment.checklist.find((i) => i.id === 'DOC_SERVICE_PROOF');
    expect(proof?.detail).toContain('Scans attached: Military ID (3).');
  });

  it('shows thumbnails and what was removed on the page', async () => {
    const page = await ownerClient.agent.get(`/cases/${caseId}/attachments`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('location, camera');
    expect(page.text).toContain('earlier revisions');
    expect(page.text.match(/\/thumbnail"/g)).toHaveLength(2); // the PDF has a badge instead
    expect(page.text).toMatch(/<input id="f-camera"[^>]*capture="environment"/);
  });

  it('serves each file stripped, no-store, nosniff, named, and sandboxed', async () => {
    for (const id of ids) {
      for (const path of ['file', 'download']) {
        const res = await ownerClient.agent
          .get(`/cases/${caseId}/attachments/${id}/${path}`)
          .buffer(true)
          .parse(binary);
        expect(res.status).toBe(200);
        expect(await markersIn(res.body as Buffer)).toEqual([]);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
        expect(res.headers['content-disposition']).toMatch(
          new RegExp(
            `^${path === 'file' ? 'inline' : 'attachment'}; filename="WP-[\\d-]+-[0-9a-f]{8}\\.(jpg|png|pdf)"$`,
          ),
        );
      }
    }
  });

  it('keeps none of the file bytes in the clear in the database', async () => {
    const plain = await t.app.attachments.read((await rowsOf(caseId))[0]!, 'file');
    const probes = [0, 100, Math.floor(plain.length / 2), plain.length - 40].map((at) =>
      plain.subarray(at, at + 32),
    );
    const chunks = await t.app.db.select().from(attachmentChunks);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) for (const probe of probes) expect(chunk.sealed.includes(probe)).toBe(false);
    if (t.config.databaseUrl) return;
    // On PGlite the files on disk themselves are searched, after a checkpoint.
    await t.app.db.execute(sql`checkpoint`);
    const dir = join(t.config.dataDir, 'pglite');
    const files = readdirSync(dir, { recursive: true })
      .map((f) => join(dir, String(f)))
      .filter((f) => statSync(f).isFile());
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const probe of probes) expect(bytes.includes(probe), file).toBe(false);
    }
  });

  it('audits each view and download', async () => {
    const views = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.viewed'), eq(auditLog.targetId, caseId)));
    expect(views.map((v) => v.detail.view).sort()).toEqual(
      expect.arrayContaining(['download', 'download', 'download', 'file', 'file', 'file']),
    );
  });

  it('exports the case with its stripped attachments as a zip, audited', async () => {
    const res = await ownerClient.agent
      .get(`/cases/${caseId}/export-with-attachments.zip`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="WP-[\d-]+-with-attachments\.zip"$/,
    );
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    const entries = unzipSync(new Uint8Array(res.body as Buffer));
    const names = Object.keys(entries).sort();
    expect(names[0]).toMatch(/^WP-[\d-]+\.json$/);
    expect(names.at(-1)).toBe('attachments/manifest.json');
    const files = names.slice(1, -1);
    expect(files.map((n) => n.replace(/^attachments\/00[1-3]-document_page\./, '')).sort()).toEqual([
      'jpg',
      'pdf',
      'png',
    ]);
    const caseFile = JSON.parse(Buffer.from(entries[names[0]!]!).toString('utf8'));
    expect(caseFile.format).toBe('waypost-case/1');
    const listed = JSON.parse(Buffer.from(entries['attachments/manifest.json']!).toString('utf8'));
    expect(listed.attachments[0].document).toEqual({ index: MILITARY_ID, type: 'military_id' });
    for (const name of names.filter((n) => /\.(jpg|png|pdf)$/.test(n))) {
      expect(await markersIn(Buffer.from(entries[name]!))).toEqual([]);
    }
    const [entry] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.exported'), eq(auditLog.targetId, caseId)));
    expect(entry?.detail).toEqual({ format: 'zip', attachments: 3 });
  });

  it('answers 404 to a caseworker who may not see the case, by either case id', async () => {
    const stranger = await signIn(t.app, other);
    for (const url of [
      `/cases/${caseId}/attachments/${ids[0]}/file`,
      `/cases/${otherCaseId}/attachments/${ids[0]}/file`,
      `/cases/${otherCaseId}/attachments/${ids[0]}`,
      `/cases/${caseId}/attachments`,
    ]) {
      const res = await stranger.agent.get(url);
      expect(res.status, url).toBe(404);
    }
    const res = await upload(stranger, caseId, [[await pngWithText(), 'x.png']]);
    expect(res.status).toBe(404);
  });

  it('removal asks first, erases the bytes, and is audited', async () => {
    const id = ids[1]!;
    const ask = await ownerClient.agent.get(`/cases/${caseId}/attachments/${id}/remove`);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('Erase the file');
    const res = await ownerClient.agent
      .post(`/cases/${caseId}/attachments/${id}/remove`)
      .type('form')
      .send({ _csrf: ownerClient.csrf });
    expect(res.status).toBe(303);
    expect(
      await t.app.db.select().from(attachmentChunks).where(eq(attachmentChunks.attachmentId, id)),
    ).toEqual([]);
    expect((await ownerClient.agent.get(`/cases/${caseId}/attachments/${id}/file`)).status).toBe(404);
    const [entry] = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'attachment.removed'));
    expect(entry?.detail).toEqual({ attachmentId: id });
  });

  it('scans follow their document entry when an entry before it is removed and when it is moved', async () => {
    const firstId = (await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents[0]!.id;
    const removed = await ownerClient.agent
      .post(`/cases/${caseId}/lists/documents/${firstId}/remove`)
      .type('form')
      .send({ _csrf: ownerClient.csrf });
    expect(removed.status).toBe(303);
    const moved = await ownerClient.agent
      .post(`/cases/${caseId}/lists/documents/${militaryId}/move`)
      .type('form')
      .send({ _csrf: ownerClient.csrf, direction: 'down' });
    expect(moved.status).toBe(303);
    const documents = (await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents;
    expect(documents.findIndex((d) => d.id === militaryId)).toBe(2);
    // Still the military ID's scans, at its new place, for the page and for the rules.
    const list = await ownerClient.agent.get(`/cases/${caseId}/attachments`);
    expect(/<section[^>]*id="doc-2"[\s\S]*?<\/section>/.exec(list.text)![0]).toContain('class="thumb');
    expect(list.text).not.toContain('since removed or changed');
    expect((await ownerClient.agent.get(`/cases/${caseId}`)).text).toContain('Scans attached: Military ID (');
  });

  it('moves the scans of a removed document entry to the case as a whole', async () => {
    const page = await ownerClient.agent.get(`/cases/${caseId}/lists/documents/${militaryId}/remove`);
    const base = /name="_base" value="([^"]*)"/.exec(page.text)![1]!.replaceAll('&quot;', '"');
    const res = await ownerClient.agent
      .post(`/cases/${caseId}/lists/documents/${militaryId}/remove`)
      .type('form')
      .send({ _csrf: ownerClient.csrf, _base: base });
    expect(res.status).toBe(303);
    const list = await ownerClient.agent.get(`/cases/${caseId}/attachments`);
    expect(list.text).toContain('since removed or changed: Military ID');
    expect((await ownerClient.agent.get(`/cases/${caseId}`)).text).not.toContain(
      'Scans attached: Military ID',
    );
  });
});

describe('refusals', () => {
  it.each([
    ['a renamed executable', executable, /not a JPEG, PNG, WebP or PDF/],
    ['a zip bomb', zipBomb, /not a JPEG, PNG, WebP or PDF/],
    [
      'a truncated JPEG',
      async () => (await jpegWithMetadata(400, 300)).subarray(0, 900),
      /damaged or incomplete/,
    ],
  ])('%s is refused with a message beside the field', async (_name, make, message) => {
    const before = (await rowsOf(otherCaseId)).length;
    const client = await signIn(t.app, other);
    const res = await upload(client, otherCaseId, [[await make(), 'scan.jpg']], {
      target: 'case',
      kind: 'photo',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(message);
    expect(res.text).toContain('scan.jpg');
    expect(await rowsOf(otherCaseId)).toHaveLength(before);
  });

  it('a form without files or with a bad target says so beside the field', async () => {
    const client = await signIn(t.app, other);
    const none = await upload(client, otherCaseId, [], { target: 'case' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Choose at least one file.');
    const bad = await upload(client, otherCaseId, [[await pngWithText(), 'a.png']], { target: 'doc-99' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Choose what the files belong to.');
  });
});

describe('limits', () => {
  let small: TestApp;
  let client: { agent: Agent; csrf: string };
  let id: string;
  beforeAll(async () => {
    small = await testApp({ env: { ATTACHMENT_MAX_FILE_MB: '1', ATTACHMENT_MAX_CASE_MB: '1' } });
    const user = await addUser(small.app, 'caseworker');
    id = (
      await importCase(small.app.db, small.app.keyRing, fixture('anton'), {
        assignedTo: user.id,
        actorId: user.id,
        now: small.clock.now,
      })
    ).id;
    client = await signIn(small.app, user);
  });
  afterAll(() => small.close());

  // Noise compresses badly: each of these stays about 0.6 MB after re-encoding.
  const noise = () => {
    const pixels = randomBytes(440 * 440 * 3);
    return sharp(pixels, { raw: { width: 440, height: 440, channels: 3 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
  };

  it('refuses a file over the limit with the limit named, and no 500', async () => {
    const res = await upload(client, id, [
      [Buffer.concat([await noise(), Buffer.alloc(1024 * 1024)]), 'big.png'],
    ]);
    expect(res.status).toBe(413);
    expect(res.text).toContain('larger than 1 MB');
  });

  it('holds the case quota under two concurrent uploads', async () => {
    const [a, b] = [await noise(), await noise()];
    expect(a.length).toBeGreaterThan(512 * 1024);
    const results = await Promise.all([
      upload(client, id, [[a, 'a.png']], { target: 'case', kind: 'photo' }),
      upload(client, id, [[b, 'b.png']], { target: 'case', kind: 'photo' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 400]);
    expect(results.find((r) => r.status === 400)!.text).toContain('more than 1 MB of files');
    const rows = await small.app.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, id));
    expect(rows).toHaveLength(1);
  });
});
