// The summary's typeface: PT Sans, made for Russian and Latin alike, shipped as TrueType in an npm package
// (@expo-google-fonts/pt-sans, SIL Open Font License). Read once from node_modules; never fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const load = (file: string) => readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${file}`));

export const fonts = {
  regular: load('400Regular/PTSans_400Regular.ttf'),
  bold: load('700Bold/PTSans_700Bold.ttf'),
  italic: load('400Regular_Italic/PTSans_400Regular_Italic.ttf'),
} as const;
