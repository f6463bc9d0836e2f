// npm run -s backup / restore: a backup restores into a fresh database where every case reads back as it
// was and the audit chain verifies; the file holds no key; a restore never lands on a database in use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Command-line tools and app starts take seconds each on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

import { cases } from '../../db/schema';
import { buildApp } from '../../server/app';
import { verifyAuditChain } from '../../server/audit';
import { chainPending } from '../../server/audit/chain';
import { loadCase } from '../../server/cases/repository';
import { getConfig } from '../../server/config';
import { newKey } from '../../server/crypto/field-encryption';
import { freshDatabase } from '../helpers/app';

const keys = { WAYPOST_ENCRYPTION_KEY: newKey(), WAYPOST_AUDIT_KEY: newKey() };
let source: Awaited<ReturnType<typeof freshDatabase>>;
let target: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase();
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

function cli(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    env: { ...process.env, ...env, ...keys, NODE_ENV: 'development' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function snapshot(env: Record<string, string>) {
  const app = await buildApp({ config: getConfig({ NODE_ENV: 'test', ...env, ...keys }) });
  try {
    await chainPending(app.db, app.auditKeys, { wait: true });
    const ids = (await app.db.select({ id: cases.id }).from(cases).orderBy(cases.id)).map((c) => c.id);
    const loaded = await Promise.all(ids.map((id) => loadCase(app.db, app.keyRing, id)));
    return { ids, loaded, check: await verifyAuditChain(app.db, app.auditKeys) };
  } finally {
    await app.close();
  }
}

describe('backup and restore', () => {
  it('restore into a fresh database: every case reads back, the audit chain verifies, no key in the file', async () => {
    expect(cli('seed-demo', ['--cases', '12'], source.env).code).toBe(0);
    const before = await snapshot(source.env);
    expect(before.ids).toHaveLength(12);
    expect(before.check).toMatchObject({ ok: true, pending: 0 });

    const file = join(mkdtempSync(join(tmpdir(), 'waypost-backup-')), 'waypost.backup');
    const backup = cli('backup', [file], source.env);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/The keys are NOT in it/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const content = gunzipSync(readFileSync(file)).toString('utf8');
    for (const key of Object.values(keys)) expect(content).not.toContain(key);
    expect(cli('backup', [file], source.env)).toMatchObject({
      code: 2,
      err: expect.stringContaining('exists'),
    });

    const restore = cli('restore', [file], target.env);
    expect(restore.code, restore.err).toBe(0);
    const after = await snapshot(target.env);
    expect(after.ids).toEqual(before.ids);
    expect(after.loaded).toEqual(before.loaded);
    expect(after.check).toMatchObject({ ok: true, rows: (before.check as { rows: number }).rows });

    // Never onto a database that holds data.
    const again = cli('restore', [file], target.env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Nothing restored: the database is not empty/);
  });
});
