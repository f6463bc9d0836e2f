// The blocks of a summary (facts, tables, paragraphs, flagged items, headings, the signature) laid out on an
// A4 page with pdfkit, and the geometry they share. pdf.ts puts them together into whole documents.
import type { Block, Fact, Item, Tone } from './shape';

export type Doc = PDFKit.PDFDocument;

export const margins = { top: 70, bottom: 64, left: 56, right: 56 };
export const color = {
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
export const size = {
  body: 9.5,
  small: 8,
  table: 8.5,
  title: 20,
  letterhead: 14,
  subtitle: 13,
  section: 12.5,
  heading: 10,
} as const;

/** What a page says at its top and bottom: the summary (or cover) it belongs to. */

// --- Geometry ------------------------------------------------------------------------------------------------

export const left = (doc: Doc) => doc.page.margins.left;
export const lineWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const currentPage = (doc: Doc) => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

/** Starts a new page unless `height` more points fit on this one. */
function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function rule(doc: Doc, y: number, c: string = color.rule): void {
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

export function facts(doc: Doc, rows: readonly Fact[]): void {
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

export interface CellAt {
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
export function table(
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

export function paragraph(doc: Doc, text: string, quote = false): void {
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

const SIGNATURE_HEIGHT = 110;

/** Name, role and date of the approving supervisor, then a line to sign on: kept whole on one page. */
function signature(doc: Doc, rows: readonly Fact[], line: string): void {
  ensure(doc, SIGNATURE_HEIGHT);
  doc.moveDown(0.8);
  facts(doc, rows);
  const y = doc.y + 28;
  const x = left(doc) + lineWidth(doc) * LABEL_SHARE + 10;
  doc
    .save()
    .moveTo(x, y)
    .lineTo(left(doc) + lineWidth(doc), y)
    .lineWidth(0.7)
    .strokeColor(color.text)
    .stroke()
    .restore();
  doc
    .font('regular')
    .fontSize(size.small)
    .fillColor(color.muted)
    .text(line, x, y + 3);
  doc.x = left(doc);
  doc.moveDown(0.6);
}

/** What a block needs on the page it starts on: a heading before it keeps at least this much with it. */
export function leadHeight(doc: Doc, b: Block | undefined): number {
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
    case 'signature':
      return SIGNATURE_HEIGHT;
  }
}

export function block(doc: Doc, b: Block, next: Block | undefined): void {
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
    case 'signature':
      signature(doc, b.rows, b.line);
      return;
    case 'heading':
      ensure(doc, 24 + leadHeight(doc, next));
      doc.moveDown(0.2);
      doc.font('bold').fontSize(size.heading).fillColor(color.text).text(b.text, left(doc), doc.y);
      doc.moveDown(0.25);
      return;
  }
}

export function sectionTitle(doc: Doc, title: string, keep: number): void {
  ensure(doc, 40 + keep);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(size.section).fillColor(color.text).text(title, left(doc), doc.y);
  rule(doc, doc.y + 1, color.text);
  doc.y += 6;
}
