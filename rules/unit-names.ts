/**
 * Reads a free-text unit name, Latin or Cyrillic, into what identifies a unit:
 *   "76th Guards Chernigov Red Banner Air Assault Division", "76-я гв. дшд", "76 ВДД" all read as
 *   { number: 76, branches: {airborne}, echelon: 'division' }; "в/ч51460", "ВЧ-51460", "mil. unit no. 51460" read
 *   as unit number 51460.
 * A number is paired with the nearest kind word after it (or just before it: "полк 234"); words in between that
 * name a branch (motor rifle, air assault, signals...) are kept, and every other word (Guards, Red Banner, order
 * and city names, "named after...") is ignored. A number alone ("164th", "76 гв.") is not a designation.
 */

export type Echelon = 'brigade' | 'regiment' | 'division' | 'battalion' | 'army' | 'corps' | 'company';

export type UnitBranch =
  | 'motor_rifle'
  | 'airborne'
  | 'assault'
  | 'tank'
  | 'artillery'
  | 'signals'
  | 'engineer'
  | 'naval_infantry'
  | 'special_purpose'
  | 'logistics'
  | 'rocket'
  | 'reconnaissance'
  | 'combined_arms'
  | 'air_defence';

/** A number with its kind. `branches` is empty when the text names none ("64th brigade"). */
export type Designation = { number: number; branches: ReadonlySet<UnitBranch>; echelon: Echelon };

export type ReadUnit = {
  designations: Designation[];
  /** Five-digit military unit numbers (в/ч) found in the text. */
  unitNumbers: string[];
  /** The text's words, normalised and stemmed, for common names ("Псковской дивизии"). */
  stems: string[];
};

// Compared by prefix so Russian case endings match: "бригада", "бригады", "бригадой". First match wins.
const echelonPrefixes: [string, Echelon | null][] = [
  ['полковник', null],
  ['дивизион', 'battalion'],
  ['brigade', 'brigade'],
  ['brig', 'brigade'],
  ['bde', 'brigade'],
  ['бригад', 'brigade'],
  ['regiment', 'regiment'],
  ['regt', 'regiment'],
  ['rgt', 'regiment'],
  ['полк', 'regiment'],
  ['division', 'division'],
  ['div', 'division'],
  ['дивизи', 'division'],
  ['battalion', 'battalion'],
  ['batallion', 'battalion'],
  ['bn', 'battalion'],
  ['батальон', 'battalion'],
  ['army', 'army'],
  ['armies', 'army'],
  ['арми', 'army'],
  ['corps', 'corps'],
  ['корпус', 'corps'],
  ['company', 'company'],
];
const exactEchelons: Record<string, Echelon> = {
  рота: 'company',
  роты: 'company',
  роте: 'company',
  роту: 'company',
};

/** Branch words, and the pseudo-branches `air` and `infantry` resolved in `resolveBranches`. */
type BranchWord = UnitBranch | 'air' | 'infantry';
const branchPrefixes: [string, BranchWord][] = [
  ['motor', 'motor_rifle'],
  ['rifle', 'motor_rifle'],
  ['mechani', 'motor_rifle'],
  ['мотострелк', 'motor_rifle'],
  ['мотопехот', 'motor_rifle'],
  ['air', 'air'],
  ['parachute', 'airborne'],
  ['paratroop', 'airborne'],
  ['landing', 'airborne'],
  ['vdv', 'airborne'],
  ['десант', 'airborne'],
  ['парашют', 'airborne'],
  ['вдв', 'airborne'],
  ['воздушно', 'airborne'],
  ['assault', 'assault'],
  ['штурмов', 'assault'],
  ['tank', 'tank'],
  ['armo', 'tank'],
  ['танк', 'tank'],
  ['artiller', 'artillery'],
  ['артиллер', 'artillery'],
  ['signal', 'signals'],
  ['communication', 'signals'],
  ['связ', 'signals'],
  ['engineer', 'engineer'],
  ['sapper', 'engineer'],
  ['инженер', 'engineer'],
  ['сапер', 'engineer'],
  ['naval', 'naval_infantry'],
  ['marine', 'naval_infantry'],
  ['морск', 'naval_infantry'],
  ['infantry', 'infantry'],
  ['пехот', 'infantry'],
  ['special', 'special_purpose'],
  ['spetsnaz', 'special_purpose'],
  ['спецназ', 'special_purpose'],
  ['специальн', 'special_purpose'],
  ['logistic', 'logistics'],
  ['support', 'logistics'],
  ['материальн', 'logistics'],
  ['rocket', 'rocket'],
  ['missile', 'rocket'],
  ['ракетн', 'rocket'],
  ['reconnaissance', 'reconnaissance'],
  ['recon', 'reconnaissance'],
  ['развед', 'reconnaissance'],
  ['combined', 'combined_arms'],
  ['общевойсков', 'combined_arms'],
  ['defen', 'air_defence'],
  ['зенитн', 'air_defence'],
  ['пво', 'air_defence'],
];

/** Abbreviations that carry the echelon, and the branch when they name one ("обр" is a brigade of any branch). */
const abbreviations: Record<string, { branch?: UnitBranch; echelon: Echelon }> = {
  omsbr: { branch: 'motor_rifle', echelon: 'brigade' },
  msbr: { branch: 'motor_rifle', echelon: 'brigade' },
  omrb: { branch: 'motor_rifle', echelon: 'brigade' },
  mrb: { branch: 'motor_rifle', echelon: 'brigade' },
  омсбр: { branch: 'motor_rifle', echelon: 'brigade' },
  мсбр: { branch: 'motor_rifle', echelon: 'brigade' },
  обр: { echelon: 'brigade' },
  бр: { echelon: 'brigade' },
  msp: { branch: 'motor_rifle', echelon: 'regiment' },
  mrr: { branch: 'motor_rifle', echelon: 'regiment' },
  мсп: { branch: 'motor_rifle', echelon: 'regiment' },
  msd: { branch: 'motor_rifle', echelon: 'division' },
  mrd: { branch: 'motor_rifle', echelon: 'division' },
  мсд: { branch: 'motor_rifle', echelon: 'division' },
  dshp: { branch: 'airborne', echelon: 'regiment' },
  pdp: { branch: 'airborne', echelon: 'regiment' },
  дшп: { branch: 'airborne', echelon: 'regiment' },
  пдп: { branch: 'airborne', echelon: 'regiment' },
  dshd: { branch: 'airborne', echelon: 'division' },
  vdd: { branch: 'airborne', echelon: 'division' },
  дшд: { branch: 'airborne', echelon: 'division' },
  вдд: { branch: 'airborne', echelon: 'division' },
  odshbr: { branch: 'airborne', echelon: 'brigade' },
  dshbr: { branch: 'airborne', echelon: 'brigade' },
  одшбр: { branch: 'airborne', echelon: 'brigade' },
  дшбр: { branch: 'airborne', echelon: 'brigade' },
  тд: { branch: 'tank', echelon: 'division' },
  тп: { branch: 'tank', echelon: 'regiment' },
  обрс: { branch: 'signals', echelon: 'brigade' },
  оа: { branch: 'combined_arms', echelon: 'army' },
  оша: { branch: 'combined_arms', echelon: 'army' },
  ошб: { branch: 'assault', echelon: 'battalion' },
};

/** Words that may stand between "No." and the number when the kind comes first ("полк № 234", "brigade no 64"). */
const numberMarkers = new Set(['no', 'n', 'nr', 'номер', 'гв', 'gds']);

const ORDINAL = /^\d{1,4}$/;
const UNIT_NUMBER = /^\d{5}$/;
/** How far after a number its kind word may come ("234-й гвардейский десантно-штурмовой Черноморский ордена … полк"). */
const MAX_AHEAD = 30;
/** Branch words may follow the kind in Russian: "бригада связи", "батальон материального обеспечения". */
const MAX_AFTER_KIND = 3;

/** Branch words in the few words after the kind, up to the next number or kind. */
function branchesAfter(words: string[], kindAt: number, into: Set<BranchWord>): void {
  for (let k = kindAt + 1; k < words.length && k <= kindAt + MAX_AFTER_KIND; k++) {
    const word = words[k]!;
    if (ORDINAL.test(word) || UNIT_NUMBER.test(word) || echelonOf(word)) return;
    const branch = byPrefix(word, branchPrefixes);
    if (branch) into.add(branch);
  }
}

function byPrefix<T>(word: string, table: readonly [string, T][]): T | undefined {
  for (const [prefix, value] of table) if (word.startsWith(prefix)) return value;
  return undefined;
}

/** The echelon a word names, `null` for a word that only looks like one ("полковник"), else undefined. */
function echelonOf(word: string): { echelon: Echelon; branch?: UnitBranch } | null | undefined {
  const abbreviation = abbreviations[word];
  if (abbreviation) return abbreviation;
  const exact = exactEchelons[word];
  if (exact) return { echelon: exact };
  const echelon = byPrefix(word, echelonPrefixes);
  return echelon === undefined ? undefined : echelon && { echelon };
}

function resolveBranches(words: Set<BranchWord>): Set<UnitBranch> {
  if (words.has('air')) {
    words.delete('air');
    if (!words.has('air_defence')) words.add('airborne');
  }
  if (words.has('airborne')) words.delete('assault');
  if (words.has('infantry')) {
    words.delete('infantry');
    if (!words.has('naval_infantry')) words.add('motor_rifle');
  }
  return words as Set<UnitBranch>;
}

/** Lower case, ё as е, digits split from letters ("в/ч51460", "76th", "64омсбр"), words only. */
export function unitWords(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Russian noun and adjective endings, longest first: "псковской" and "псковская" both stem to "псковск".
const endings = [
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ами',
  'ями',
  'ая',
  'яя',
  'ое',
  'ее',
  'ой',
  'ей',
  'ый',
  'ий',
  'ые',
  'ие',
  'ых',
  'их',
  'ую',
  'юю',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];
const CYRILLIC = /[а-я]/;

/** A word without its Russian case ending (kept whole when short or Latin). */
export function stem(word: string): string {
  if (word.length <= 4 || !CYRILLIC.test(word)) return word;
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The kind word that goes with the number at `at`: after it, or failing that right before it. */
function kindFor(words: string[], at: number): { echelon: Echelon; branches: Set<BranchWord> } | undefined {
  const branches = new Set<BranchWord>();
  for (let j = at + 1; j < words.length && j <= at + MAX_AHEAD; j++) {
    const word = words[j]!;
    if (ORDINAL.test(word) || UNIT_NUMBER.test(word)) break;
    const kind = echelonOf(word);
    if (kind) {
      if (kind.branch) branches.add(kind.branch);
      branchesAfter(words, j, branches);
      return { echelon: kind.echelon, branches };
    }
    const branch = byPrefix(word, branchPrefixes);
    if (branch) branches.add(branch);
  }
  // "полк 234", "motor rifle brigade no. 64": the kind, then perhaps a marker, then the number.
  let j = at - 1;
  while (j >= 0 && numberMarkers.has(words[j]!)) j--;
  const kind = j >= 0 ? echelonOf(words[j]!) : undefined;
  if (!kind) return undefined;
  const around = new Set<BranchWord>(kind.branch ? [kind.branch] : []);
  for (let k = j - 1; k >= 0 && k >= j - 4; k--) {
    const branch = byPrefix(words[k]!, branchPrefixes);
    if (branch) around.add(branch);
  }
  branchesAfter(words, at, around);
  return { echelon: kind.echelon, branches: around };
}

/** Reads every designation and unit number in a free-text unit name. */
export function readUnitName(text: string): ReadUnit {
  const words = unitWords(text);
  const designations: Designation[] = [];
  const unitNumbers: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (UNIT_NUMBER.test(word)) {
      unitNumbers.push(word);
      continue;
    }
    if (!ORDINAL.test(word)) continue;
    // "51 460": a unit number written in two groups.
    const next = words[i + 1];
    if (word.length === 2 && next !== undefined && /^\d{3}$/.test(next)) unitNumbers.push(word + next);
    const kind = kindFor(words, i);
    if (kind) {
      designations.push({
        number: Number(word),
        branches: resolveBranches(kind.branches),
        echelon: kind.echelon,
      });
    }
  }
  return { designations, unitNumbers, stems: words.map(stem) };
}
