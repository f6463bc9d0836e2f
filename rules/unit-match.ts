/**
 * Finds which implicated units a case's unit fields name. Reference names are indexed once at load, so a
 * match costs one pass over the case's words.
 */
import type { Service } from './case-schema';
import { type ImplicatedUnit, implicatedUnits } from './data/implicated-units';
import { type Designation, readUnitName } from './unit-names';

const byUnitNumber = new Map<string, ImplicatedUnit>();
const byDesignation = new Map<string, ImplicatedUnit[]>();
const byName: { words: string[]; unit: ImplicatedUnit }[] = [];

const designationKey = (d: Pick<Designation, 'number' | 'echelon'>) => `${d.number}|${d.echelon}`;

for (const unit of implicatedUnits) {
  for (const n of unit.unitNumbers) byUnitNumber.set(n, unit);
  if (unit.designation) {
    const key = designationKey(unit.designation);
    byDesignation.set(key, [...(byDesignation.get(key) ?? []), unit]);
  }
  for (const name of unit.names) byName.push({ words: name.split(' '), unit });
}

/**
 * Same number and echelon, and the branch agrees: equal, or the case names no branch at all ("64th brigade").
 * A reference entry without a branch ("LPR 204th regiment") matches only a case that names none either.
 */
function designationMatches(said: Designation, unit: ImplicatedUnit): boolean {
  const ref = unit.designation;
  return ref !== undefined && (said.branch === ref.branch || said.branch === '');
}

function hasNameAt(words: string[], at: number, name: string[]): boolean {
  return name.every((part, i) => {
    const word = words[at + i];
    // The last letter of a short name may be a Latin/Cyrillic look-alike ("шторм z"); require exact short parts.
    return word !== undefined && (part.length <= 2 ? word === part : word.startsWith(part));
  });
}

export type UnitMatch = { unit: ImplicatedUnit; by: string };

// The same unit names recur across cases: read each once (bounded, so a long-running server cannot grow it).
const readCache = new Map<string, ReturnType<typeof readUnitName>>();
function readCached(text: string) {
  let read = readCache.get(text);
  if (!read) {
    if (readCache.size >= 5_000) readCache.clear();
    read = readUnitName(text);
    readCache.set(text, read);
  }
  return read;
}

/** Every implicated unit the service record names, each once, with the fact that matched it. */
export function matchImplicatedUnits(service: Pick<Service, 'unit' | 'unitNumber'>): UnitMatch[] {
  const found = new Map<string, UnitMatch>();
  const add = (unit: ImplicatedUnit | undefined, by: string) => {
    if (unit && !found.has(unit.id)) found.set(unit.id, { unit, by });
  };
  if (service.unitNumber)
    add(byUnitNumber.get(service.unitNumber), `service.unitNumber=${service.unitNumber}`);
  if (service.unit) {
    const by = `service.unit=${service.unit}`;
    const read = readCached(service.unit);
    for (const n of read.unitNumbers) add(byUnitNumber.get(n), by);
    for (const d of read.designations) {
      for (const unit of byDesignation.get(designationKey(d)) ?? [])
        if (designationMatches(d, unit)) add(unit, by);
    }
    for (let i = 0; i < read.words.length; i++) {
      for (const { words, unit } of byName) if (hasNameAt(read.words, i, words)) add(unit, by);
    }
  }
  return [...found.values()];
}
