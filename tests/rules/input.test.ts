// What the case format refuses, whoever sends it (a form, an import, the API): text that cannot be stored or
// reads differently from what it holds, dates outside any case, lists and texts past their limits. Every limit
// is read from the schema, and the README states exactly those.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFileSchema, isoDateSchema } from '../../rules/case-schema';
import { caseDateProblems } from '../../rules/date-checks';
import { addYears, readTypedDate, typedDate } from '../../rules/date-input';
import { caseFormatLimits, describeLimit } from '../../rules/limits';
import { parseCaseFile } from '../../rules/parse';
import { textProblem } from '../../rules/text';
import { fixture } from '../helpers/fixtures';

const anton = () => structuredClone(fixture('anton'));
const problems = (file: unknown, today?: string) => {
  const result = parseCaseFile(file, today === undefined ? {} : { today });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('text', () => {
  it.each([
    ['Anton\u0000', {}, 'control'],
    ['An\u0007ton', {}, 'control'],
    ['line one\nline two', {}, 'control'],
    ['line one\nline two\ttabbed', { multiline: true }, undefined],
    ['null\u0000 in a statement', { multiline: true }, 'control'],
    ['\u202Eevil', {}, 'direction'],
    ['isolated \u2066text\u2069', { multiline: true }, 'direction'],
    ['\uD800 broken', {}, 'surrogate'],
    ['\u200B\u200C\u200D\uFEFF', {}, 'invisible'],
    [' \u00A0\u2003', {}, 'invisible'],
    ['\u200BAnton', { name: true }, 'noLetter'],
    ['---', { name: true }, 'noLetter'],
    ['Антон Б.', { name: true }, undefined],
    ['Ерлан 🕊', {}, undefined],
    ['👨‍👩‍👧 family', {}, undefined],
    ['مرحبا', { name: true }, undefined],
  ])('%j %j: %s', (text, rules, expected) => {
    expect(textProblem(text, rules)).toBe(expected);
  });

  it('the import refuses a NUL byte, a direction override or only zero-width characters in any free-text field', () => {
    const file = anton();
    file.person.pseudonym = '\u200B\u200B';
    file.person.fullName = 'Anton\u0000';
    file.desertion.statement = 'He said \u202Enothing';
    file.destinations[0]!.applications = [
      { type: 'humanitarian\u0000visa', filedOn: '2026-01-10', status: 'pending' },
    ];
    expect(problems(file)).toEqual([
      'person.pseudonym: must not be empty',
      'person.fullName: contains a control character',
      'desertion.statement: contains a text-direction control character',
      'destinations[0].applications[0].type: contains a control character',
    ]);
  });

  it('a pseudonym with a zero-width character inside, or a direction override, is refused', () => {
    const file = anton();
    file.person.pseudonym = 'An\u200Bton';
    expect(problems(file)).toEqual([
      'person.pseudonym: must contain a letter or digit and no invisible characters',
    ]);
    file.person.pseudonym = 'Anton \u202Egnp.';
    expect(problems(file)).toEqual(['person.pseudonym: contains a text-direction control character']);
  });
});

describe('limits', () => {
  it('an interview of 3e9 minutes, a cleared flag listed twice and 8,000 documents are each refused by path', () => {
    const file = anton();
    file.verification.interviews[0]!.minutes = 3e9;
    file.review = { clearedFlags: ['UNIT_UNKNOWN', 'UNIT_UNKNOWN'] };
    const document = file.documents[0]!;
    file.documents = Array.from({ length: 8000 }, () => ({ ...document }));
    file.person.citizenships = ['RU', 'RU'];
    expect(problems(file)).toEqual([
      'person.citizenships[1]: listed twice',
      'documents: at most 50 entries',
      'verification.interviews[0].minutes: must be at most 1440',
      'review.clearedFlags[1]: listed twice',
    ]);
  });

  it('a text over its limit is refused with the limit', () => {
    const file = anton();
    file.desertion.statement = 'я'.repeat(10_001);
    file.person.pseudonym = 'x'.repeat(81);
    expect(problems(file)).toEqual([
      'person.pseudonym: at most 80 characters',
      'desertion.statement: at most 10000 characters',
    ]);
    file.desertion.statement = 'я'.repeat(10_000);
    file.person.pseudonym = 'x'.repeat(80);
    expect(problems(file)).toEqual([]);
  });

  it('every free text and every list of the format has a limit (a new one cannot be left unbounded)', () => {
    const limited = new Set(caseFormatLimits().map((l) => l.path));
    const unbounded: string[] = [];
    const walk = (schema: z.ZodType, path: string) => {
      let inner = schema;
      while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
      if (inner instanceof z.ZodObject)
        for (const [k, v] of Object.entries(inner.shape)) walk(v as z.ZodType, path ? `${path}.${k}` : k);
      else if (inner instanceof z.ZodArray) {
        if (!limited.has(path)) unbounded.push(path);
        walk(inner.element as z.ZodType, `${path}[]`);
      } else if (inner instanceof z.ZodString && inner !== isoDateSchema && !limited.has(path)) {
        // A string without a length limit must be held to a fixed-length pattern (a reference, a code).
        const patterns = (inner._zod.def.checks ?? []).flatMap((c) =>
          c instanceof z.core.$ZodCheckRegex ? [c._zod.def.pattern.source] : [],
        );
        if (patterns.length === 0 || patterns.some((p) => /[+*]|\{\d+,\}/.test(p))) unbounded.push(path);
      }
    };
    walk(caseFileSchema, '');
    expect(unbounded).toEqual([]);
  });

  it('the README states exactly the limits the schema enforces', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /<!-- limits:start -->\n([\s\S]*?)\n<!-- limits:end -->/.exec(readme)?.[1];
    expect(block).toBe(
      caseFormatLimits()
        .map((l) => `- \`${describeLimit(l)}\``)
        .join('\n'),
    );
    expect(block).toContain('`documents: at most 50 entries`');
    expect(block).toContain('`desertion.statement: at most 10,000 characters`');
  });
});

describe('dates', () => {
  it.each([
    ['20.07.2023', '2023-07-20'],
    ['2023-07-20', '2023-07-20'],
    ['1.2.1990', '1990-02-01'],
    ['01/02/1990', '1990-02-01'],
    [' 29.02.2024 ', '2024-02-29'],
    ['30.02.2023', undefined],
    ['29.02.2023', undefined],
    ['2023-02-30', undefined],
    ['07/20/2023', undefined],
    ['20.07.23', undefined],
    ['20.07-2023', undefined],
  ])('typed %j reads as %j', (typed, iso) => {
    expect(readTypedDate(typed)).toBe(iso);
  });

  it('a stored date shows day first, and reads back as itself', () => {
    expect(typedDate('2023-07-20')).toBe('20.07.2023');
    expect(readTypedDate(typedDate('1990-01-31'))).toBe('1990-01-31');
    expect(addYears('2024-02-29', -14)).toBe('2010-02-28');
  });

  it('dates of birth of year 1 or 2999 are refused by the schema alone', () => {
    const file = anton();
    file.person.dateOfBirth = '0001-01-01';
    file.deployments[0]!.from = '2999-01-01';
    expect(problems(file)).toEqual([
      'person.dateOfBirth: must be between 1900 and 2099',
      'deployments[0].from: must be between 1900 and 2099',
    ]);
  });

  it('within one part: events after today, a period ending before it starts, an impossible age', () => {
    const file = anton();
    const today = '2026-11-22';
    file.person.dateOfBirth = '2020-01-01';
    file.desertion.leftOn = '2026-11-24';
    file.deployments[0]!.to = addYears(file.deployments[0]!.from, -1);
    file.currentStay.stayEndsOn = '2000-01-01';
    expect(caseDateProblems(file, today).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'person.dateOfBirth: must give an age from 14 to 100',
      'desertion.leftOn: must not be after today',
      'currentStay.stayEndsOn: must not be before the start',
      'deployments[0].to: must not be before the start',
    ]);
    // A day's grace for a user whose day began before UTC's; across parts, only a flag.
    file.person.dateOfBirth = '1990-01-01';
    file.desertion.leftOn = '2026-11-23';
    file.deployments[0]!.to = undefined;
    file.deployments[0]!.endedBy = 'ongoing';
    file.currentStay.stayEndsOn = undefined;
    file.service.enlistedOn = '2026-01-01';
    expect(caseDateProblems(file, today)).toEqual([]);
    expect(problems(file, today)).toEqual([]);
  });
});
