// What an imported file's review part becomes: clearances to be confirmed, never decisions.
import { describe, expect, it } from 'vitest';
import { carriedFrom, carriedLine } from '../../server/cases/decisions/carried';
import { translator } from '../../server/i18n';

describe('decisions carried in an imported file', () => {
  it.each([
    ['no review part', undefined, []],
    ['an empty list', { clearedFlags: [] }, []],
    [
      'each cleared flag once, sorted',
      { clearedFlags: ['WANTED_TRAVEL_RISK', 'HOST_HIGH_RISK', 'WANTED_TRAVEL_RISK'] },
      [
        { kind: 'flag_cleared', subject: 'HOST_HIGH_RISK' },
        { kind: 'flag_cleared', subject: 'WANTED_TRAVEL_RISK' },
      ],
    ],
  ] as const)('%s', (_name, review, expected) => {
    expect(carriedFrom(review as never)).toEqual(expected);
  });

  it("names its origin: the file's reference, who imported it and when, in either language", () => {
    const origin = {
      reference: 'WP-2026-0042',
      importedBy: 'Anna K.',
      importedAt: new Date('2026-12-03T10:00:00Z'),
    };
    expect(carriedLine(origin, translator('en'), 'en')).toBe(
      'Cleared elsewhere: to be confirmed (case file WP-2026-0042, imported by Anna K. on 3 Dec 2026)',
    );
    expect(carriedLine(origin, translator('ru'), 'ru')).toContain(
      'файл дела WP-2026-0042, загрузил(а) Anna K. 03.12.2026',
    );
    expect(carriedLine({ ...origin, reference: null }, translator('en'), 'en')).toBe(
      'Cleared elsewhere: to be confirmed (imported case file, imported by Anna K. on 3 Dec 2026)',
    );
  });
});
