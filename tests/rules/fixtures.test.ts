/**
 * Every NAME.case.json + NAME.expect.json in ../shared/fixtures (the published accounts) and in tests/fixtures
 * (ours: every action, every verdict, an invalid file) must say what its expect file says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseCaseFile } from '../../rules/index';
import { repoRoot, runTriage } from './cli-runner';

type Expect = {
  today: string;
  action?: string;
  pathway?: { country: string; pathway: string };
  flags?: string[];
  absentFlags?: string[];
  flagSeverity?: Record<string, string>;
  cleared?: string[];
  checklist?: Record<string, string>;
  destinations?: Record<string, string>;
  riskLevel?: string;
  then?: string[];
  exit?: number;
  stderrContains?: string | string[];
};

const folders = [resolve(repoRoot, '../shared/fixtures'), resolve(repoRoot, 'tests/fixtures')];
const fixtures = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.expect.json'))
    .map((f) => ({ name: f.replace('.expect.json', ''), folder })),
);

it('finds the shared fixtures and ours', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(9);
});

describe.each(fixtures)('fixture $name', ({ name, folder }) => {
  const casePath = resolve(folder, `${name}.case.json`);
  const expected = JSON.parse(readFileSync(resolve(folder, `${name}.expect.json`), 'utf8')) as Expect;

  if (expected.exit !== undefined) {
    it(`the CLI exits ${expected.exit} and names the bad fields`, () => {
      const run = runTriage([casePath, '--today', expected.today]);
      expect(run.status).toBe(expected.exit);
      expect(run.stdout).toBe('');
      for (const text of [expected.stderrContains ?? []].flat()) expect(run.stderr).toContain(text);
    });
    return;
  }

  const parsed = parseCaseFile(JSON.parse(readFileSync(casePath, 'utf8')));
  it('is a valid case file', () => expect(parsed.ok ? [] : parsed.errors).toEqual([]));
  if (!parsed.ok) return;
  const a = evaluate(parsed.value, expected.today);
  const active = a.flags.filter((f) => !f.cleared);

  it('matches its expectations', () => {
    if (expected.action) expect(a.recommendation.action).toBe(expected.action);
    if (expected.pathway) expect(a.recommendation.pathway).toEqual(expected.pathway);
    for (const id of expected.flags ?? []) expect(a.flags.map((f) => f.id)).toContain(id);
    for (const id of expected.absentFlags ?? []) expect(active.map((f) => f.id)).not.toContain(id);
    for (const [id, severity] of Object.entries(expected.flagSeverity ?? {})) {
      expect(a.flags.filter((f) => f.id === id).map((f) => f.severity)).toContain(severity);
    }
    for (const id of expected.cleared ?? []) {
      const flags = a.flags.filter((f) => f.id === id);
      expect(flags.length).toBeGreaterThan(0);
      for (const f of flags) expect(f.cleared).toBe(true);
    }
    for (const [id, status] of Object.entries(expected.checklist ?? {})) {
      expect({ id, status: a.checklist.find((i) => i.id === id)?.status }).toEqual({ id, status });
    }
    for (const [key, status] of Object.entries(expected.destinations ?? {})) {
      const [country, pathway] = key.split('/');
      const verdict = a.destinations.find((d) => d.country === country && d.pathway === pathway);
      expect({ key, status: verdict?.status }).toEqual({ key, status });
    }
    if (expected.riskLevel) expect(a.riskLevel).toBe(expected.riskLevel);
    if (expected.then) expect(a.recommendation.then).toEqual(expected.then);
  });
});

it('our fixtures cover every action and every verdict', () => {
  const ours = fixtures.filter((f) => f.folder.endsWith('tests/fixtures'));
  const actions = new Set<string>();
  const verdicts = new Set<string>();
  for (const { name, folder } of ours) {
    const e = JSON.parse(readFileSync(resolve(folder, `${name}.expect.json`), 'utf8')) as Expect;
    if (e.action) actions.add(e.action);
    for (const v of Object.values(e.destinations ?? {})) verdicts.add(v);
  }
  expect([...actions].sort()).toEqual([
    'complete_verification',
    'refer_for_visa',
    'refer_local_legal_aid',
    'supervisor_review',
    'urgent_protection',
  ]);
  expect([...verdicts].sort()).toEqual(['feasible', 'needs_documents', 'not_available', 'unlikely']);
});
