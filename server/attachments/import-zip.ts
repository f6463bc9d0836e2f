// Reading a "case with attachments" zip (export-zip.ts writes them), which is untrusted input. The central
// directory is read first and every entry is judged by its declared sizes before anything is inflated: at
// most MAX_ENTRIES entries, a case file and a manifest of at most MAX_CASE_FILE_BYTES, each attachment within
// the file limit and all of them within the case limit, stored or deflated only, no name twice, nothing the
// manifest does not name. An entry is then inflated alone into a buffer of its declared size (fflate never
// grows it, so a lying header yields a truncated file that the cleaning refuses, not a bomb).
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { attachmentKinds } from '../../db/schema';

export const MAX_ATTACHMENTS = 1000;
const MAX_ENTRIES = MAX_ATTACHMENTS + 2;
const MANIFEST = 'attachments/manifest.json';

/** Why a zip is refused before any file in it is looked at; `file` names the entry when there is one. */
export type ZipRefusal =
  | {
      reason:
        | 'notZip'
        | 'tooManyEntries'
        | 'noCaseFile'
        | 'noManifest'
        | 'caseTooLarge'
        | 'caseNotJson'
        | 'badManifest';
    }
  | {
      reason: 'fileTooLarge' | 'unexpectedEntry' | 'duplicateEntry' | 'missingEntry' | 'badCompression';
      file: string;
    };

const manifestEntry = z.looseObject({
  file: z.string().regex(/^attachments\/\d{3,4}-[a-z_]{1,40}\.(jpg|png|webp|pdf)$/),
  document: z.strictObject({ index: z.number().int().min(0).max(9999), type: z.string().max(80) }).nullable(),
  kind: z.enum(attachmentKinds),
  caption: z.string().max(300).nullable(),
});
const manifestSchema = z.looseObject({
  format: z.literal('waypost-attachments/1'),
  attachments: z.array(manifestEntry).max(MAX_ATTACHMENTS),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

export interface CaseZip {
  /** The case file's JSON value, not yet parsed as a case file. */
  caseFile: unknown;
  attachments: ManifestEntry[];
}

interface Entry {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

/** The entries as the central directory declares them; nothing is inflated. Throws on a broken zip. */
function entriesOf(zip: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  unzipSync(zip, {
    filter: (file) => {
      if (entries.length >= MAX_ENTRIES) throw new RangeError('too many entries');
      entries.push({ ...file });
      return false;
    },
  });
  return entries;
}

/** One entry's bytes, inflated into a buffer of its declared size and no more. */
export function inflateEntry(zip: Uint8Array, name: string): Uint8Array {
  const found = unzipSync(zip, { filter: (file) => file.name === name })[name];
  if (!found) throw new Error(`entry ${name} vanished`);
  return found;
}

function json(zip: Uint8Array, name: string): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(inflateEntry(zip, name));
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** The case file and the manifest of a zip whose every entry is accounted for and within the limits. */
export function readCaseZip(
  zip: Uint8Array,
  limits: { fileBytes: number; caseBytes: number; caseFileBytes: number },
): { ok: true; value: CaseZip } | { ok: false; refusal: ZipRefusal } {
  let entries: Entry[];
  try {
    entries = entriesOf(zip);
  } catch (error) {
    return { ok: false, refusal: { reason: error instanceof RangeError ? 'tooManyEntries' : 'notZip' } };
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) return { ok: false, refusal: { reason: 'duplicateEntry', file: e.name } };
    seen.add(e.name);
    if (e.compression !== 0 && e.compression !== 8)
      return { ok: false, refusal: { reason: 'badCompression', file: e.name } };
  }
  const caseFiles = entries.filter((e) => /^[^/]+\.json$/.test(e.name));
  const manifestEntry = entries.find((e) => e.name === MANIFEST);
  if (caseFiles.length !== 1) return { ok: false, refusal: { reason: 'noCaseFile' } };
  if (!manifestEntry) return { ok: false, refusal: { reason: 'noManifest' } };
  for (const e of [caseFiles[0]!, manifestEntry]) {
    if (Math.max(e.size, e.originalSize) > limits.caseFileBytes)
      return { ok: false, refusal: { reason: 'caseTooLarge' } };
  }
  const manifest = manifestSchema.safeParse(json(zip, MANIFEST));
  if (!manifest.success) return { ok: false, refusal: { reason: 'badManifest' } };
  const named = new Set(manifest.data.attachments.map((a) => a.file));
  if (named.size !== manifest.data.attachments.length)
    return { ok: false, refusal: { reason: 'badManifest' } };
  let total = 0;
  for (const e of entries) {
    if (e === caseFiles[0] || e === manifestEntry) continue;
    if (!named.has(e.name)) return { ok: false, refusal: { reason: 'unexpectedEntry', file: e.name } };
    const size = Math.max(e.size, e.originalSize);
    total += size;
    if (size > limits.fileBytes || total > limits.caseBytes)
      return { ok: false, refusal: { reason: 'fileTooLarge', file: e.name } };
  }
  for (const name of named)
    if (!seen.has(name)) return { ok: false, refusal: { reason: 'missingEntry', file: name } };
  const caseFile = json(zip, caseFiles[0]!.name);
  if (caseFile === undefined) return { ok: false, refusal: { reason: 'caseNotJson' } };
  return { ok: true, value: { caseFile, attachments: manifest.data.attachments } };
}
