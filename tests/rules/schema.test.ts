/** The case-file schema: required fields, strict objects, real dates, ISO countries, readable error paths. */
// biome-ignore-all lint/suspicious/noExplicitAny: these tests build deliberately invalid case files
import { describe, expect, it } from 'vitest';
import { formatPath, isIsoDate, matchImplicatedUnits, parseCaseFile } from '../../rules/index';
import { baseCase } from './builder';

const errorsFor = (change: (c: Record<string, any>) => void) => {
  const c = structuredClone(baseCase) as Record<string, any>;
  change(c);
  const result = parseCaseFile(c);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('parseCaseFile', () => {
  it('accepts the base case', () => expect(parseCaseFile(baseCase).ok).toBe(true));

  it.each([
    [
      'unknown top-level field',
      (c: any) => {
        c.notes = 'x';
      },
      'notes: unknown field',
    ],
    [
      'unknown nested field',
      (c: any) => {
        c.deployments = [
          { from: '2022-03-01', to: '2022-03-02', region: 'kyiv', endedBy: 'leave', unit: '64' },
        ];
      },
      'deployments[0].unit: unknown field',
    ],
    [
      'invalid day',
      (c: any) => {
        c.deployments = [
          { from: '2022-03-01', to: '2022-03-02', region: 'kyiv', endedBy: 'leave' },
          { from: '2023-02-30', to: '2023-03-02', region: 'kyiv', endedBy: 'leave' },
        ];
      },
      'deployments[1].from: invalid date',
    ],
    [
      'not ISO format',
      (c: any) => {
        c.desertion.leftOn = '01.05.2023';
      },
      'desertion.leftOn: invalid date',
    ],
    [
      'missing required field',
      (c: any) => {
        delete c.person.pseudonym;
      },
      'person.pseudonym: required',
    ],
    [
      'no citizenship',
      (c: any) => {
        c.person.citizenships = [];
      },
      'person.citizenships: at least one citizenship required',
    ],
    [
      'unknown country',
      (c: any) => {
        c.currentStay.country = 'SU';
      },
      'currentStay.country: invalid country code',
    ],
    [
      'lower-case country',
      (c: any) => {
        c.route[0].to = 'ge';
      },
      'route[0].to: invalid country code',
    ],
    [
      'enum value',
      (c: any) => {
        c.documents[0].type = 'passport';
      },
      'documents[0].type: must be one of: internal_passport',
    ],
    [
      'unit number with letters',
      (c: any) => {
        c.service.unitNumber = '5146O';
      },
      'service.unitNumber: digits only',
    ],
    [
      'bad reference',
      (c: any) => {
        c.reference = 'WP-26-1';
      },
      'reference: must look like WP-2026-0042',
    ],
    [
      'wrong format',
      (c: any) => {
        c.format = 'waypost-case/2';
      },
      'format: must be "waypost-case/1"',
    ],
    [
      'deployment without end',
      (c: any) => {
        c.deployments = [{ from: '2022-03-01', region: 'kyiv', endedBy: 'leave' }];
      },
      'deployments[0].to: required unless the deployment is ongoing',
    ],
    [
      'cleared flag not in the catalogue',
      (c: any) => {
        c.review = { clearedFlags: ['WANTED_TRAVEL'] };
      },
      'review.clearedFlags[0]: must be one of',
    ],
    [
      'wrong type',
      (c: any) => {
        c.verification.interviews[0].minutes = '90';
      },
      'verification.interviews[0].minutes: expected a number',
    ],
  ])('%s', (_name, change, message) => {
    expect(errorsFor(change).join('\n')).toContain(message);
  });

  it('accepts an ongoing deployment without an end date, and an optional reference', () => {
    expect(
      errorsFor((c) => {
        c.reference = 'WP-2026-0042';
        c.deployments = [{ from: '2026-01-01', region: 'donetsk', endedBy: 'ongoing' }];
      }),
    ).toEqual([]);
  });

  it('rejects a non-object with a root path', () => {
    expect(parseCaseFile('nope')).toEqual({
      ok: false,
      errors: [{ path: '(root)', message: 'expected an object' }],
    });
  });
});

describe('formatPath', () => {
  it.each([
    [['deployments', 1, 'from'], 'deployments[1].from'],
    [['destinations', 0, 'applications', 2, 'filedOn'], 'destinations[0].applications[2].filedOn'],
    [['person'], 'person'],
    [[], '(root)'],
  ])('%j -> %s', (path, text) => expect(formatPath(path)).toBe(text));
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-1-01', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('%s is %s', (date, valid) => expect(isIsoDate(date)).toBe(valid));
});

describe('unit names', () => {
  it.each([
    ['64th Separate Guards Motor Rifle Brigade', '64-omsbr'],
    ['64 ОМСБр', '64-omsbr'],
    ['64-я отдельная гвардейская мотострелковая бригада', '64-omsbr'],
    ['64-й отдельной гвардейской мотострелковой бригады', '64-omsbr'],
    ['в/ч 51460', '64-omsbr'],
    ['64th brigade', '64-omsbr'],
    ['234th Guards Air Assault Regiment', '234-dshp'],
    ['234 гв. дшп', '234-dshp'],
    ['76-я гвардейская десантно-штурмовая дивизия', '76-dshd'],
    ['ЧВК Вагнер', 'wagner'],
    ['Шторм-Z', 'storm'],
    ['ОСН «Витязь»', 'vityaz'],
  ])('%s matches %s', (unit, id) => {
    expect(matchImplicatedUnits({ unit }).map((m) => m.unit.id)).toEqual([id]);
  });

  it.each([
    '58th Combined Arms Army signals brigade',
    '64th',
    '164th brigade',
    '64th signals brigade',
    '35th Army',
    '204th motor rifle regiment',
  ])('%s matches nothing', (unit) => {
    expect(matchImplicatedUnits({ unit })).toEqual([]);
  });

  it('matches by unit number field', () => {
    expect(matchImplicatedUnits({ unitNumber: '07264' }).map((m) => m.unit.id)).toEqual(['76-dshd']);
  });
});
