// Once per test run: a migrated PGlite data directory that every test file copies (opening a copy takes
// under a second; creating a fresh PGlite takes about five). Kept between runs, keyed by the migrations.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, openDatabase } from '../../db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  const template = join(tmpdir(), `waypost-pglite-template-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}`;
    const database = await openDatabase({ dataDir: building });
    await database.close();
    rmSync(template, { recursive: true, force: true });
    renameSync(building, template);
  }
  project.provide('pgliteTemplate', template);
}
