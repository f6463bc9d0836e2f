// Scans attached to documents: a small input beside the case file. A document with a scan counts as seen
// (a scan is at least a copy), and the documents checklist says which documents have scans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentSeenValues, documentTypes } from '../../rules/case-schema';
import { evaluate } from '../../rules/evaluate';
import { build, TODAY } from './builder';

const unseen = build((c) => {
  for (const d of c.documents) d.seen = 'none';
});
const item = (scans: [number, number][], id: string, locale: 'en' | 'ru' = 'en') =>
  evaluate(unseen, TODAY, { locale, documentScans: new Map(scans) }).checklist.find((i) => i.id === id)!;

describe('document scans in the rules', () => {
  it.each([
    ['no scans', [], 'DOC_SERVICE_PROOF', 'todo'],
    ['two scans of the military ID', [[2, 2]], 'DOC_SERVICE_PROOF', 'done'],
    ['a scan of the internal passport', [[0, 1]], 'DOC_IDENTITY', 'done'],
    ['a zero count', [[2, 0]], 'DOC_SERVICE_PROOF', 'todo'],
    ['a scan of a document that is not there', [[9, 3]], 'DOC_SERVICE_PROOF', 'todo'],
    ['a scan of the passport does not prove service', [[0, 1]], 'DOC_SERVICE_PROOF', 'todo'],
  ] as [string, [number, number][], string, string][])('%s: %s is %s', (_name, scans, id, status) => {
    expect(item(scans, id).status).toBe(status);
  });

  it('the documents checklist names the documents with scans, in both languages', () => {
    expect(
      item(
        [
          [2, 2],
          [0, 1],
        ],
        'DOC_SERVICE_PROOF',
      ).detail,
    ).toContain('Scans attached: Internal passport (ID) (1), Military ID (2).');
    expect(item([[2, 2]], 'DOC_SERVICE_PROOF', 'ru').detail).toMatch(/Приложены сканы: .+ \(2\)\./);
    expect(item([[2, 2]], 'VERIFY_INTERVIEW').detail).not.toContain('Scans attached');
    expect(item([], 'DOC_SERVICE_PROOF').detail).not.toContain('Scans attached');
  });

  it('no scans gives exactly the assessment without the option', () => {
    expect(evaluate(unseen, TODAY, { documentScans: new Map() })).toEqual(evaluate(unseen, TODAY));
  });

  it('adding scans never undoes a checklist item, whatever the documents', () => {
    const documents = fc.array(
      fc.record({
        type: fc.constantFrom(...documentTypes),
        seen: fc.constantFrom(...documentSeenValues),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(documents, fc.array(fc.tuple(fc.nat(7), fc.nat(3))), (docs, scans) => {
        const c = build((f) => {
          f.documents = docs.map((d) => ({ ...d, validity: 'valid', authenticity: 'consistent' }));
        });
        const without = evaluate(c, TODAY).checklist;
        const withScans = evaluate(c, TODAY, { documentScans: new Map(scans) }).checklist;
        without.forEach((i, n) => {
          if (i.status === 'done') expect(withScans[n]!.status).toBe('done');
        });
      }),
      { numRuns: 200 },
    );
  });
});
