// Lays a summary (model.ts) out as an A4 PDF with pdfkit: real text in an embedded subset of PT Sans, so it
// is selectable and Cyrillic prints as typed. The first page opens with the organisation's letterhead. Pages
// are buffered so that, once the content is laid out, each page gets its running head (organisation,
// reference), the profile, the draft or approval mark and "page N of M". Blocks are drawn by pdf-blocks.ts;
// every text first loses the characters the font cannot draw (glyphs.ts), so none prints as a box.
import PDFDocument from 'pdfkit';
import { faces } from './fonts';
import { printableCover, printableSummary } from './glyphs';
import {
  block,
  type CellAt,
  color,
  type Doc,
  facts,
  leadHeight,
  left,
  lineWidth,
  margins,
  paragraph,
  rule,
  sectionTitle,
  size,
  table,
} from './pdf-blocks';
import type { Cover, Fact, Letterhead, PageMarks, Summary } from './shape';

export interface PdfInfo {
  title: string;
  author: string;
  now: Date;
  lang: string;
}

function newDoc(info: PdfInfo): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    autoFirstPage: false,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and every text here sets
    // one of the registered faces first (an empty name is pdfkit's "none").
    font: '',
    lang: info.lang,
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Creator: 'Waypost',
      Producer: 'Waypost',
      CreationDate: info.now,
    },
  });
  const { regular, bold, italic } = faces();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.registerFont('italic', italic);
  return doc;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The organisation's name, address and contact at the head of the first page, ruled off from the rest. */
function letterheadBlock(doc: Doc, letterhead: Letterhead): void {
  doc.font('bold').fontSize(size.letterhead).fillColor(color.text).text(letterhead.name, left(doc), doc.y);
  doc.font('regular').fontSize(size.body).fillColor(color.muted);
  for (const line of letterhead.lines) doc.text(line, left(doc), doc.y, { width: lineWidth(doc) });
  rule(doc, doc.y + 4, color.text);
  doc.y += 14;
}

function titleBlock(doc: Doc, title: string, subtitle: string, draft: string | null, rows: readonly Fact[]) {
  doc.font('bold').fontSize(size.title).fillColor(color.text).text(title, left(doc), doc.y);
  doc.font('bold').fontSize(size.subtitle).fillColor(color.muted).text(subtitle, left(doc), doc.y);
  doc.moveDown(0.5);
  if (draft) {
    const y = doc.y;
    doc.save().rect(left(doc), y, lineWidth(doc), 22).fill('#fde8ea').restore();
    doc
      .font('bold')
      .fontSize(11)
      .fillColor(color.draft)
      .text(draft, left(doc) + 8, y + 5, { width: lineWidth(doc) - 16 });
    doc.y = y + 30;
  }
  facts(doc, rows);
}

// --- Page furniture ------------------------------------------------------------------------------------------

/** Writes outside the margins without pdfkit starting a new page. */
function unbounded(doc: Doc, draw: () => void): void {
  const saved = doc.page.margins;
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  draw();
  doc.page.margins = saved;
}

function decorate(doc: Doc, owners: readonly PageMarks[]): void {
  const total = owners.length;
  owners.forEach((marks, i) => {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const x = margins.left;
    const w = width - margins.left - margins.right;
    unbounded(doc, () => {
      if (marks.draft) {
        // Across the page, light enough to read through, on every page: no page can pass as final.
        doc.save();
        doc.rotate(-40, { origin: [width / 2, height / 2] });
        doc
          .font('bold')
          .fontSize(52)
          .fillColor(color.draft)
          .fillOpacity(0.1)
          .text(marks.draft, 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
        doc.restore();
        doc.fillOpacity(1);
      }
      const top = 28;
      doc.font('bold').fontSize(size.small).fillColor(color.text);
      doc.text(marks.head, x, top, { width: w * 0.62, lineBreak: false, ellipsis: true });
      doc.text(marks.reference, x + w * 0.62, top, { width: w * 0.38, align: 'right', lineBreak: false });
      doc.font('regular').fillColor(color.muted);
      doc.text(marks.profile, x, top + 11, { width: w * 0.62, lineBreak: false, ellipsis: true });
      const status = marks.draft ?? marks.approval ?? '';
      doc
        .font('bold')
        .fillColor(marks.draft ? color.draft : color.approved)
        .text(status, x + w * 0.45, top + 11, { width: w * 0.55, align: 'right', lineBreak: false });
      rule(doc, top + 24);
      const foot = height - 42;
      rule(doc, foot - 6);
      doc.font('regular').fontSize(size.small).fillColor(color.muted);
      doc.text([marks.reference, marks.profile].filter(Boolean).join(' · '), x, foot, {
        width: w * 0.7,
        lineBreak: false,
        ellipsis: true,
      });
      const page = marks.page.replace('{n}', String(i + 1)).replace('{m}', String(total));
      doc
        .fillColor(color.text)
        .text(page, x + w * 0.7, foot, { width: w * 0.3, align: 'right', lineBreak: false });
      if (marks.draft) {
        doc
          .font('bold')
          .fillColor(color.draft)
          .text(marks.draft, x, foot + 11, { width: w, align: 'center', lineBreak: false });
      }
    });
  });
}

const marksOf = (s: Summary): PageMarks => ({
  head: `${s.orgName} · ${s.title}`,
  reference: s.reference,
  profile: s.marks.profile,
  draft: s.marks.draft,
  approval: s.marks.approval,
  page: s.marks.page,
});

/** Lays out one summary from a new page on; returns the marks of each page it took. */
function writeSummary(doc: Doc, s: Summary): PageMarks[] {
  const first = doc.bufferedPageRange().count;
  doc.addPage();
  letterheadBlock(doc, s.letterhead);
  titleBlock(doc, s.title, `${s.pseudonym} · ${s.reference}`, s.marks.draft, s.facts);
  for (const section of s.sections) {
    if (section.newPage) doc.addPage();
    const [first, second] = section.blocks;
    // A title keeps its first block with it, and the one after that when the first is a heading or a line.
    const lead = first?.kind === 'heading' || first?.kind === 'text' ? leadHeight(doc, second) : 0;
    sectionTitle(doc, section.title, leadHeight(doc, first) + lead);
    section.blocks.forEach((b, i) => {
      block(doc, b, section.blocks[i + 1]);
    });
  }
  const pages = doc.bufferedPageRange().count - first;
  return Array.from({ length: pages }, () => marksOf(s));
}

/** `appendix` draws pages after the summary's own (the scans): they carry its marks and count in its pages. */
export async function summaryPdf(s: Summary, info: PdfInfo, appendix?: (doc: Doc) => void): Promise<Buffer> {
  const doc = newDoc(info);
  const owners = writeSummary(doc, printableSummary(s));
  appendix?.(doc);
  decorate(doc, [...owners, ...Array(doc.bufferedPageRange().count - owners.length).fill(owners[0])]);
  return finish(doc);
}

/** Several summaries behind a cover index that names the page each one starts on. */
export async function groupPdf(
  unprinted: Cover,
  summaries: readonly Summary[],
  info: PdfInfo,
): Promise<Buffer> {
  const cover = printableCover(unprinted);
  const doc = newDoc(info);
  doc.addPage();
  letterheadBlock(doc, cover.letterhead);
  titleBlock(doc, cover.title, cover.letterhead.name, null, cover.facts);
  paragraph(doc, cover.intro);
  sectionTitle(doc, cover.heading, 40);
  const pageCells: CellAt[] = [];
  table(doc, cover.columns, cover.widths, cover.rows, pageCells);
  const owners: PageMarks[] = Array.from({ length: doc.bufferedPageRange().count }, () => cover.marks);
  const starts: number[] = [];
  for (const s of summaries) {
    starts.push(owners.length + 1);
    owners.push(...writeSummary(doc, printableSummary(s)));
  }
  pageCells.forEach((cell, i) => {
    doc.switchToPage(cell.page);
    unbounded(doc, () => {
      doc
        .font('regular')
        .fontSize(size.table)
        .fillColor(color.text)
        .text(String(starts[i]), cell.x, cell.y, { width: cell.width, lineBreak: false });
    });
  });
  decorate(doc, owners);
  return finish(doc);
}
