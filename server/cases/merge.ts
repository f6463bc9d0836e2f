// Three-way merge of one record a form edits (a section's form or one list entry), field by field:
// base is what the form was loaded with, mine what was submitted, theirs what is saved now. A field only I
// changed takes mine, one only they changed keeps theirs (never silently reverted), and a field we both
// changed to different values is a conflict the user is asked about. Pure: no I/O.

export type Fields = Record<string, unknown>;

export interface Merge {
  /** The record to save; a conflicting field holds mine until the user decides. */
  merged: Fields;
  /** Fields someone else changed since the form was loaded (their value is in `merged` unless conflicting). */
  theirs: string[];
  /** Fields both changed to different values: the only ones to ask about. */
  conflicts: string[];
}

/** No value: what an empty input saves, however it is spelled. */
const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A value as one comparable string: object keys sorted, empty values alike. */
function canonical(v: unknown): string {
  if (isEmpty(v)) return '';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Fields)
      .filter(([, x]) => !isEmpty(x))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Merges `names` (the form's fields) of three versions of a record. Without a base (a form that did not
 * carry one) nobody can tell who changed what: every field where mine and theirs differ is a conflict.
 */
export function mergeRecord(
  names: readonly string[],
  base: Fields | undefined,
  mine: Fields,
  theirs: Fields,
): Merge {
  const merged: Fields = {};
  const changedByThem: string[] = [];
  const conflicts: string[] = [];
  for (const name of names) {
    const m = mine[name];
    const t = theirs[name];
    const mineChanged = base === undefined || !sameValue(base[name], m);
    const theirsChanged = base === undefined || !sameValue(base[name], t);
    if (theirsChanged && base !== undefined) changedByThem.push(name);
    if (mineChanged && theirsChanged && !sameValue(m, t)) conflicts.push(name);
    // Unchanged by me: theirs, unless it means the same as mine (then mine keeps the shape the form gave it).
    const keep = mineChanged || sameValue(m, t) ? m : t;
    if (keep !== undefined) merged[name] = keep;
  }
  return { merged, theirs: base === undefined ? differing(names, mine, theirs) : changedByThem, conflicts };
}

/** Fields whose values differ between two versions of a record. */
export const differing = (names: readonly string[], a: Fields | undefined, b: Fields | undefined) =>
  names.filter((name) => !sameValue(a?.[name], b?.[name]));
