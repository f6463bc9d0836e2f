// The shared fixtures (../shared/fixtures) and the project's own (tests/fixtures), parsed and valid.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../rules/case-schema';
import { parseCaseFile } from '../../rules/parse';

const sharedFixtures = join(import.meta.dirname, '../../../shared/fixtures');

/** Every valid case file among the fixtures, by name. */
export function validFixtures(): [string, CaseFile][] {
  const dirs = [sharedFixtures, join(import.meta.dirname, '../fixtures')].filter(existsSync);
  const out: [string, CaseFile][] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.case.json'))
      .sort()) {
      const parsed = parseCaseFile(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.ok) out.push([name.replace('.case.json', ''), parsed.value]);
    }
  }
  return out;
}

export function fixture(name: string): CaseFile {
  const found = validFixtures().find(([n]) => n === name);
  if (!found) throw new Error(`no valid fixture ${name}`);
  return structuredClone(found[1]);
}
