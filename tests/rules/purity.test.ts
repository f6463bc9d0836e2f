/** The rules are pure: outside rules/cli, no I/O, no clock, no server or database code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './cli-runner';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const forbidden: [string, RegExp][] = [
  ['node built-in import', /from\s+['"]node:/],
  ['fs import', /from\s+['"](fs|fs\/promises|path|os|child_process)['"]/],
  ['process', /\bprocess\./],
  ['server or db import', /from\s+['"][./]*(server|db)\//],
  ['Date.now()', /Date\.now\(/],
  ['new Date() without arguments', /new Date\(\s*\)/],
];

const ruleFiles = files(join(repoRoot, 'rules')).filter(
  (f) => !relative(repoRoot, f).startsWith('rules/cli/'),
);

it('finds the rule files', () => expect(ruleFiles.length).toBeGreaterThan(50));

it.each(ruleFiles.map((f) => relative(repoRoot, f)))('%s is pure', (file) => {
  const source = readFileSync(join(repoRoot, file), 'utf8');
  for (const [what, pattern] of forbidden)
    expect({ file, what, found: pattern.test(source) }).toEqual({ file, what, found: false });
});
