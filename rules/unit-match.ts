/**
 * Finds which implicated units a case's unit fields name: by military unit number, by number and kind, or by a
 * common name. Reference names are normalised once at load, so a match costs one pass over the case's words.
 */
import type { Service } from './case-schema';
import { type ImplicatedUnit, implicatedUnits } from './data/implicated-units';
import { memoByText } from './lists';
import { type Designation, type ReadUnit, readUnitName, stem, unitWords } from './unit-names';

/** How the text named the unit, for the case page and the messages ("unit number 51460"). */
export type MatchedBy =
  | { kind: 'unit_number'; number: string }
  | { kind: 'designation'; number: number; echelon: Designation['echelon'] }
  | { kind: 'common_name'; name: string };

export type UnitMatch = { unit: ImplicatedUnit; by: MatchedBy; fact: string };

type NameIndex = { stems: string[]; name: string; unit: ImplicatedUnit };

const byUnitNumber = new Map<string, ImplicatedUnit>();
const byDesignation = new Map<string, ImplicatedUnit[]>();
const byName: NameIndex[] = [];
const designationKey = (number: number, echelon: string) => `${number}|${echelon}`;

for (const unit of implicatedUnits) {
  for (const n of unit.unitNumbers) byUnitNumber.set(n.value, unit);
  if (unit.designation) {
    const { number, echelon } = unit.designation.value;
    const key = designationKey(number, echelon);
    byDesignation.set(key, [...(byDesignation.get(key) ?? []), unit]);
  }
  for (const name of unit.commonNames)
    byName.push({ stems: unitWords(name.value).map(stem), name: name.value, unit });
}

/**
 * The branches agree: the text names none ("64th brigade"), or one of them is the unit's. A reference entry
 * that names no branch ("LPR 204th regiment") matches only a text that names none either.
 */
function branchAgrees(said: Designation, unit: ImplicatedUnit): boolean {
  const ref = unit.designation!.value.branch;
  if (said.branches.size === 0) return true;
  return ref !== '' && said.branches.has(ref);
}

/** A name word matches the same stem, or a longer word starting with it ("вагнеровцы" for "вагнер"). */
const wordMatches = (word: string, part: string) =>
  word === part || (part.length >= 5 && word.startsWith(part));

/** The name's words in order, at most two other words between each ("Псковская десантно-штурмовая дивизия"). */
function hasName(stems: string[], name: string[]): boolean {
  for (let start = 0; start < stems.length; start++) {
    if (!wordMatches(stems[start]!, name[0]!)) continue;
    let at = start;
    let ok = true;
    for (const part of name.slice(1)) {
      let found = -1;
      for (let j = at + 1; j < stems.length && j <= at + 3; j++) {
        if (wordMatches(stems[j]!, part)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return true;
  }
  return false;
}

const readCached = memoByText(readUnitName);

/** What the unit text was read as: its numbers and kinds, for UNIT_UNKNOWN's message. */
export function readUnitText(text: string): ReadUnit {
  return readCached(text);
}

/** Every implicated unit the text names, each once, with how it was named (remembered: see memoByText). */
const matchUnitText = memoByText((text: string): readonly { unit: ImplicatedUnit; by: MatchedBy }[] => {
  const found = new Map<string, { unit: ImplicatedUnit; by: MatchedBy }>();
  const add = (unit: ImplicatedUnit | undefined, by: MatchedBy) => {
    if (unit && !found.has(unit.id)) found.set(unit.id, { unit, by });
  };
  const read = readCached(text);
  for (const n of read.unitNumbers) add(byUnitNumber.get(n), { kind: 'unit_number', number: n });
  for (const d of read.designations) {
    for (const unit of byDesignation.get(designationKey(d.number, d.echelon)) ?? [])
      if (branchAgrees(d, unit)) add(unit, { kind: 'designation', number: d.number, echelon: d.echelon });
  }
  for (const entry of byName) {
    if (!found.has(entry.unit.id) && hasName(read.stems, entry.stems))
      add(entry.unit, { kind: 'common_name', name: entry.name });
  }
  return [...found.values()];
});

/** Every implicated unit the service record names, each once, with the fact that matched it. */
export function matchImplicatedUnits(service: Pick<Service, 'unit' | 'unitNumber'>): UnitMatch[] {
  const found = new Map<string, UnitMatch>();
  if (service.unitNumber) {
    const unit = byUnitNumber.get(service.unitNumber);
    if (unit)
      found.set(unit.id, {
        unit,
        by: { kind: 'unit_number', number: service.unitNumber },
        fact: `service.unitNumber=${service.unitNumber}`,
      });
  }
  if (service.unit) {
    for (const m of matchUnitText(service.unit))
      if (!found.has(m.unit.id))
        found.set(m.unit.id, { unit: m.unit, by: m.by, fact: `service.unit=${service.unit}` });
  }
  return [...found.values()];
}

/**
 * Reference units to suggest while a caseworker types: those the text already names, then those whose name,
 * common name or unit number starts with what was typed. For the case form; at most `limit`.
 */
export function suggestUnits(text: string, limit = 8): ImplicatedUnit[] {
  const typed = unitWords(text).join(' ');
  if (typed.length < 2) return [];
  const units = matchUnitText(text).map((m) => m.unit);
  for (const unit of implicatedUnits) {
    if (units.includes(unit)) continue;
    const names = [
      ...unit.officialNames.map((n) => n.value),
      ...unit.commonNames.map((n) => n.value),
      unit.name.en,
      unit.name.ru,
      ...unit.unitNumbers.map((n) => n.value),
    ];
    if (names.some((n) => unitWords(n).join(' ').includes(typed))) units.push(unit);
  }
  return units.slice(0, limit);
}
