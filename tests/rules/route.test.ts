/** ROUTE_DOCUMENT_IMPLAUSIBLE follows who admits Russians on the internal passport, and how (Armenia: by air). */
import { describe, expect, it } from 'vitest';
import { type CaseFile, evaluate } from '../../rules/index';
import { build, TODAY } from './builder';

type Leg = CaseFile['route'][number];
const fires = (leg: Partial<Leg>) =>
  evaluate(
    build((c) => {
      c.route = [
        {
          date: '2023-05-02',
          from: 'RU',
          to: 'KZ',
          mode: 'land',
          documentUsed: 'internal_passport',
          incident: 'none',
          ...leg,
        },
      ];
      c.currentStay.country = 'DE';
    }),
    TODAY,
  ).flags.some((f) => f.id === 'ROUTE_DOCUMENT_IMPLAUSIBLE');

describe('ROUTE_DOCUMENT_IMPLAUSIBLE', () => {
  it.each([
    ['KZ', 'land', false],
    ['KG', 'air', false],
    ['BY', 'land', false],
    ['AM', 'air', false],
    ['AM', 'land', true],
    ['AM', 'on_foot', true],
    ['GE', 'land', true],
    ['UZ', 'air', true],
    ['TJ', 'air', true],
    ['AZ', 'land', true],
    ['AE', 'air', true],
    ['CN', 'land', true],
    ['FR', 'air', true],
    ['RU', 'land', false],
  ] as const)('a leg into %s %s on the internal passport: fires=%s', (to, mode, expected) => {
    expect(fires({ to, mode })).toBe(expected);
  });

  it('never fires for a foreign passport', () => {
    expect(fires({ to: 'GE', documentUsed: 'international_passport' })).toBe(false);
  });

  it("says why Armenia by land is implausible, with the date in the reader's format", () => {
    const c = build((c) => {
      c.route = [
        {
          date: '2023-05-02',
          from: 'RU',
          to: 'AM',
          mode: 'land',
          documentUsed: 'internal_passport',
          incident: 'none',
        },
      ];
    });
    expect(evaluate(c, TODAY).flags.find((f) => f.id === 'ROUTE_DOCUMENT_IMPLAUSIBLE')!.message).toContain(
      '2 May 2023, into Armenia (AM)) is recorded as made by land on the internal passport, but that country admits Russians on it only when they arrive by air',
    );
    expect(
      evaluate(c, TODAY, { locale: 'ru' }).flags.find((f) => f.id === 'ROUTE_DOCUMENT_IMPLAUSIBLE')!.message,
    ).toContain('02.05.2023');
  });
});
