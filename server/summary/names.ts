// Finds the person's names inside free text (a supervisor's reason, a comment, a statement), however they were
// spelled: Cyrillic or Latin under any transliteration scheme (ICAO, GOST, MVD, BGN/PCGN, Wikipedia...),
// in any letter case, and with the endings Russian gives names in its cases ("Антона", "Petrovym"). Every word
// is reduced to a skeleton that the schemes agree on, so one comparison covers every spelling.
import { translate, WIKIPEDIA } from 'iuliia';

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A word, with an apostrophe inside it ("Anton's") kept as part of it. */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/**
 * The letters the transliteration schemes agree on: Cyrillic through one scheme, diacritics dropped, the
 * digraphs each scheme writes differently (shch/sch/ŝ, zh/ž, kh/h, ts/c, x/ks) made one, and the letters they
 * disagree most on (y, j, i, soft and hard signs) left out.
 */
export function skeleton(word: string): string {
  const latin = CYRILLIC.test(word) ? translate(word, WIKIPEDIA) : word;
  return latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/shch|sch/g, 's')
    .replace(/tch|ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/zh/g, 'z')
    .replace(/kh/g, 'h')
    .replace(/ts|tz/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[yji]/g, '')
    .replace(/(.)\1+/g, '$1');
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

function stemOf(name: string): Stem | null {
  const full = skeleton(name);
  // A name ending in a vowel drops it when declined (Анна -> Анну, Юлия -> Юлии).
  const stem = /[aeou]$/.test(full) ? full.slice(0, -1) : full;
  return stem.length >= 2 && full.length >= 3 ? { full, stem } : null;
}

function matches(word: string, names: readonly Stem[]): boolean {
  if (word.length < 3) return false;
  const s = skeleton(word);
  return names.some(
    (n) => s === n.full || (s.startsWith(n.stem) && ENDINGS.has(s.slice(n.stem.length)) && s.length >= 2),
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
  const kept = new Set(keep.flatMap((k) => k.match(WORD) ?? []).map(skeleton));
  const stems = [
    ...new Map(
      names
        .flatMap((n) => n?.match(WORD) ?? [])
        .map(stemOf)
        .filter((s): s is Stem => s !== null && !kept.has(s.full))
        .map((s) => [s.full, s]),
    ).values(),
  ];
  if (stems.length === 0) return (text) => text;
  return (text) => text.replace(WORD, (word) => (matches(word, stems) ? mark : word));
}
