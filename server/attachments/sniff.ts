// What an upload is, decided from its bytes alone (never its name or the browser's Content-Type). Only the
// formats we can rewrite without keeping anything of the original are accepted.
import { fileTypeFromBuffer } from 'file-type';

const imageKinds = ['jpeg', 'png', 'webp'] as const;
export type ImageKind = (typeof imageKinds)[number];
export type FileKind = ImageKind | 'pdf';

export const mediaTypes: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** Why a file is refused before any decoding. */
export type SniffRefusal = 'empty' | 'heic' | 'unsupported';

const byExtension: Record<string, FileKind> = { jpg: 'jpeg', png: 'png', webp: 'webp', pdf: 'pdf' };

export async function sniff(
  bytes: Uint8Array,
): Promise<{ ok: true; kind: FileKind } | { ok: false; reason: SniffRefusal }> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const found = await fileTypeFromBuffer(bytes);
  const kind = found ? byExtension[found.ext] : undefined;
  if (kind) return { ok: true, kind };
  // The prebuilt sharp decodes AVIF but not HEVC-coded HEIC (patents): say how to get a JPEG instead.
  if (found && (found.ext === 'heic' || found.mime.startsWith('image/hei')))
    return { ok: false, reason: 'heic' };
  return { ok: false, reason: 'unsupported' };
}
