// Lays a summary (model.ts) out as an A4 PDF with pdfkit: real text in an embedded subset of PT Sans, so it
// is selectable and Cyrillic prints as typed. Pages are buffered so that, once the content is laid out, each
// page gets its running head (organisation, reference), the profile, the draft or approval mark and
// "page N of M".
import PDFDocument from 'pdfkit';
import { fonts } from './fonts';
import type { Block, Fact, Item, Summary, Tone } from './model';

type Doc = PDFKit.PDFDocument;

const margins = { top: 70, bottom: 64, left: 56, right: 56 };
const color = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#b5b5b5',
  fill: '#efefef',
  draft: '#b00020',
  approved: '#1f6f3a',
} as const;
const toneColor: Record<Tone, string> = {
  critical: '#b00020',
  high: '#d9480f',
  warning: '#b8860b',
  info: '#4a6fa5',
  ok: '#2b8a3e',
};
const size = {
  body: 9.5,
  small: 8,
  table: 8.5,
  title: 20,
  subtitle: 13,
  section: 12.5,
  heading: 10,
} as const;

/** What a page says at its top and bottom: the summary (or cover) it belongs to. */
interface PageMarks {
  head: string;
  reference: string;
  profile: string;
  draft: string | null;
  approval: string | null;
  page: string;
}

/** A group's cover index: one row per case; `pages` is filled in once the cases are laid out. */
export interface Cover {
  title: string;
  orgName: string;
  facts: Fact[];
  intro: string;
  heading: string;
  columns: string[];
  widths: number[];
  rows: string[][];
  marks: PageMarks;
}

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
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
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

// --- Geometry ------------------------------------------------------------------------------------------------

const left = (doc: Doc) => doc.page.margins.left;
const lineWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const currentPage = (doc: Doc) => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

/** Starts a new page unless `height` more points fit on this one. */
function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function rule(doc: Doc, y: number, c: string = color.rule): void {
  doc
    .save()
    .moveTo(left(doc), y)
    .lineTo(left(doc) + lineWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor(c)
    .stroke()
    .restore();
}

// --- Blocks --------------------------------------------------------------------------------------------------

const LABEL_SHARE = 0.32;

function factHeight(doc: Doc, row: Fact): number {
  const labelW = lineWidth(doc) * LABEL_SHARE;
  const valueW = lineWidth(doc) - labelW - 10;
  doc.font('regular').fontSize(size.body);
  return (
    Math.max(
      doc.heightOfString(row.label, { width: labelW }),
      doc.heightOfString(row.value, { width: valueW }),
    ) + 3
  );
}

function facts(doc: Doc, rows: readonly Fact[]): void {
  const x = left(doc);
  const labelW = lineWidth(doc) * LABEL_SHARE;
  const valueW = lineWidth(doc) - labelW - 10;
  for (const row of rows) {
    const h = factHeight(doc, row);
    ensure(doc, h);
    const y = doc.y;
    doc.fillColor(color.muted).text(row.label, x, y, { width: labelW });
    doc.fillColor(color.text).text(row.value, x + labelW + 10, y, { width: valueW });
    doc.x = x;
    doc.y = y + h;
  }
  doc.moveDown(0.3);
}

interface CellAt {
  page: number;
  x: number;
  y: number;
  width: number;
}

const PAD = 3;

function tableSize(
  doc: Doc,
  columns: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
) {
  const colW = widths.map((w) => w * lineWidth(doc));
  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size.table);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: colW[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const headerH = heightOf(columns, 'bold');
  const heights = rows.map((r) => heightOf(r, 'regular'));
  const whole = headerH + heights.reduce((a, b) => a + b, 0);
  // A short table stays in one piece; a long one starts with at least its header and first row.
  const pageRoom = bottom(doc) - doc.page.margins.top;
  const keep = whole < pageRoom * 0.4 ? whole : headerH + (heights[0] ?? 0);
  return { colW, headerH, heights, keep };
}

/** A table whose rows never split across pages; the header repeats on each page. */
function table(
  doc: Doc,
  columns: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
  lastCells?: CellAt[],
): void {
  const x0 = left(doc);
  const { colW, headerH, heights, keep } = tableSize(doc, columns, widths, rows);
  const xs = colW.map((_, i) => x0 + colW.slice(0, i).reduce((a, b) => a + b, 0));
  const drawRow = (cells: readonly string[], font: string, h: number, shaded: boolean) => {
    const y = doc.y;
    if (shaded) doc.save().rect(x0, y, lineWidth(doc), h).fill(color.fill).restore();
    doc.font(font).fontSize(size.table).fillColor(color.text);
    cells.forEach((c, i) => {
      doc.text(c, xs[i]! + PAD, y + PAD, { width: colW[i]! - 2 * PAD });
    });
    rule(doc, y + h);
    doc.x = x0;
    doc.y = y + h;
  };
  const header = () => drawRow(columns, 'bold', headerH, true);
  ensure(doc, keep);
  header();
  rows.forEach((row, r) => {
    const h = heights[r]!;
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      header();
    }
    lastCells?.push({
      page: currentPage(doc),
      x: xs[xs.length - 1]! + PAD,
      y: doc.y + PAD,
      width: colW[colW.length - 1]! - 2 * PAD,
    });
    drawRow(row, 'regular', h, false);
  });
  doc.moveDown(0.5);
}

function paragraph(doc: Doc, text: string, quote = false): void {
  const indent = quote ? 12 : 0;
  const width = lineWidth(doc) - indent;
  doc.font(quote ? 'italic' : 'regular').fontSize(size.body);
  ensure(doc, Math.min(doc.heightOfString(text, { width }), 60));
  const y = doc.y;
  const page = currentPage(doc);
  doc.fillColor(color.text).text(text, left(doc) + indent, y, { width, lineGap: 1 });
  if (quote && currentPage(doc) === page) {
    doc
      .save()
      .rect(left(doc), y, 2.5, doc.y - y)
      .fill(color.rule)
      .restore();
  }
  doc.x = left(doc);
  doc.moveDown(0.4);
}

const ITEM_INDENT = 10;

function itemHeight(doc: Doc, item: Item): number {
  const width = lineWidth(doc) - ITEM_INDENT;
  doc.font('bold').fontSize(size.body);
  const titleH = doc.heightOfString(item.title, { width });
  doc.font('regular');
  const bodyH = item.lines.reduce((h, line) => h + doc.heightOfString(line, { width }) + 1, 0);
  return Math.min(titleH + bodyH, 200) + 4;
}

function items(doc: Doc, list: readonly Item[]): void {
  const indent = ITEM_INDENT;
  const width = lineWidth(doc) - indent;
  for (const item of list) {
    ensure(doc, itemHeight(doc, item));
    const y = doc.y;
    const page = currentPage(doc);
    doc
      .font('bold')
      .fillColor(color.text)
      .text(item.title, left(doc) + indent, y, { width });
    doc.font('regular');
    for (const line of item.lines) doc.text(line, left(doc) + indent, doc.y + 1, { width });
    if (currentPage(doc) === page) {
      doc
        .save()
        .rect(left(doc), y, 3, doc.y - y)
        .fill(toneColor[item.tone])
        .restore();
    }
    doc.x = left(doc);
    doc.y += 6;
  }
}

/** What a block needs on the page it starts on: a heading before it keeps at least this much with it. */
function leadHeight(doc: Doc, b: Block | undefined): number {
  if (!b) return 0;
  switch (b.kind) {
    case 'facts':
      return b.rows[0] ? factHeight(doc, b.rows[0]) : 0;
    case 'table':
      return tableSize(doc, b.columns, b.widths, b.rows).keep;
    case 'text':
      doc.font('regular').fontSize(size.body);
      return Math.min(doc.heightOfString(b.text, { width: lineWidth(doc) }), 60);
    case 'items':
      return b.items[0] ? itemHeight(doc, b.items[0]) : 0;
    case 'heading':
      return 60;
  }
}

function block(doc: Doc, b: Block, next: Block | undefined): void {
  switch (b.kind) {
    case 'facts':
      facts(doc, b.rows);
      return;
    case 'table':
      table(doc, b.columns, b.widths, b.rows);
      return;
    case 'text':
      paragraph(doc, b.text, b.quote);
      return;
    case 'items':
      items(doc, b.items);
      return;
    case 'heading':
      ensure(doc, 24 + leadHeight(doc, next));
      doc.moveDown(0.2);
      doc.font('bold').fontSize(size.heading).fillColor(color.text).text(b.text, left(doc), doc.y);
      doc.moveDown(0.25);
      return;
  }
}

function sectionTitle(doc: Doc, title: string, keep: number): void {
  ensure(doc, 40 + keep);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(size.section).fillColor(color.text).text(title, left(doc), doc.y);
  rule(doc, doc.y + 1, color.text);
  doc.y += 6;
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

export async function summaryPdf(s: Summary, info: PdfInfo): Promise<Buffer> {
  const doc = newDoc(info);
  decorate(doc, writeSummary(doc, s));
  return finish(doc);
}

/** Several summaries behind a cover index that names the page each one starts on. */
export async function groupPdf(cover: Cover, summaries: readonly Summary[], info: PdfInfo): Promise<Buffer> {
  const doc = newDoc(info);
  doc.addPage();
  titleBlock(doc, cover.title, cover.orgName, null, cover.facts);
  paragraph(doc, cover.intro);
  sectionTitle(doc, cover.heading, 40);
  const pageCells: CellAt[] = [];
  table(doc, cover.columns, cover.widths, cover.rows, pageCells);
  const owners: PageMarks[] = Array.from({ length: doc.bufferedPageRange().count }, () => cover.marks);
  const starts: number[] = [];
  for (const s of summaries) {
    starts.push(owners.length + 1);
    owners.push(...writeSummary(doc, s));
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
