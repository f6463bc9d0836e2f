// Images are decoded and encoded again from their pixels alone: sharp writes no EXIF, GPS, XMP, IPTC, ICC
// profile, comment or embedded thumbnail unless asked to, and we never ask. Orientation is kept by turning
// the pixels (the EXIF flag that said how to turn them is gone). Decoding is bounded: a pixel limit read
// from the header refuses decompression bombs before any pixel is decoded, and a truncated or corrupt file
// fails on sharp's first warning.
import sharp, { type Sharp } from 'sharp';
import { exifFindings, inOrder, jpegHasComment, type RemovedKind } from './exif';
import type { ImageKind } from './sniff';

// Decoded images are not kept between requests: memory stays bounded by the upload being processed.
sharp.cache(false);

/** A 48-megapixel phone photo passes; a 10 000 x 10 000 bomb does not (it would decode to 400 MB). */
const MAX_PIXELS = 50_000_000;
const TIMEOUT_SECONDS = 60;
const THUMB_EDGE = 320;

export type ImageRefusal = 'tooManyPixels' | 'damaged';

export interface CleanImage {
  bytes: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
  removed: RemovedKind[];
}

const input = (bytes: Uint8Array) =>
  sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning', autoOrient: true }).timeout({
    seconds: TIMEOUT_SECONDS,
  });

function encode(image: Sharp, kind: ImageKind): Sharp {
  // Optimised Huffman coding holds every DCT coefficient of the image in memory (36 MB for 12 MP) to save
  // a few per cent of size: not worth it on a server taking 20 MB uploads.
  if (kind === 'jpeg') return image.jpeg({ quality: 90, optimiseCoding: false });
  if (kind === 'png') return image.png({ compressionLevel: 6 });
  return image.webp({ quality: 90 });
}

async function findings(bytes: Uint8Array, kind: ImageKind): Promise<RemovedKind[]> {
  const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  const found = new Set<RemovedKind>(meta.exif ? exifFindings(meta.exif) : []);
  if (meta.xmp) found.add('xmp');
  if (meta.icc) found.add('colourProfile');
  if (meta.iptc || meta.comments?.length || (kind === 'jpeg' && jpegHasComment(bytes))) found.add('comments');
  return inOrder(found);
}

const refusalOf = (error: unknown): ImageRefusal =>
  /pixel limit/i.test(String((error as Error)?.message)) ? 'tooManyPixels' : 'damaged';

export async function cleanImage(
  bytes: Uint8Array,
  kind: ImageKind,
): Promise<{ ok: true; image: CleanImage } | { ok: false; reason: ImageRefusal }> {
  try {
    const removed = await findings(bytes, kind);
    const { data, info } = await encode(input(bytes), kind).toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { ok: true, image: { bytes: data, width: info.width, height: info.height, thumbnail, removed } };
  } catch (error) {
    return { ok: false, reason: refusalOf(error) };
  }
}
