// Finds the person's names inside free text (a supervisor's reason, a comment, a statement), however they were
// spelled: Cyrillic or Latin under any transliteration scheme (ICAO, GOST, MVD, BGN/PCGN, Wikipedia...),
// in any letter case, and with the endings Russian gives names in its cases ("Антона", "Petrovym"). Every word
// is reduced to a skeleton that the schemes agree on, so one comparison covers every spelling.
import { createRequire } from 'node:module';

// iuliia's scheme tables load on the first name scrubbed, not at start-up (a fifth of a second under load).
const require = createRequire(import.meta.url);
let iuliia: typeof import('iuliia') | undefined;
const transliterate = (word: string) => {
  const loaded: typeof import('iuliia') = iuliia ?? require('iuliia');
  iuliia = loaded;
  return loaded.translate(word, loaded.WIKIPEDIA);
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A word, with an apostrophe inside it ("Anton's") kept as part of it. */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/**
 * The letters the transliteration schemes agree on: Cyrillic through one scheme, diacritics dropped, the
 * digraphs each scheme writes differently (shch/shh/sch/sc/ŝ, zh/ž, kh/h, ts/c) made one, and the letters
 * they disagree most on (y, j, i, soft and hard signs) left out.
 */
function skeleton(word: string, reading: Reading): string {
  const latin = CYRILLIC.test(word) ? transliterate(word) : word;
  return (
    latin
      .toLowerCase()
      // Scholarly schemes (ISO 9, GOST 7.79 system A) write one letter with a caron or circumflex where the
      // others write two: make them the others' digraphs before the diacritics go.
      .replace(/[šŝ]/g, 'sh')
      .replace(/[čĉ]/g, 'ch')
      .replace(/[žẑ]/g, 'zh')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .replace(/shch|shh|sch|sc/g, 's')
      .replace(/tch|ch/g, 'c')
      .replace(/sh/g, 's')
      .replace(/zh/g, 'z')
      .replace(/kh/g, 'h')
      .replace(/ts|tz/g, 'c')
      .replace(/x/g, reading.x)
      .replace(/j/g, reading.j)
      .replace(/w/g, 'v')
      // Ё is written yo, jo, io, ë or plain e by the schemes (and often typed as е): all become e.
      .replace(/[yji]o/g, 'e')
      .replace(/[yji]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}

/**
 * Letters the schemes read two ways: x is "ks" in Alexander but х in the scientific scheme; j is й or the
 * first half of ю/я in most schemes but ж in the informal one people type in messengers ("Jukov").
 */
interface Reading {
  x: 'ks' | 'h';
  j: 'j' | 'z';
}
const readings: Reading[] = [
  { x: 'ks', j: 'j' },
  { x: 'h', j: 'j' },
  { x: 'ks', j: 'z' },
  { x: 'h', j: 'z' },
];

/** A word's skeletons: one for each reading of the ambiguous letters it holds. */
function skeletons(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    ...new Set(
      readings
        .filter((r) => (r.x === 'ks' || lower.includes('x')) && (r.j === 'j' || lower.includes('j')))
        .map((r) => skeleton(word, r)),
    ),
  ];
}

/** Russian case endings (and the English possessive) as skeletons: what may follow a name's stem. */
const ENDINGS = new Set([
  '',
  'a',
  'u',
  'e',
  'o',
  'm',
  'om',
  'em',
  'ou',
  'eu',
  'ogo',
  'ego',
  'omu',
  'emu',
  'oe',
  's',
]);

interface Stem {
  full: string;
  stem: string;
}

function stemsOf(name: string): Stem[] {
  return skeletons(name).flatMap((full) => {
    // A name ending in a vowel drops it when declined (Анна -> Анну, Юлия -> Юлии).
    const stem = /[aeou]$/.test(full) ? full.slice(0, -1) : full;
    return stem.length >= 2 && full.length >= 3 ? [{ full, stem }] : [];
  });
}

function matches(word: string, names: readonly Stem[]): boolean {
  if (word.length < 3) return false;
  // "Petrova's": the English possessive is not part of the name.
  return skeletons(word.replace(/['’ʼ]s$/i, '')).some((s) =>
    names.some((n) => s === n.full || (s.startsWith(n.stem) && ENDINGS.has(s.slice(n.stem.length)))),
  );
}

/**
 * A function that replaces every word of a text that spells one of `names` (each split into its words) with
 * `mark`. Words of `keep` (the pseudonym, which the summary shows) are never taken for a name.
 */
export function nameScrubber(
  names: readonly (string | undefined)[],
  keep: readonly string[],
  mark: string,
): (text: string) => string {
  const kept = new Set(keep.flatMap((k) => k.match(WORD) ?? []).flatMap(skeletons));
  const stems = [
    ...new Map(
      names
        .flatMap((n) => n?.match(WORD) ?? [])
        .flatMap(stemsOf)
        .filter((s) => !kept.has(s.full))
        .map((s) => [s.full, s]),
    ).values(),
  ];
  if (stems.length === 0) return (text) => text;
  return (text) => text.replace(WORD, (word) => (matches(word, stems) ? mark : word));
}
