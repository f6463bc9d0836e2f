// PDFs are rebuilt, not edited: a fresh document receives copies of the pages and nothing else, so no
// earlier revision (incremental updates), document information, XMP, embedded file, JavaScript, form or
// link can come along. Filled-in form fields are first drawn into the page so their values stay visible.
// Every dictionary the pages reach is then scrubbed of the keys that carry metadata or actions, and objects
// the scrub left unreachable are dropped before saving.
import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { inOrder, type RemovedKind } from './exif';

const MAX_PDF_PAGES = 500;

export type PdfRefusal = 'encrypted' | 'damaged' | 'tooManyPages';

export interface CleanPdf {
  bytes: Buffer;
  pages: number;
  removed: RemovedKind[];
}

// Keys that hold metadata, actions, attachments or annotations wherever they appear.
const scrubbed = [
  'Metadata',
  'PieceInfo',
  'LastModified',
  'AA',
  'A',
  'OpenAction',
  'JS',
  'JavaScript',
  'Annots',
  'AF',
  'EmbeddedFiles',
  'Names',
  'Thumb',
  'URI',
].map((k) => PDFName.of(k));

const dictOf = (object: PDFObject | undefined) =>
  object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;

const has = (dict: PDFDict, key: string) => dict.has(PDFName.of(key));
const nameIs = (dict: PDFDict, key: string, value: string) => dict.get(PDFName.of(key)) === PDFName.of(value);

function findings(doc: PDFDocument, bytes: Uint8Array): RemovedKind[] {
  const found = new Set<RemovedKind>();
  const info = dictOf(doc.context.lookup(doc.context.trailerInfo.Info));
  if (info && info.keys().length > 0) found.add('documentInfo');
  if (has(doc.catalog, 'AcroForm')) found.add('formsAndLinks');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = dictOf(object);
    if (!dict) continue;
    if (nameIs(dict, 'Type', 'Metadata') || has(dict, 'Metadata')) found.add('xmp');
    if (
      nameIs(dict, 'Type', 'EmbeddedFile') ||
      nameIs(dict, 'Type', 'Filespec') ||
      has(dict, 'EmbeddedFiles')
    )
      found.add('embeddedFiles');
    if (has(dict, 'JS') || nameIs(dict, 'S', 'JavaScript') || has(dict, 'OpenAction') || has(dict, 'AA'))
      found.add('scripts');
    if (has(dict, 'Annots')) found.add('formsAndLinks');
  }
  // Each incremental update ends with its own end-of-file marker.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if ((text.match(/%%EOF/g) ?? []).length > 1) found.add('earlierRevisions');
  return inOrder(found);
}

/** Removes the scrubbed keys from every dictionary reachable from the catalog; returns what it reached. */
function scrubReachable(doc: PDFDocument): Set<PDFRef> {
  const reached = new Set<PDFRef>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (reached.has(object)) return;
      reached.add(object);
      visit(doc.context.lookup(object));
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
    } else {
      const dict = dictOf(object);
      if (!dict) return;
      for (const key of scrubbed) dict.delete(key);
      for (const [, value] of dict.entries()) visit(value);
    }
  };
  visit(doc.context.trailerInfo.Root);
  return reached;
}

async function rebuild(source: PDFDocument): Promise<Buffer> {
  try {
    source.getForm().flatten();
  } catch {
    // A form pdf-lib cannot flatten loses its field values with its widgets; the page content stays.
  }
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  out.context.trailerInfo.Info = undefined;
  out.context.trailerInfo.ID = undefined;
  const reached = scrubReachable(out);
  for (const [ref] of out.context.enumerateIndirectObjects()) if (!reached.has(ref)) out.context.delete(ref);
  // Without object streams every dictionary stays readable in the file, which is what the tests check.
  return Buffer.from(await out.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

export async function cleanPdf(
  bytes: Uint8Array,
): Promise<{ ok: true; pdf: CleanPdf } | { ok: false; reason: PdfRefusal }> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return { ok: false, reason: error instanceof EncryptedPDFError ? 'encrypted' : 'damaged' };
  }
  try {
    const pages = source.getPageCount();
    if (pages === 0) return { ok: false, reason: 'damaged' };
    if (pages > MAX_PDF_PAGES) return { ok: false, reason: 'tooManyPages' };
    const removed = findings(source, bytes);
    return { ok: true, pdf: { bytes: await rebuild(source), pages, removed } };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
