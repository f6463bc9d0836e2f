/** The triage CLI: exit codes, paths on stderr, stdin, formats and locales. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../rules/index';
import { repoRoot, runTriage } from './cli-runner';

const sparrow = resolve(repoRoot, '../shared/fixtures/sparrow.case.json');

describe('triage CLI', () => {
  it('prints the assessment as JSON and exits 0', () => {
    const run = runTriage([sparrow, '--today', '2026-11-22']);
    expect(run.status).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(assessmentSchema.safeParse(a).success).toBe(true);
    expect(a.evaluatedOn).toBe('2026-11-22');
    expect(a.recommendation.action).toBe('complete_verification');
  });

  it('reads standard input for -', () => {
    const run = runTriage(['-', '--today', '2026-11-22'], readFileSync(sparrow, 'utf8'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).riskLevel).toBe('medium');
  });

  it('defaults today to the current date', () => {
    const run = runTriage([sparrow]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prints a readable report with --format text, in Russian with --locale ru', () => {
    const en = runTriage([sparrow, '--today', '2026-11-22', '--format', 'text']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('NEXT STEP: Complete verification');
    expect(en.stdout).toContain('WARNING (');
    expect(en.stdout).toContain('Source: https://zona.media');
    expect(en.stdout).toContain('France (FR), Visa for asylum purposes: NEEDS DOCUMENTS');
    const ru = runTriage([sparrow, '--today', '2026-11-22', '--format', 'text', '--locale', 'ru']);
    expect(ru.stdout).toContain('СЛЕДУЮЩИЙ ШАГ: Завершить проверку');
  });

  it('exits 2 on invalid JSON', () => {
    const run = runTriage(['-'], '{ "format": ');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid JSON');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on an invalid case, one path per line', () => {
    const c = JSON.parse(readFileSync(sparrow, 'utf8'));
    c.route[0].date = '2022-02-30';
    c.person.nickname = 'x';
    const run = runTriage(['-'], JSON.stringify(c));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n').sort()).toEqual([
      'person.nickname: unknown field',
      'route[0].date: invalid date',
    ]);
  });

  it.each([
    [[] as string[], 'usage'],
    [[sparrow, '--today', '2026-02-30'], '--today: invalid date'],
    [[sparrow, '--format', 'xml'], '--format'],
    [[sparrow, '--locale', 'de'], '--locale'],
    [[sparrow, '--colour'], 'usage'],
    [['/no/such/file.json'], 'cannot read'],
  ])('exits 2 on usage error %j', (args, message) => {
    const run = runTriage(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
