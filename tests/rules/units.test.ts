/**
 * Unit recognition: an implicated unit is matched however an interview writes it, and near misses are not.
 * The generated table composes spellings from each reference unit's own parts (number, kind, branch, unit
 * numbers, common names) with honorific and descriptive words, case and punctuation varied.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implicatedUnits } from '../../rules/data/implicated-units';
import { evaluate, matchImplicatedUnits, suggestUnits } from '../../rules/index';
import { build, TODAY } from './builder';

const matched = (unit: string) => matchImplicatedUnits({ unit }).map((m) => m.unit.id);

const ordinalSuffix = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
};
/** Every common way to write the number of a unit. */
const ordinals = (n: number) => [
  `${n}`,
  `${n}${ordinalSuffix(n)}`,
  `${n} ${ordinalSuffix(n)}`,
  `${n}-я`,
  `${n}-й`,
  `${n}-ая`,
  `${n}-го`,
  `${n} гв.`,
  `${n}-я гв.`,
];
const kinds: Record<string, string[]> = {
  'brigade:motor_rifle': [
    'brigade',
    'Brigade',
    'BDE',
    'бригада',
    'бригады',
    'бригаде',
    'омсбр',
    'ОМСБр',
    'мсбр',
    'обр',
    'бр.',
  ],
  'regiment:airborne': ['regiment', 'Regt.', 'полк', 'полка', 'полку', 'дшп', 'ДШП', 'пдп', 'ПДП'],
  'division:airborne': ['division', 'Div.', 'дивизия', 'дивизии', 'дшд', 'ДШД', 'вдд', 'ВДД'],
  'regiment:': ['regiment', 'полк', 'полка'],
};
const branchWords: Record<string, string[]> = {
  motor_rifle: [
    'Motor Rifle',
    'motorised rifle',
    'mechanised infantry',
    'мотострелковая',
    'мотострелковой',
    'мотострелковый',
  ],
  airborne: [
    'Air Assault',
    'air-assault',
    'Airborne',
    'Parachute',
    'десантно-штурмовой',
    'десантно-штурмовая',
    'парашютно-десантный',
    'воздушно-десантная',
  ],
  '': [],
};
/** Honorific and descriptive words: ranks of honour, orders, cities, "named after" — none says which unit. */
const fillers = [
  'Guards',
  'гвардейская',
  'гвардейский',
  'гв.',
  'Separate',
  'отдельная',
  'отдельный',
  'Red Banner',
  'Краснознамённая',
  'Краснознаменный',
  'Chernigov',
  'Черниговская',
  'Черноморский',
  'ордена Кутузова III степени',
  'ордена Александра Невского',
  'Order of Suvorov',
  'named after Saint Alexander Nevsky',
  'имени Святого Александра Невского',
  'Knyaze-Volkonskoye',
  'Khabarovsk',
  '(Far East)',
];
const unitNumberForms = (n: string) => [
  `в/ч ${n}`,
  `в/ч${n}`,
  `ВЧ${n}`,
  `ВЧ-${n}`,
  `вч ${n}`,
  `В/Ч №${n}`,
  `military unit ${n}`,
  `mil. unit no. ${n}`,
  `Military Unit No.${n}`,
  `войсковая часть ${n}`,
  n,
];
const separators = [' ', '  ', ', ', ' - ', '. ', ' / ', ' (', ') '];

const casing = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.toLowerCase(),
  (t: string) => t.toUpperCase(),
);
const some = <T>(xs: readonly T[], max: number) => fc.subarray([...xs], { maxLength: max });
const joined = (parts: fc.Arbitrary<string[]>) =>
  fc
    .tuple(parts, fc.array(fc.constantFrom(...separators), { minLength: 12, maxLength: 12 }), casing)
    .map(([ps, seps, cased]) =>
      cased(ps.reduce((text, p, i) => (i === 0 ? p : `${text}${seps[i % seps.length]}${p}`), '')),
    );

const designated = implicatedUnits.filter((u) => u.designation);

/** "76th Guards Chernigov Red Banner Air Assault Division": number, then words, then the kind. */
function designationSpelling(unit: (typeof designated)[number]) {
  const { number, branch, echelon } = unit.designation!.value;
  return joined(
    fc
      .tuple(
        some(fillers, 2),
        fc.constantFrom(...ordinals(number)),
        some(fillers, 4),
        fc.constantFrom(...branchWords[branch]!, ''),
        some(fillers, 2),
        fc.constantFrom(...kinds[`${echelon}:${branch}`]!),
        some(fillers, 3),
      )
      .map(([before, n, mid, br, mid2, kind, after]) =>
        [...before, n, ...mid, br, ...mid2, kind, ...after].filter(Boolean),
      ),
  );
}

/** "полк № 234", "Motor Rifle Brigade 64": the kind first. */
function kindFirstSpelling(unit: (typeof designated)[number]) {
  const { number, branch, echelon } = unit.designation!.value;
  return joined(
    fc
      .tuple(
        fc.constantFrom(...branchWords[branch]!, ''),
        fc.constantFrom(...kinds[`${echelon}:${branch}`]!),
        fc.constantFrom('', 'No.', '№', 'nr'),
        fc.constantFrom(`${number}`),
      )
      .map((parts) => parts.filter(Boolean)),
  );
}

describe('generated spellings of every implicated unit match it', () => {
  for (const unit of designated) {
    it(`${unit.id}: number and kind, words anywhere around them`, () => {
      fc.assert(
        fc.property(designationSpelling(unit), (text) => {
          expect(matched(text), text).toContain(unit.id);
        }),
        { numRuns: 400 },
      );
    });
    it(`${unit.id}: the kind before the number`, () => {
      fc.assert(
        fc.property(kindFirstSpelling(unit), (text) => {
          expect(matched(text), text).toContain(unit.id);
        }),
        { numRuns: 100 },
      );
    });
  }

  for (const unit of implicatedUnits.filter((u) => u.unitNumbers.length > 0)) {
    it(`${unit.id}: its military unit number in any common form`, () => {
      const forms = unit.unitNumbers.flatMap((n) => unitNumberForms(n.value));
      fc.assert(
        fc.property(
          joined(
            fc
              .tuple(some(fillers, 2), fc.constantFrom(...forms), some(fillers, 2))
              .map(([a, f, b]) => [...a, f, ...b]),
          ),
          (text) => {
            expect(matched(text), text).toContain(unit.id);
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  for (const unit of implicatedUnits.filter((u) => u.commonNames.length > 0)) {
    it(`${unit.id}: its common names, any case and punctuation`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...unit.commonNames.map((n) => n.value)),
          casing,
          fc.constantFrom('', 'ЧВК ', 'the ', 'отряд ', 'служил в: '),
          fc.constantFrom('', '.', ' (2022)', ', штурмовой отряд'),
          (name, cased, before, after) => {
            const text = `${before}${cased(name.replace(' ', fc.sample(fc.constantFrom(' ', '-', ' '), 1)[0]!))}${after}`;
            expect(matched(text), text).toContain(unit.id);
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});

/** Near misses: another number, another kind, another branch, a number alone. */
function nearMisses(unit: (typeof designated)[number]) {
  const { number, branch, echelon } = unit.designation!.value;
  const otherNumbers = [number + 100, number + 1, number - 1, Number(`1${number}`), number * 10];
  const otherEchelons = ['brigade', 'regiment', 'division', 'battalion', 'army'].filter((e) => e !== echelon);
  const otherBranches = ['tank', 'signals', 'artillery', 'motor rifle', 'air assault', 'engineer'].filter(
    (b) => !(branchWords[branch] ?? []).some((w) => w.toLowerCase().startsWith(b.split(' ')[0]!)),
  );
  const kindWord = kinds[`${echelon}:${branch}`]![0]!;
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...otherNumbers), fc.constantFrom(...branchWords[branch]!, ''))
      .map(([n, br]) => `${n}${ordinalSuffix(n)} Guards ${br} ${kindWord}`),
    fc.constantFrom(...otherEchelons).map((e) => `${number}${ordinalSuffix(number)} Guards ${e}`),
    fc.constantFrom(...otherBranches).map((b) => `${number}${ordinalSuffix(number)} Guards ${b} ${echelon}`),
    fc.constantFrom(...ordinals(number)).map((n) => `${n} Red Banner`),
  );
}

describe('near misses match nothing of that unit', () => {
  for (const unit of designated) {
    it(`${unit.id}: other numbers, kinds and branches`, () => {
      fc.assert(
        fc.property(nearMisses(unit), (text) => {
          expect(matched(text), text).not.toContain(unit.id);
        }),
        { numRuns: 300 },
      );
    });
  }

  it.each([
    '164th',
    '164th brigade',
    '64th Army',
    '64-я армия',
    '76th brigade',
    '76th motor rifle division',
    '76 гв.',
    '234th tank regiment',
    '64th signals brigade',
    '204th motor rifle regiment',
    '35th Army',
    '58th Combined Arms Army signals brigade',
    'в/ч 51461',
    'в/ч 514600',
    'подполковник 64 бригады связи',
    'Pskov region',
  ])('%s matches no implicated unit it could be mistaken for', (text) => {
    expect(matched(text)).toEqual([]);
  });
});

describe('the spellings from the interviews', () => {
  it.each([
    ['76th Guards Chernigov Red Banner Air Assault Division', '76-dshd'],
    ['76-я гвардейская десантно-штурмовая Черниговская Краснознамённая дивизия', '76-dshd'],
    ['234-й гвардейский десантно-штурмовой Черноморский ордена Александра Невского полк', '234-dshp'],
    ['Псковская дивизия', '76-dshd'],
    ['Псковской десантной дивизии', '76-dshd'],
    ['в/ч51460', '64-omsbr'],
    ['ВЧ51460', '64-omsbr'],
    ['ВЧ-51460', '64-omsbr'],
    ['military unit 51460', '64-omsbr'],
    ['mil. unit no. 51460', '64-omsbr'],
    ['51460', '64-omsbr'],
    ['76 ВДД', '76-dshd'],
    ['76 гв. дшд', '76-dshd'],
    ['полк 234', '234-dshp'],
    ['64 гв. омсбр', '64-omsbr'],
  ])('%s matches %s', (text, id) => {
    expect(matched(text)).toContain(id);
  });

  it.each([
    '76th Guards Chernigov Red Banner Air Assault Division',
    '76-я гвардейская десантно-штурмовая Черниговская Краснознамённая дивизия',
    '234-й гвардейский десантно-штурмовой Черноморский ордена Александра Невского полк',
    'Псковская дивизия',
    'в/ч51460',
    'ВЧ51460',
  ])('%s, deployed in the Kyiv region in March 2022, goes to supervisor review', (unit) => {
    const a = evaluate(
      build((c) => {
        c.service.unit = unit;
        c.deployments = [{ from: '2022-03-01', to: '2022-03-25', region: 'kyiv', endedBy: 'rotation' }];
      }),
      TODAY,
    );
    expect(a.flags.filter((f) => f.id === 'UNIT_IMPLICATED').map((f) => f.severity)).toEqual(['high']);
    expect(a.flags.map((f) => f.id)).not.toContain('UNIT_UNKNOWN');
    expect(a.recommendation.action).toBe('supervisor_review');
  });
});

describe('UNIT_UNKNOWN says what was read and is not silent about an atrocity window', () => {
  const unknown = (
    unit: string | undefined,
    locale: 'en' | 'ru' = 'en',
    region: 'kyiv' | 'zaporizhzhia' = 'kyiv',
  ) =>
    evaluate(
      build((c) => {
        c.service.unit = unit;
        c.deployments = [{ from: '2022-03-01', to: '2022-03-25', region, endedBy: 'rotation' }];
      }),
      TODAY,
      { locale },
    ).flags.find((f) => f.id === 'UNIT_UNKNOWN')!;

  it('names the number and kind it read, and asks for a manual cross-check', () => {
    const flag = unknown('12th Guards tank brigade');
    expect(flag.message).toContain('read as 12 (brigade)');
    expect(flag.message).toContain('cross-check');
  });
  it('says when nothing could be read', () => {
    expect(unknown('рота связи').message).toContain('no unit number and no number with a kind of unit');
    expect(unknown('рота связи', 'ru').message).toContain('прочитать не удалось');
  });
  it('names a deployment in a documented atrocity region and window', () => {
    expect(unknown('12th Guards tank brigade').message).toContain(
      'Kyiv region (Bucha, Irpin, Hostomel, Borodianka',
    );
    expect(unknown('12th Guards tank brigade', 'ru').message).toContain('Киевская область');
    expect(unknown('12th Guards tank brigade', 'en', 'zaporizhzhia').message).not.toContain(
      'atrocities were documented',
    );
  });
  it('never says "no excuse" in Russian', () => {
    const ru = unknown('12th Guards tank brigade', 'ru').message;
    expect(ru).toContain('не снимает подозрений');
    expect(ru).not.toContain('оправдание');
  });
});

describe('suggestions for the case form', () => {
  it('suggests the unit a partial or odd spelling names', () => {
    expect(suggestUnits('в/ч51460').map((u) => u.id)).toEqual(['64-omsbr']);
    expect(suggestUnits('Псков').map((u) => u.id)).toContain('76-dshd');
    expect(suggestUnits('вагн').map((u) => u.id)).toContain('wagner');
    expect(suggestUnits('x')).toEqual([]);
  });
});
