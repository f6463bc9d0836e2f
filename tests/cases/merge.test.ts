// The three-way merge behind "save my version": what the other person changed and I did not is kept, what I
// changed and they did not is saved, and only fields we both changed differently are asked about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fields, mergeRecord, sameValue } from '../../server/cases/merge';

const names = ['type', 'seen', 'expiresOn', 'note', 'incidents'];
const base: Fields = { type: 'passport', seen: 'original', expiresOn: '2030-01-01', incidents: ['a'] };

describe('merging one record', () => {
  it.each([
    ['nobody changed anything', base, base, base, []],
    ['only I changed the note', { ...base, note: 'mine' }, base, { ...base, note: 'mine' }, []],
    ['only they changed the note', base, { ...base, note: 'theirs' }, { ...base, note: 'theirs' }, []],
    [
      'I changed the type, they the note: both kept',
      { ...base, type: 'military_id' },
      { ...base, note: 'theirs' },
      { ...base, type: 'military_id', note: 'theirs' },
      [],
    ],
    [
      'we both made the same change',
      { ...base, seen: 'copy' },
      { ...base, seen: 'copy' },
      { ...base, seen: 'copy' },
      [],
    ],
    [
      'we both changed the note differently: asked, mine held meanwhile',
      { ...base, note: 'mine' },
      { ...base, note: 'theirs' },
      { ...base, note: 'mine' },
      ['note'],
    ],
    [
      'they cleared a date I did not touch: it stays cleared',
      base,
      { ...base, expiresOn: undefined },
      { type: 'passport', seen: 'original', incidents: ['a'] },
      [],
    ],
    [
      'I cleared a date they changed: asked',
      { ...base, expiresOn: undefined },
      { ...base, expiresOn: '2031-01-01' },
      { type: 'passport', seen: 'original', incidents: ['a'] },
      ['expiresOn'],
    ],
    [
      'a list field both changed differently',
      { ...base, incidents: ['a', 'b'] },
      { ...base, incidents: [] },
      { ...base, incidents: ['a', 'b'] },
      ['incidents'],
    ],
  ] as [string, Fields, Fields, Fields, string[]][])('%s', (_name, mine, theirs, merged, conflicts) => {
    const result = mergeRecord(names, base, mine, theirs);
    for (const name of names) expect(sameValue(result.merged[name], merged[name]), name).toBe(true);
    expect(result.conflicts).toEqual(conflicts);
  });

  it('without a base, every field where the versions differ is asked about', () => {
    const result = mergeRecord(names, undefined, { ...base, note: 'mine' }, { ...base, type: 'other' });
    expect(result.conflicts).toEqual(['type', 'note']);
  });

  it('lists what the other person changed, for the page to point out', () => {
    const result = mergeRecord(names, base, { ...base, note: 'mine' }, { ...base, seen: 'copy', note: 'x' });
    expect(result.theirs).toEqual(['seen', 'note']);
  });

  it('treats empty values alike however they are spelled', () => {
    expect(sameValue(undefined, '')).toBe(true);
    expect(sameValue(null, [])).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(0, '')).toBe(false);
    expect(sameValue(false, undefined)).toBe(false);
  });
});

// Records over a few fields with a few values each, so that changes collide often.
const value = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('a', 'b', ''),
  fc.boolean(),
  fc.constantFrom(['x'], ['x', 'y'], [] as string[]),
);
const fields = ['f1', 'f2', 'f3', 'f4'];
const record = fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] });

describe('merge properties', () => {
  it('never reverts a field only the other person changed, never drops one only I changed', () => {
    fc.assert(
      fc.property(record, record, record, (b, m, t) => {
        const { merged } = mergeRecord(fields, b, m, t);
        for (const f of fields) {
          if (sameValue(b[f], m[f])) expect(sameValue(merged[f], t[f])).toBe(true);
          else if (sameValue(b[f], t[f])) expect(sameValue(merged[f], m[f])).toBe(true);
        }
      }),
    );
  });

  it('asks exactly about the fields both changed to different values, whichever side is whose', () => {
    fc.assert(
      fc.property(record, record, record, (b, m, t) => {
        const expected = fields.filter(
          (f) => !sameValue(b[f], m[f]) && !sameValue(b[f], t[f]) && !sameValue(m[f], t[f]),
        );
        expect(mergeRecord(fields, b, m, t).conflicts).toEqual(expected);
        expect(mergeRecord(fields, b, t, m).conflicts).toEqual(expected);
      }),
    );
  });

  it('every merged field is mine or theirs; merging with no change on one side gives the other side', () => {
    fc.assert(
      fc.property(record, record, record, (b, m, t) => {
        const { merged } = mergeRecord(fields, b, m, t);
        for (const f of fields) expect(sameValue(merged[f], m[f]) || sameValue(merged[f], t[f])).toBe(true);
        const untouched = mergeRecord(fields, b, b, t);
        expect(untouched.conflicts).toEqual([]);
        for (const f of fields) expect(sameValue(untouched.merged[f], t[f])).toBe(true);
      }),
    );
  });

  it('saving the merge again from the conflict page (theirs as the new base) has nothing left to ask', () => {
    fc.assert(
      fc.property(record, record, record, (b, m, t) => {
        const { merged } = mergeRecord(fields, b, m, t);
        const again = mergeRecord(fields, t, merged, t);
        expect(again.conflicts).toEqual([]);
        for (const f of fields) expect(sameValue(again.merged[f], merged[f])).toBe(true);
      }),
    );
  });
});
