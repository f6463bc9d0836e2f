// The summary's typeface: PT Sans, made for Russian and Latin alike, shipped as TrueType in an npm package
// (@expo-google-fonts/pt-sans, SIL Open Font License). The files are read once, on the first summary (not at
// start-up), and never fetched. Each document parses its own faces: fontkit keeps the glyph objects it made on
// the parsed font, and a glyph first made without its characters (by a subset, or another document's layout)
// loses them from the PDF's text, so a shared face made "Case summary" extract as "ase summar".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);
const files = {
  regular: '400Regular/PTSans_400Regular.ttf',
  bold: '700Bold/PTSans_700Bold.ttf',
  italic: '400Regular_Italic/PTSans_400Regular_Italic.ttf',
};

export type Faces = { regular: Font; bold: Font; italic: Font };
type Face = keyof Faces;

let bytes: Record<Face, Buffer> | undefined;

function parse(data: Buffer, file: string): Font {
  const face = create(data);
  // A .ttf holds one face; a collection (.ttc) would need a family name to pick one.
  if (!('layout' in face)) throw new Error(`${file} is a font collection, not one face`);
  return face;
}

/** Three freshly parsed faces, for one document. */
export function faces(): Faces {
  bytes ??= {
    regular: readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${files.regular}`)),
    bold: readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${files.bold}`)),
    italic: readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${files.italic}`)),
  };
  return {
    regular: parse(bytes.regular, files.regular),
    bold: parse(bytes.bold, files.bold),
    italic: parse(bytes.italic, files.italic),
  };
}
