// Reads just enough of an image's metadata to tell the caseworker what re-encoding removed: a minimal TIFF
// (EXIF) directory walk for location, camera and time tags, and a JPEG segment walk for comments.

/** What an upload carried that the stored copy does not. */
const removedKinds = [
  'location',
  'camera',
  'timestamps',
  'comments',
  'xmp',
  'colourProfile',
  'thumbnail',
  'otherExif',
  'documentInfo',
  'earlierRevisions',
  'embeddedFiles',
  'scripts',
  'formsAndLinks',
] as const;
export type RemovedKind = (typeof removedKinds)[number];

/** The kinds found, most betraying first (the order of `removedKinds`). */
export const inOrder = (found: Iterable<RemovedKind>): RemovedKind[] =>
  [...new Set(found)].sort((a, b) => removedKinds.indexOf(a) - removedKinds.indexOf(b));

const GPS_IFD = 0x8825;
const EXIF_IFD = 0x8769;
const cameraTags = new Set([0x010f, 0x0110, 0xa430, 0xa431, 0xa432, 0xa433, 0xa434, 0x0131]);
const timeTags = new Set([0x0132, 0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292]);

/** Categories found in an EXIF block (`Exif\0\0` header optional). Unreadable blocks count as other EXIF. */
export function exifFindings(exif: Buffer): Set<RemovedKind> {
  const found = new Set<RemovedKind>(['otherExif']);
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  if (tiff.length < 8) return found;
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const visited = new Set<number>();
  const walk = (offset: number, depth: number): number => {
    if (depth > 3 || visited.has(offset) || offset + 2 > tiff.length) return 0;
    visited.add(offset);
    const count = u16(offset);
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      if (entry + 12 > tiff.length) return 0;
      const tag = u16(entry);
      if (tag === GPS_IFD) found.add('location');
      else if (cameraTags.has(tag)) found.add('camera');
      else if (timeTags.has(tag)) found.add('timestamps');
      else if (tag === EXIF_IFD) walk(u32(entry + 8), depth + 1);
    }
    const next = offset + 2 + count * 12;
    return next + 4 <= tiff.length ? u32(next) : 0;
  };
  try {
    // IFD1, when present, is the embedded thumbnail: a small copy of the photo as it was before any edit.
    if (walk(u32(4), 0) !== 0) found.add('thumbnail');
  } catch {
    // A malformed directory: what we could read is reported; the block is dropped either way.
  }
  return found;
}

/** Whether a JPEG has a comment (COM) segment before its image data. */
export function jpegHasComment(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xfe) return true;
    if (marker === 0xda) return false; // start of scan: no more metadata segments
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return false;
}
