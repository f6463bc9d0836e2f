// The "case with attachments" export: a zip (fflate) of the case file and the stripped files, for moving a
// case between installations. Built as a stream, one attachment decrypted at a time, so a full case (200 MB)
// is never held in memory; files are stored, not compressed (images and PDFs are compressed already).
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { ListedAttachment } from './repository';
import { type DocumentEntry, scanPlace } from './scans';

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
const HIGH_WATER = 8 * 1024 * 1024;

const attachmentFileName = (a: ListedAttachment, n: number) =>
  `attachments/${String(n + 1).padStart(3, '0')}-${a.kind}.${extensions[a.mediaType] ?? 'bin'}`;

/** The document entry of the case file a scan belongs to, by its place there (the file has no entry ids). */
function documentOf(a: ListedAttachment, documents: readonly DocumentEntry[]) {
  const index = scanPlace(a, documents);
  return index === null ? null : { index, type: a.documentType };
}

/** What each file is, beside it in the zip: the case file itself carries no binaries. */
function manifest(attachments: readonly ListedAttachment[], documents: readonly DocumentEntry[]) {
  return {
    format: 'waypost-attachments/1',
    attachments: attachments.map((a, n) => ({
      file: attachmentFileName(a, n),
      document: documentOf(a, documents),
      kind: a.kind,
      caption: a.caption ?? null,
      mediaType: a.mediaType,
      pages: a.pages,
      addedAt: a.addedAt.toISOString(),
      removed: a.removed,
    })),
  };
}

export function caseZip(
  caseFileName: string,
  caseFile: unknown,
  attachments: readonly ListedAttachment[],
  documents: readonly DocumentEntry[],
  read: (a: ListedAttachment) => Promise<Buffer>,
): Readable {
  const out = new PassThrough();
  (async () => {
    // fflate is loaded by the first export, not at start-up.
    const { Zip, ZipDeflate, ZipPassThrough } = await import('fflate');
    const zip = new Zip((error, chunk, final) => {
      if (error) return out.destroy(error);
      out.write(chunk);
      if (final) out.end();
    });
    const text = (name: string, value: unknown) => {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`), true);
    };
    text(caseFileName, caseFile);
    text('attachments/manifest.json', manifest(attachments, documents));
    for (const [n, a] of attachments.entries()) {
      const entry = new ZipPassThrough(attachmentFileName(a, n));
      zip.add(entry);
      entry.push(await read(a), true);
      if (out.writableLength > HIGH_WATER) await once(out, 'drain');
    }
    zip.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
