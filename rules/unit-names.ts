/**
 * Reads a free-text unit name, Latin or Cyrillic, into comparable designations:
 *   "64th Separate Guards Motor Rifle Brigade", "64 ОМСБр", "64-я отдельная гвардейская мотострелковая бригада"
 *   all read as { number: 64, branch: 'motor_rifle', echelon: 'brigade' }; "в/ч 51460" reads as unit number 51460.
 * Honorifics (separate, guards) are ignored; any other unrecognised word between the number and the echelon
 * makes the branch `unknown`, which matches nothing, so "64th signals brigade" or "58th Combined Arms Army
 * signals brigade" never match the 64th Motor Rifle Brigade. A number alone ("64th") is not a designation.
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
  | 'air_defence'
  | 'unknown';

/** `''` when the name gives no branch at all ("64th brigade"). */
export type Designation = { number: number; branch: UnitBranch | ''; echelon: Echelon };

export type ReadUnit = {
  designations: Designation[];
  /** Five-digit military unit numbers (в/ч) found in the text. */
  unitNumbers: string[];
  /** Lower-cased words, for named units such as "Vityaz". */
  words: string[];
};

// Words are compared by prefix so Russian case endings match: "бригада", "бригады", "бригадой".
const echelonPrefixes: [string, Echelon][] = [
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
  ['bn', 'battalion'],
  ['батальон', 'battalion'],
  ['army', 'army'],
  ['armies', 'army'],
  ['арми', 'army'],
  ['corps', 'corps'],
  ['корпус', 'corps'],
  ['company', 'company'],
];
const exactEchelons: Record<string, Echelon> = { рота: 'company', роты: 'company', роте: 'company' };

/** Branch words (and pseudo-branches `air`/`infantry` resolved in `resolveBranch`). */
type BranchWord = UnitBranch | 'air' | 'infantry';
const branchPrefixes: [string, BranchWord][] = [
  ['motor', 'motor_rifle'],
  ['rifle', 'motor_rifle'],
  ['mechani', 'motor_rifle'],
  ['мотострелк', 'motor_rifle'],
  ['мотопехот', 'motor_rifle'],
  ['air', 'air'],
  ['parachute', 'airborne'],
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
  ['purpose', 'special_purpose'],
  ['спецназ', 'special_purpose'],
  ['специальн', 'special_purpose'],
  ['назначени', 'special_purpose'],
  ['logistic', 'logistics'],
  ['support', 'logistics'],
  ['материальн', 'logistics'],
  ['техническ', 'logistics'],
  ['обеспечени', 'logistics'],
  ['rocket', 'rocket'],
  ['missile', 'rocket'],
  ['ракетн', 'rocket'],
  ['reconnaissance', 'reconnaissance'],
  ['recon', 'reconnaissance'],
  ['развед', 'reconnaissance'],
  ['combined', 'combined_arms'],
  ['arms', 'combined_arms'],
  ['общевойсков', 'combined_arms'],
  ['defen', 'air_defence'],
  ['зенитн', 'air_defence'],
  ['пво', 'air_defence'],
];

/** Abbreviations that carry branch and echelon at once. */
const abbreviations: Record<string, { branch: UnitBranch; echelon: Echelon }> = {
  omsbr: { branch: 'motor_rifle', echelon: 'brigade' },
  msbr: { branch: 'motor_rifle', echelon: 'brigade' },
  omrb: { branch: 'motor_rifle', echelon: 'brigade' },
  mrb: { branch: 'motor_rifle', echelon: 'brigade' },
  омсбр: { branch: 'motor_rifle', echelon: 'brigade' },
  мсбр: { branch: 'motor_rifle', echelon: 'brigade' },
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
  обрс: { branch: 'signals', echelon: 'brigade' },
  оа: { branch: 'combined_arms', echelon: 'army' },
  оша: { branch: 'combined_arms', echelon: 'army' },
};

/** Honorifics and filler that say nothing about which unit it is. */
const ignorablePrefixes = [
  'separate',
  'independent',
  'guard',
  'отдельн',
  'гвардейск',
  'краснознам',
  'ордена',
];
const ignorableWords = new Set([
  'gds',
  'gv',
  'гв',
  'sep',
  'the',
  'of',
  'red',
  'banner',
  'order',
  'no',
  'n',
  'nr',
]);
/** Ordinal endings left over after splitting "64-я", "64-й" or "64 th". */
const ordinalEndings = new Set([
  'я',
  'й',
  'ая',
  'ой',
  'ый',
  'ий',
  'го',
  'ого',
  'ий',
  'th',
  'st',
  'nd',
  'rd',
  'ая',
]);

const ORDINAL = /^(\d{1,4})(?:st|nd|rd|th|я|й|ая|ой|ый|ий|го|ого)?$/;
const UNIT_NUMBER = /^\d{5}$/;
const SPLIT = /[^\p{L}\p{N}]+/u;
/** Designation words may sit at most this far from the number ("64th Separate Guards Motor Rifle Brigade"). */
const MAX_GAP = 6;

function byPrefix<T>(word: string, table: readonly [string, T][]): T | undefined {
  for (const [prefix, value] of table) if (word.startsWith(prefix)) return value;
  return undefined;
}

function resolveBranch(words: Set<BranchWord>): UnitBranch | '' {
  if (words.has('air')) {
    words.delete('air');
    if (!words.has('air_defence')) words.add('airborne');
  }
  if (words.has('airborne')) words.delete('assault');
  if (words.has('infantry')) {
    words.delete('infantry');
    if (!words.has('naval_infantry')) words.add('motor_rifle');
  }
  if (words.size === 0) return '';
  if (words.size > 1) return 'unknown';
  const [only] = words;
  return only as UnitBranch;
}

export function normaliseUnitText(text: string): string[] {
  return text.toLowerCase().replaceAll('ё', 'е').split(SPLIT).filter(Boolean);
}

/** Reads every designation and unit number in a free-text unit name. */
export function readUnitName(text: string): ReadUnit {
  const words = normaliseUnitText(text);
  const designations: Designation[] = [];
  const unitNumbers: string[] = [];
  let pending: { number: number; branch: Set<BranchWord>; unknown: boolean; gap: number } | undefined;

  for (const word of words) {
    if (UNIT_NUMBER.test(word)) {
      unitNumbers.push(word);
      pending = undefined;
      continue;
    }
    const ordinal = ORDINAL.exec(word);
    if (ordinal) {
      pending = { number: Number(ordinal[1]), branch: new Set(), unknown: false, gap: 0 };
      continue;
    }
    if (!pending) continue;
    if (ordinalEndings.has(word)) continue;
    const abbreviation = abbreviations[word];
    const echelon = abbreviation?.echelon ?? exactEchelons[word] ?? byPrefix(word, echelonPrefixes);
    if (echelon) {
      if (abbreviation) pending.branch.add(abbreviation.branch);
      const branch = pending.unknown ? 'unknown' : resolveBranch(pending.branch);
      designations.push({ number: pending.number, branch, echelon });
      pending = undefined;
      continue;
    }
    if (++pending.gap > MAX_GAP) {
      pending = undefined;
      continue;
    }
    if (ignorableWords.has(word) || ignorablePrefixes.some((p) => word.startsWith(p))) continue;
    const branchWord = byPrefix(word, branchPrefixes);
    if (branchWord) pending.branch.add(branchWord);
    else pending.unknown = true;
  }
  return { designations, unitNumbers, words };
}
