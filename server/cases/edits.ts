// Saving what a form did to the case as it is saved now, not as the form saw it: an edit is merged field by
// field with what others saved meanwhile (server/cases/merge.ts), a list entry is found by its id wherever
// it is now, and every save is a compare-and-set on the section's version. When someone saves in between,
// the decision is taken again on their result.
import { type Fields, type Merge, mergeRecord, sameValue } from './merge';
import type { CaseParts, Section } from './parts';
import type { LoadedCase, SaveResult } from './repository';

/** How edits reach the case: loading it and saving a section if its version is still the one read. */
export interface CaseSaves {
  load(caseId: string): Promise<LoadedCase | null>;
  save(input: {
    caseId: string;
    section: Section;
    changes: Partial<CaseParts>;
    expectedVersion: number;
  }): Promise<SaveResult>;
}

/** What to do with the case as saved now: save these changes (then answer `result`), or answer `stop`. */
export type Step<R> = { save: Partial<CaseParts>; result: R } | { stop: R };
export type Busy = { kind: 'busy' };

// Each lost race means another save went through; past this many, the user is asked to try again.
const ATTEMPTS = 5;

export async function onCurrent<R>(
  saves: CaseSaves,
  caseId: string,
  section: Section,
  decide: (current: LoadedCase) => Step<R>,
): Promise<R | Busy> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await saves.load(caseId);
    if (!current) return { kind: 'busy' };
    const step = decide(current);
    if ('stop' in step) return step.stop;
    const saved = await saves.save({
      caseId,
      section,
      changes: step.save,
      expectedVersion: current.versions[section],
    });
    if (saved.ok) return step.result;
  }
  return { kind: 'busy' };
}

/** One record a form edits: a section's form, or one list entry. */
export interface RecordEdit {
  section: Section;
  names: readonly string[];
  /** The record as saved now; null when it is an entry someone removed meanwhile. */
  read(parts: CaseParts): Fields | null;
  /** Whether a value is still valid on the case as it is now (a merge may break a rule across fields). */
  valid(value: Fields, parts: CaseParts): boolean;
  write(parts: CaseParts, value: Fields): Partial<CaseParts>;
}

/** What the form was loaded with (`base` when it carried it) and what was submitted. */
export interface Submitted {
  version: number;
  base: Fields | undefined;
  mine: Fields;
}

export type EditOutcome =
  | { kind: 'saved' }
  | { kind: 'conflict'; current: LoadedCase; theirs: Fields; merge: Merge }
  | { kind: 'gone'; current: LoadedCase }
  | Busy;

export function saveRecord(
  saves: CaseSaves,
  caseId: string,
  edit: RecordEdit,
  form: Submitted,
): Promise<EditOutcome> {
  return onCurrent<EditOutcome>(saves, caseId, edit.section, (current) => {
    const theirs = edit.read(current.parts);
    if (theirs === null) return { stop: { kind: 'gone', current } };
    // Nobody saved the section since the form was loaded: what is saved is what the form started from.
    const base = form.version === current.versions[edit.section] ? theirs : form.base;
    const merge = mergeRecord(edit.names, base, form.mine, theirs);
    if (merge.conflicts.length === 0 && !edit.valid(merge.merged, current.parts)) {
      // Each change was valid alone but not together: ask about every field where the versions differ.
      merge.conflicts = edit.names.filter((n) => !sameValue(form.mine[n], theirs[n]));
    }
    if (merge.conflicts.length > 0) return { stop: { kind: 'conflict', current, theirs, merge } };
    return { save: edit.write(current.parts, merge.merged), result: { kind: 'saved' } };
  });
}
