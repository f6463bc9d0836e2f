// The summary's typeface: PT Sans, made for Russian and Latin alike, shipped as TrueType in an npm package
// (@expo-google-fonts/pt-sans, SIL Open Font License). Read and parsed once, on the first summary (not at
// start-up); never fetched. Every PDF shares the parsed faces: parsing the three files again for each
// document was a fifth of a summary's CPU (fontkit's table decoding through `restructure`). Sharing is safe:
// pdfkit lays a document out synchronously and keeps each document's subset and layout cache to itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);
const load = (file: string): Font => {
  const face = create(readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${file}`)));
  // A .ttf holds one face; a collection (.ttc) would need a family name to pick one.
  if (!('layout' in face)) throw new Error(`${file} is a font collection, not one face`);
  return face;
};

export type Faces = { regular: Font; bold: Font; italic: Font };

let parsed: Faces | undefined;

/** The three faces, parsed on first use. */
export function faces(): Faces {
  parsed ??= {
    regular: load('400Regular/PTSans_400Regular.ttf'),
    bold: load('700Bold/PTSans_700Bold.ttf'),
    italic: load('400Regular_Italic/PTSans_400Regular_Italic.ttf'),
  };
  return parsed;
}
