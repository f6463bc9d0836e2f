// The upload cleaner: type from bytes, images re-encoded, PDFs rebuilt, refusals named. Each fixture is
// first shown to hold its markers, so an absent marker afterwards means the cleaner removed it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanUpload } from '../../server/attachments/clean';
import {
  executable,
  jpegWithMetadata,
  MARK,
  markersIn,
  pdfText,
  pdfWithHiddenContent,
  pngPixelBomb,
  pngWithText,
  VISIBLE,
  zipBomb,
} from './fixtures';

const clean = async (bytes: Buffer) => {
  const result = await cleanUpload(bytes);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.file;
};

describe('images', () => {
  it('a JPEG loses GPS, camera, time, comment and XMP, and keeps its orientation by turning the pixels', async () => {
    const input = await jpegWithMetadata();
    expect(await markersIn(input)).toEqual(
      expect.arrayContaining([MARK.gps, MARK.camera, MARK.comment, MARK.xmp]),
    );
    const file = await clean(input);
    expect(file.mediaType).toBe('image/jpeg');
    expect(await markersIn(file.bytes)).toEqual([]);
    const meta = await sharp(file.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([20, 40]);
    expect(file.removed).toEqual(
      expect.arrayContaining(['location', 'camera', 'timestamps', 'comments', 'xmp']),
    );
    expect(await markersIn(file.thumbnail!)).toEqual([]);
  });

  it('a PNG loses its text chunks', async () => {
    const input = await pngWithText();
    expect(await markersIn(input)).toEqual([MARK.pngText]);
    const file = await clean(input);
    expect(file.mediaType).toBe('image/png');
    expect(await markersIn(file.bytes)).toEqual([]);
    expect(file.removed).toContain('comments');
  });

  it('a photo with nothing hidden reports nothing removed', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();
    const file = await clean(plain);
    expect(file.mediaType).toBe('image/webp');
    expect(file.removed).toEqual([]);
  });
});

describe('PDFs', () => {
  it('are rebuilt with the pages only: no Info, XMP, earlier revision, embedded file, script or link', async () => {
    const input = pdfWithHiddenContent(2);
    expect(await markersIn(input)).toEqual(
      expect.arrayContaining([
        MARK.pdfInfo,
        MARK.pdfXmp,
        MARK.earlier,
        MARK.embedded,
        MARK.script,
        MARK.link,
      ]),
    );
    const file = await clean(input);
    expect(file.mediaType).toBe('application/pdf');
    expect(file.pages).toBe(2);
    expect(await markersIn(file.bytes)).toEqual([]);
    const text = await pdfText(file.bytes);
    expect(text).toContain(VISIBLE);
    expect(text).not.toMatch(
      /\/(Info|Metadata|JavaScript|JS|OpenAction|EmbeddedFile|Annots|AcroForm|AA|URI)\b/,
    );
    expect((text.match(/%%EOF/g) ?? []).length).toBe(1);
    expect(file.removed).toEqual(
      expect.arrayContaining([
        'documentInfo',
        'xmp',
        'earlierRevisions',
        'embeddedFiles',
        'scripts',
        'formsAndLinks',
      ]),
    );
  });
});

describe('refusals', () => {
  it.each([
    ['an empty file', 'empty', () => Buffer.alloc(0)],
    ['a renamed executable', 'unsupported', executable],
    ['a zip bomb', 'unsupported', zipBomb],
    ['plain text', 'unsupported', () => Buffer.from('GPS 51.1, 71.4')],
    ['a PNG claiming 900 megapixels', 'tooManyPixels', pngPixelBomb],
    ['a truncated JPEG', 'damaged', async () => (await jpegWithMetadata(400, 300)).subarray(0, 900)],
    ['a PDF that is only a header', 'damaged', () => Buffer.from('%PDF-1.7\n%%EOF\n')],
  ])('%s is refused as %s', async (_name, reason, make) => {
    const result = await cleanUpload(await make());
    expect(result).toEqual({ ok: false, reason });
  });
});
