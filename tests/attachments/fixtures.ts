// Upload fixtures made here, each carrying markers in the places that betray: EXIF GPS and camera, JPEG
// comment, XMP, PNG text chunk, PDF Info, XMP, an earlier revision, an embedded file, JavaScript and a link.
import { deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { decodePDFRawStream } from 'pdf-lib/cjs/core/streams/decode';
import sharp from 'sharp';

export const MARK = {
  gps: 'MARK-GPS-AREA',
  camera: 'MARK-CAMERA-MODEL',
  comment: 'MARK-JPEG-COMMENT',
  xmp: 'MARK-XMP-PACKET',
  pngText: 'MARK-PNG-TEXT',
  pdfInfo: 'MARK-PDF-INFO',
  pdfXmp: 'MARK-PDF-XMP',
  earlier: 'MARK-EARLIER-REVISION',
  embedded: 'MARK-EMBEDDED-FILE',
  script: 'MARK-JAVASCRIPT',
  link: 'MARK-LINK-URI',
} as const;

export const VISIBLE = 'VISIBLE-PAGE-TEXT';

const xmpPacket = (marker: string) =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${marker}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A 40x20 photo (orientation 6: shown 20x40) with GPS, camera, date, XMP and a comment segment. */
export async function jpegWithMetadata(width = 40, height = 20): Promise<Buffer> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'MARK', Model: MARK.camera, DateTime: '2026:01:02 03:04:05' },
      IFD2: { DateTimeOriginal: '2026:01:02 03:04:05' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1', GPSMapDatum: MARK.gps },
    })
    .withXmp(xmpPacket(MARK.xmp))
    .toBuffer();
  const text = Buffer.from(MARK.comment, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
  return Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

/** A PNG with a tEXt chunk holding the marker. */
export async function pngWithText(): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 4, background: '#3366cc' } })
    .png()
    .toBuffer();
  const text = pngChunk('tEXt', Buffer.from(`Comment\0${MARK.pngText}`, 'latin1'));
  return Buffer.concat([png.subarray(0, 33), text, png.subarray(33)]); // after the signature and IHDR
}

/** A PNG whose header claims 30 000 x 30 000 pixels: 3.6 GB decoded, a few hundred bytes sent. */
export function pngPixelBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const idat = deflateRawSync(Buffer.alloc(1024));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A zip whose one entry inflates from ~50 kB to 50 MB. */
export function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
  const name = Buffer.from('scan.jpg');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(50 * 1024 * 1024, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

/** A Windows executable's first bytes, as if renamed to scan.jpg. */
export const executable = () =>
  Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    Buffer.alloc(512),
  ]);

/** A PDF with every kind of hidden content, and an incremental update replacing page content whose earlier
 * version held a marker. Written by hand so each marker is in plain text. */
export function pdfWithHiddenContent(pages = 1): Buffer {
  const objects: string[] = [];
  const font = 3 + 2 * pages;
  const kids = Array.from({ length: pages }, (_, i) => `${3 + 2 * i} 0 R`).join(' ');
  objects[1] =
    '<< /Type /Catalog /Pages 2 0 R /Metadata 20 0 R /OpenAction 21 0 R /Names << /EmbeddedFiles << /Names [(notes.txt) 22 0 R] >> >> /AcroForm << /Fields [] >> >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  for (let i = 0; i < pages; i++) {
    objects[3 + 2 * i] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * i} 0 R /Annots [24 0 R] /AA << /O 21 0 R >> >>`;
    objects[4 + 2 * i] = stream(`BT /F1 24 Tf 72 720 Td (${i === 0 ? MARK.earlier : `page ${i + 1}`}) Tj ET`);
  }
  objects[font] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[20] = `<< /Type /Metadata /Subtype /XML /Length ${xmpPacket(MARK.pdfXmp).length} >>\nstream\n${xmpPacket(MARK.pdfXmp)}\nendstream`;
  objects[21] = `<< /S /JavaScript /JS (app.alert\\('${MARK.script}'\\)) >>`;
  objects[22] = '<< /Type /Filespec /F (notes.txt) /EF << /F 23 0 R >> >>';
  objects[23] = `<< /Type /EmbeddedFile /Length ${MARK.embedded.length} >>\nstream\n${MARK.embedded}\nendstream`;
  objects[24] = `<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (https://example.org/${MARK.link}) >> >>`;
  objects[25] = `<< /Author (${MARK.pdfInfo}) /Producer (${MARK.pdfInfo}) /CreationDate (D:20260102030405Z) >>`;
  const first = writeRevision('%PDF-1.7\n', objects, { Root: '1 0 R', Info: '25 0 R' });
  // The update replaces the first page's content: the marker stays in the file's earlier revision only.
  const update: string[] = [];
  update[4] = stream(`BT /F1 24 Tf 72 720 Td (${VISIBLE}) Tj ET`);
  return Buffer.from(
    writeRevision(first, update, { Root: '1 0 R', Info: '25 0 R', Prev: String(first.lastIndexOf('xref')) }),
    'latin1',
  );
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

function writeRevision(before: string, objects: string[], trailer: Record<string, string>): string {
  let out = before;
  const offsets: [number, number][] = [];
  objects.forEach((body, n) => {
    if (body === undefined) return;
    offsets.push([n, out.length]);
    out += `${n} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += 'xref\n';
  for (const [n, offset] of offsets) out += `${n} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(...offsets.map(([n]) => n)) + 1;
  const entries = Object.entries(trailer).map(([k, v]) => `/${k} ${v}`);
  out += `trailer\n<< /Size ${size} ${entries.join(' ')} >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/** The file's raw text and every stream decoded, as one string to search for markers. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const parts = [Buffer.from(bytes).toString('latin1')];
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    // An image stream (DCTDecode) pdf-lib cannot decode is searched as it is: a JPEG's metadata is not coded.
    let decoded: Uint8Array;
    try {
      decoded = decodePDFRawStream(object).decode();
    } catch {
      decoded = object.contents;
    }
    parts.push(Buffer.from(decoded).toString('latin1'));
  }
  return parts.join('\n');
}

/** Every marker found in a file (decoded when it is a PDF). */
export async function markersIn(bytes: Uint8Array): Promise<string[]> {
  const isPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
  const text = isPdf ? await pdfText(bytes) : Buffer.from(bytes).toString('latin1');
  return Object.values(MARK).filter((m) => text.includes(m));
}
