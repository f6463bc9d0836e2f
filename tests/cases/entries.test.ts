// List entries addressed by id: an edit, a removal or a move applies to the entry it names, wherever it
// has moved to meanwhile, and says so when the entry is gone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findEntry,
  isEntryId,
  legacyEntryId,
  moveEntry,
  removeEntry,
  replaceEntry,
} from '../../server/cases/entries';

const doc = (id: string, type: string) => ({ id, type });
const passport = doc('00000000-0000-4000-8000-000000000001', 'passport');
const contract = doc('00000000-0000-4000-8000-000000000002', 'contract');
const summons = doc('00000000-0000-4000-8000-000000000003', 'summons');

describe('the issue: [passport, contract, summons], tab B edits the contract after tab A removed the passport', () => {
  it('edits the contract and keeps the summons', () => {
    const afterA = removeEntry([passport, contract, summons], passport.id)!;
    const afterB = replaceEntry(afterA, contract.id, { ...contract, type: 'contract (signed)' })!;
    expect(afterB).toEqual([{ ...contract, type: 'contract (signed)' }, summons]);
  });
});

describe('entry operations', () => {
  it.each([
    ['replace a gone entry', () => replaceEntry([contract], passport.id, passport)],
    ['remove a gone entry', () => removeEntry([contract], passport.id)],
    ['move a gone entry', () => moveEntry([contract], passport.id, 'up')],
  ])('%s: null, so the caller can say it is gone', (_name, op) => {
    expect(op()).toBeNull();
  });

  it('a replaced entry keeps its id even if the value carries another', () => {
    const list = replaceEntry([passport, contract], contract.id, { ...summons })!;
    expect(list.map((e) => e.id)).toEqual([passport.id, contract.id]);
    expect(list[1]!.type).toBe('summons');
  });

  it.each([
    ['up from the middle', contract.id, 'up', [contract, passport, summons]],
    ['down from the middle', contract.id, 'down', [passport, summons, contract]],
    ['up from the top stays', passport.id, 'up', [passport, contract, summons]],
    ['down from the bottom stays', summons.id, 'down', [passport, contract, summons]],
  ] as const)('moves %s', (_name, id, direction, expected) => {
    expect(moveEntry([passport, contract, summons], id, direction)).toEqual(expected);
  });

  it('legacy ids are the same on every read, differ by place, list and case, and look like uuids', () => {
    const a = legacyEntryId('case-1', 'dependants', 0);
    expect(a).toBe(legacyEntryId('case-1', 'dependants', 0));
    expect(
      new Set([a, legacyEntryId('case-1', 'dependants', 1), legacyEntryId('case-2', 'dependants', 0)]).size,
    ).toBe(3);
    expect(isEntryId(a)).toBe(true);
    expect(isEntryId('0')).toBe(false);
    expect(isEntryId(`${a}x`)).toBe(false);
  });
});

// A list of distinct ids and a sequence of operations from other tabs, by id.
const ids = fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 });

describe('entry properties', () => {
  it('moves keep every entry and every id exactly once', () => {
    fc.assert(
      fc.property(
        ids,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('up' as const, 'down' as const))),
        (list, moves) => {
          let entries = list.map((id) => ({ id, v: id.slice(0, 4) }));
          for (const [n, dir] of moves) entries = moveEntry(entries, entries[n % entries.length]!.id, dir)!;
          expect([...entries.map((e) => e.id)].sort()).toEqual([...list].sort());
          for (const e of entries) expect(e.v).toBe(e.id.slice(0, 4));
        },
      ),
    );
  });

  it('an edit after any removals of other entries changes that entry and no other', () => {
    fc.assert(
      fc.property(ids, fc.nat(), fc.array(fc.nat()), (list, pick, removals) => {
        const entries = list.map((id) => ({ id, v: 'old' }));
        const target = entries[pick % entries.length]!.id;
        let now = entries;
        for (const r of removals) {
          const other = now.filter((e) => e.id !== target);
          if (other.length === 0) break;
          now = removeEntry(now, other[r % other.length]!.id)!;
        }
        const saved = replaceEntry(now, target, { id: 'ignored', v: 'new' })!;
        expect(findEntry(saved, target)?.v).toBe('new');
        expect(saved.filter((e) => e.v === 'new')).toHaveLength(1);
        expect(saved.map((e) => e.id)).toEqual(now.map((e) => e.id));
      }),
    );
  });
});
