// The document scans appended to a summary PDF (`?scans=1`, full and partner profiles only; never minimal,
// whose reader may not see the names a document shows). Each scan page gets a page of its own after the
// summary, under the summary's running head and foot (reference, profile, draft or approval, "page N of M",
// counted over the whole PDF), with a line saying which document it is. Only the stored, stripped bytes are
// used, decrypted in memory one file at a time: images are scaled to the page (at most 200 dpi) and drawn by
// pdfkit; a PDF's pages are left as boxes that pdf-lib fills with the stored PDF's pages, scaled to fit.
import { degrees, PDFDocument, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { labels } from '../../rules/labels';
import { MAX_PIXELS } from '../attachments/images';
import type { AttachmentRepository, ListedAttachment } from '../attachments/repository';
import { scanPlace } from '../attachments/scans';
import { type Translate, translator } from '../i18n';
import { printable } from './glyphs';
import { color, type Doc, left, lineWidth, margins, size } from './pdf-blocks';
import type { Summary } from './shape';

/** 200 dpi across A4's printable area: sharp on paper, a few hundred KB a page. */
const MAX_WIDTH_PX = 1330;
const MAX_HEIGHT_PX = 1980;

interface Scan {
  attachment: ListedAttachment;
  /** The document entry's place in the case (0-based) and type. */
  position: number;
  type: string;
  /** This scan's place among its document's scans (1-based) and their number. */
  nth: number;
  of: number;
  /** An image scaled to the page; undefined for a PDF. */
  image: Buffer | undefined;
}

/** A box on a placeholder page (pdfkit's coordinates, from the top) to receive a stored PDF's page. */
interface Box {
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
}

/** The scans of the case's document entries, in the annex's order; a scan whose entry changed is left out. */
async function documentScansOf(
  attachments: Attachments,
  caseId: string,
  documents: readonly { id: string; type: string }[],
): Promise<Omit<Scan, 'image'>[]> {
  const placeOf = (a: ListedAttachment) => scanPlace(a, documents);
  const current = (await attachments.list(caseId)).filter((a) => placeOf(a) !== null);
  current.sort((a, b) => (placeOf(a) ?? 0) - (placeOf(b) ?? 0));
  return current.map((attachment) => {
    const position = placeOf(attachment) ?? 0;
    const same = current.filter((a) => a.documentId === attachment.documentId);
    return {
      attachment,
      position,
      type: attachment.documentType ?? '',
      nth: same.indexOf(attachment) + 1,
      of: same.length,
    };
  });
}

/** The stored image, decrypted, turned white where transparent and scaled down to the page. */
async function pageImage(attachments: Attachments, attachment: ListedAttachment): Promise<Buffer> {
  const stored = await attachments.read(attachment, 'file');
  return sharp(stored, { limitInputPixels: MAX_PIXELS, sequentialRead: true })
    .resize(MAX_WIDTH_PX, MAX_HEIGHT_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
}

function caption(t: Translate, summary: Summary, scan: Scan, page: number): string {
  const type =
    labels[summary.locale].documentTypes[scan.type as keyof (typeof labels)['en']['documentTypes']];
  const parts = [
    t('att.summary.scanOf', { n: scan.position + 1, type: type ?? scan.type, nth: scan.nth, of: scan.of }),
  ];
  if (scan.attachment.pages > 1) parts.push(t('att.summary.filePage', { n: page, m: scan.attachment.pages }));
  return printable(parts.join(' · '));
}

/** Lays out the scan pages after the summary; returns the boxes that the stored PDFs' pages go into. */
function layOut(doc: Doc, summary: Summary, scans: readonly Scan[]): Map<ListedAttachment, Box[]> {
  const t = translator(summary.locale);
  const boxes = new Map<ListedAttachment, Box[]>();
  scans.forEach((scan, i) => {
    for (let page = 1; page <= scan.attachment.pages; page++) {
      doc.addPage();
      if (i === 0 && page === 1) {
        doc.font('bold').fontSize(size.section).fillColor(color.text);
        doc.text(printable(t('att.summary.appendix')), left(doc), doc.y, { width: lineWidth(doc) });
        doc.moveDown(0.3);
      }
      doc.font('bold').fontSize(size.heading).fillColor(color.text);
      doc.text(caption(t, summary, scan, page), left(doc), doc.y, { width: lineWidth(doc) });
      const top = doc.y + 6;
      const box = {
        page: doc.bufferedPageRange().count - 1,
        x: left(doc),
        top,
        width: lineWidth(doc),
        height: doc.page.height - margins.bottom - top,
      };
      if (scan.image) {
        doc.image(scan.image, box.x, box.top, {
          fit: [box.width, box.height],
          align: 'center',
          valign: 'center',
        });
      } else boxes.set(scan.attachment, [...(boxes.get(scan.attachment) ?? []), box]);
    }
  });
  return boxes;
}

/** Draws a stored PDF's page into its box, scaled to fit and turned as the page says it is to be shown. */
function drawInto(target: PDFPage, source: PDFPage, embedded: Parameters<PDFPage['drawPage']>[0], box: Box) {
  const angle = ((source.getRotation().angle % 360) + 360) % 360;
  const turned = angle === 90 || angle === 270;
  const w = turned ? embedded.height : embedded.width;
  const h = turned ? embedded.width : embedded.height;
  const scale = Math.min(box.width / w, box.height / h);
  const [dw, dh] = [w * scale, h * scale];
  const x = box.x + (box.width - dw) / 2;
  const y = target.getHeight() - box.top - box.height + (box.height - dh) / 2;
  // Turning about the lower-left corner moves the page out of its box: shift it back in.
  const shift: Record<number, [number, number]> = { 0: [0, 0], 90: [0, dh], 180: [dw, dh], 270: [dw, 0] };
  const [sx, sy] = shift[angle] ?? [0, 0];
  target.drawPage(embedded, {
    x: x + sx,
    y: y + sy,
    xScale: scale,
    yScale: scale,
    rotate: degrees(-angle),
  });
}

async function fillBoxes(
  attachments: Attachments,
  pdf: Buffer,
  boxes: Map<ListedAttachment, Box[]>,
): Promise<Buffer> {
  if (boxes.size === 0) return pdf;
  const out = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const [attachment, places] of boxes) {
    const source = await PDFDocument.load(await attachments.read(attachment, 'file'), {
      updateMetadata: false,
    });
    const pages = source.getPages().slice(0, places.length);
    const embedded = await out.embedPages(pages);
    places.forEach((box, i) => {
      drawInto(out.getPage(box.page), pages[i]!, embedded[i]!, box);
    });
  }
  return Buffer.from(await out.save());
}

/** Where the scans are read from: the attachment repository. */
export type Attachments = Pick<AttachmentRepository, 'list' | 'read'>;

/**
 * The summary's PDF with the scans of its documents appended, and how many scans that was. `write` is the
 * summary writer (pdf.ts's summaryPdf with its info bound), given the pages to draw after the summary.
 */
export async function summaryWithScans(
  attachments: Attachments,
  caseId: string,
  documents: readonly { id: string; type: string }[],
  summary: Summary,
  write: (appendix: (doc: Doc) => void) => Promise<Buffer>,
): Promise<{ pdf: Buffer; scans: number }> {
  const scans: Scan[] = [];
  for (const scan of await documentScansOf(attachments, caseId, documents)) {
    const isPdf = scan.attachment.mediaType === 'application/pdf';
    scans.push({
      ...scan,
      image: isPdf ? undefined : await pageImage(attachments, scan.attachment),
    });
  }
  let boxes = new Map<ListedAttachment, Box[]>();
  const laidOut = await write((doc) => {
    boxes = layOut(doc, summary, scans);
  });
  return { pdf: await fillBoxes(attachments, laidOut, boxes), scans: scans.length };
}
