// What the PDF's typeface can draw. PT Sans covers Latin and Cyrillic in full (Ukrainian ї є ґ, Kazakh ә ғ қ ң
// ө ұ ү һ і and the rest), but no emoji or symbols beyond; a character it lacks would print as an empty box.
// Such characters are dropped before layout (with the joiners and variation selectors that came with them),
// and the space they leave is closed up. The on-screen summary keeps them: the browser has fonts for them.
import { type Faces, faces } from './fonts';
import { type Cover, type Fact, mapSectionText, type Summary } from './shape';

const drawable = new Map<number, boolean>();
// Its own parse of the faces, kept: asking the character map whether a glyph exists makes no glyph objects,
// so this never touches what a document lays out (fonts.ts says why documents parse their own).
let lookup: Faces | undefined;

function canDraw(codePoint: number): boolean {
  let known = drawable.get(codePoint);
  if (known === undefined) {
    lookup ??= faces();
    const { regular, bold, italic } = lookup;
    known = [regular, bold, italic].every((face) => face.hasGlyphForCodePoint(codePoint));
    drawable.set(codePoint, known);
  }
  return known;
}

/** The text with every character the typeface cannot draw left out, and no doubled space where one was. */
export function printable(text: string): string {
  let out = '';
  let dropped = false;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t' || canDraw(cp)) out += char;
    else dropped = true;
  }
  return dropped
    ? out
        .replace(/[ \u00a0]{2,}/g, ' ')
        .replace(/ +([.,;:!?)])/g, '$1')
        .replace(/ +$/gm, '')
    : out;
}

const printableFacts = (rows: readonly Fact[]) =>
  rows.map((r) => ({ label: printable(r.label), value: printable(r.value) }));

export function printableSummary(s: Summary): Summary {
  return {
    ...s,
    pseudonym: printable(s.pseudonym),
    orgName: printable(s.orgName),
    letterhead: { name: printable(s.letterhead.name), lines: s.letterhead.lines.map(printable) },
    facts: printableFacts(s.facts),
    marks: { ...s.marks, approval: s.marks.approval && printable(s.marks.approval) },
    sections: s.sections.map((section) => mapSectionText(section, printable)),
    index: { service: s.index.service, host: s.index.host, pathway: printable(s.index.pathway) },
  };
}

export function printableCover(c: Cover): Cover {
  return {
    ...c,
    letterhead: { name: printable(c.letterhead.name), lines: c.letterhead.lines.map(printable) },
    facts: printableFacts(c.facts),
    rows: c.rows.map((row) => row.map(printable)),
    marks: { ...c.marks, head: printable(c.marks.head) },
  };
}
