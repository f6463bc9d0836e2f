import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysToMonths, formatDay, formatMonthOf, formatTime, machineTime } from '../../server/i18n/dates';
import { addUser, signIn, type TestApp, testApp } from '../helpers/app';

describe('dates for a reader', () => {
  it.each([
    ['2026-12-03', 'en', '3 Dec 2026'],
    ['2026-12-03', 'ru', '03.12.2026'],
    ['2024-02-29', 'en', '29 Feb 2024'],
    ['0999-01-31', 'ru', '31.01.0999'],
  ] as const)('%s in %s is %s', (day, locale, shown) => {
    expect(formatDay(day, locale)).toBe(shown);
  });

  it('takes the UTC day of a moment, and shows a moment to the minute in UTC, saying so', () => {
    const at = new Date('2026-12-03T23:59:59.500Z');
    expect(formatDay(at, 'en')).toBe('3 Dec 2026');
    expect(formatTime(at, 'en')).toBe('3 Dec 2026, 23:59 UTC');
    expect(formatTime(at, 'ru')).toBe('03.12.2026, 23:59 UTC');
    expect(formatTime(at.toISOString(), 'ru', 'second')).toBe('03.12.2026, 23:59:59 UTC');
    expect(machineTime(at)).toBe('2026-12-03T23:59:59.500Z');
  });

  it('shows a month from a month or from a day in it', () => {
    expect(formatMonthOf('2017-09', 'en')).toBe('Sep 2017');
    expect(formatMonthOf('2017-09-13', 'ru')).toBe('09.2017');
  });

  it('shows what names no day as it is, rather than "Invalid Date"', () => {
    expect(formatDay('unknown', 'en')).toBe('unknown');
    expect(formatTime('soon', 'ru')).toBe('soon');
  });

  it('cuts every day in a text, however it is written, to its month', () => {
    const text = 'Left on 2023-07-20, seen 3 Dec 2026 and 04.01.2025; ref WP-2025-0999, 12.5 km';
    expect(daysToMonths(text, 'en')).toBe(
      'Left on Jul 2023, seen Dec 2026 and Jan 2025; ref WP-2025-0999, 12.5 km',
    );
    expect(daysToMonths(text, 'ru')).toBe(
      'Left on 07.2023, seen 12.2026 and 01.2025; ref WP-2025-0999, 12.5 km',
    );
  });

  it('no day survives the cut, in any format, for any day', () => {
    const day = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('en', 'ru') as fc.Arbitrary<'en' | 'ru'>, (d, locale) => {
        for (const written of [d, formatDay(d, 'en'), formatDay(d, 'ru')]) {
          const cut = daysToMonths(`on ${written}.`, locale);
          expect(cut).toBe(`on ${formatMonthOf(d, locale)}.`);
        }
      }),
    );
  });
});

describe('templates format no date themselves', () => {
  it('no template calls a date method or Intl', () => {
    const dir = join(import.meta.dirname, '../../views');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.eta'));
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(
        /toISOString|toLocale\w*String|toUTCString|Intl\.|new Date\(|getUTC|getFullYear/,
      );
    }
  });
});

describe('pages show dates in the reader language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('Russian as dd.mm.yyyy, English as "3 Dec 2026"', async () => {
    const user = await addUser(t.app, 'caseworker');
    const session = await signIn(t.app, user);
    const english = (await session.agent.get('/account')).text;
    expect(english).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
    await session.agent.post('/language').type('form').send({ _csrf: session.csrf, locale: 'ru', next: '/' });
    const russian = (await session.agent.get('/account')).text;
    expect(russian).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC/);
    expect(russian).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});
