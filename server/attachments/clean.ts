// One entry point for an upload's bytes: decide the type from the bytes, then rewrite the file so that only
// its visible content is kept. The original bytes go no further than this function.

import type { RemovedKind } from './exif';
import type { ImageRefusal } from './images';
import type { PdfRefusal } from './pdf';
import type { FileKind, SniffRefusal } from './sniff';

// The file libraries (sharp, pdf-lib, file-type: together about a third of a second to load) are loaded on
// the first upload, not at start-up: most processes never receive one, and a restart should serve at once.
const libraries = () => Promise.all([import('./sniff'), import('./images'), import('./pdf')]);

export type Refusal = SniffRefusal | ImageRefusal | PdfRefusal;

export interface Cleaned {
  kind: FileKind;
  mediaType: string;
  bytes: Buffer;
  /** A small WebP preview; none for PDFs (the prebuilt sharp cannot render them). */
  thumbnail: Buffer | undefined;
  pages: number;
  width: number | null;
  height: number | null;
  removed: RemovedKind[];
}

export async function cleanUpload(
  bytes: Uint8Array,
): Promise<{ ok: true; file: Cleaned } | { ok: false; reason: Refusal }> {
  const [{ mediaTypes, sniff }, { cleanImage }, { cleanPdf }] = await libraries();
  const sniffed = await sniff(bytes);
  if (!sniffed.ok) return sniffed;
  const { kind } = sniffed;
  const mediaType = mediaTypes[kind];
  if (kind === 'pdf') {
    const pdf = await cleanPdf(bytes);
    if (!pdf.ok) return pdf;
    const { bytes: out, pages, removed } = pdf.pdf;
    return {
      ok: true,
      file: { kind, mediaType, bytes: out, thumbnail: undefined, pages, width: null, height: null, removed },
    };
  }
  const image = await cleanImage(bytes, kind);
  if (!image.ok) return image;
  const { bytes: out, thumbnail, width, height, removed } = image.image;
  return { ok: true, file: { kind, mediaType, bytes: out, thumbnail, pages: 1, width, height, removed } };
}
