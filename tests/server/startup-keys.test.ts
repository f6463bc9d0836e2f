// The keys a database was written with are checked at start-up and by /healthz: a wrong, missing or removed
// key stops the app with one clear line instead of answering 500 on every old case.
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyChecks } from '../../db/schema';
import { buildApp } from '../../server/app';
import { getConfig } from '../../server/config';
import { encryptField, newKey, parseKeyRing } from '../../server/crypto/field-encryption';
import { freshDatabase } from '../helpers/app';

// Each test starts the app several times: seconds each on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});

async function database() {
  const d = await freshDatabase();
  databases.push(d);
  return d.env;
}

const start = (env: Record<string, string>) => buildApp({ config: getConfig({ NODE_ENV: 'test', ...env }) });

async function startedOnce(env: Record<string, string>) {
  const app = await start(env);
  await app.close();
}

describe('the encryption keys at start-up', () => {
  it('refuses to start with another key than the data was written with, and with an old key removed', async () => {
    const env = await database();
    const oldKey = newKey();
    await startedOnce({ ...env, WAYPOST_ENCRYPTION_KEY: oldKey });
    await expect(start({ ...env, WAYPOST_ENCRYPTION_KEY: newKey() })).rejects.toThrow(
      /^Waypost will not start: the configured encryption key version 1 is not the key this data was written with\. Check WAYPOST_ENCRYPTION_KEY/,
    );
    // A rotation keeps the old key for reading: fine. Dropping it later is not, while data needs it.
    const rotated = `2:${newKey()},1:${oldKey}`;
    await startedOnce({ ...env, WAYPOST_ENCRYPTION_KEY: rotated });
    await expect(start({ ...env, WAYPOST_ENCRYPTION_KEY: rotated.split(',')[0]! })).rejects.toThrow(
      /encryption key version 1 is not configured, but data was written with it/,
    );
  });

  it('refuses to start, and generates nothing, when the key file is lost but the data is there', async () => {
    const env = await database();
    const keyDir = mkdtempSync(join(tmpdir(), 'waypost-keys-'));
    await startedOnce({ ...env, WAYPOST_KEY_DIR: keyDir });
    expect(existsSync(join(keyDir, 'encryption.key'))).toBe(true);
    const elsewhere = mkdtempSync(join(tmpdir(), 'waypost-keys-'));
    await expect(start({ ...env, WAYPOST_KEY_DIR: elsewhere })).rejects.toThrow(/^No encryption key: /);
    expect(existsSync(join(elsewhere, 'encryption.key'))).toBe(false);
  });

  it('refuses to start with another audit key than the chain was written with', async () => {
    const env = { ...(await database()), WAYPOST_ENCRYPTION_KEY: newKey() };
    const app = await start(env);
    const { appendAudit } = await import('../../server/audit');
    const { chainPending } = await import('../../server/audit/chain');
    await appendAudit(app.db, { actorId: null, action: 'audit.verified', at: new Date() });
    await chainPending(app.db, app.auditKeys, { wait: true });
    await app.close();
    await expect(start({ ...env, WAYPOST_AUDIT_KEY: newKey() })).rejects.toThrow(
      /audit key version 1 is not the key the chain was written with/,
    );
  });

  it('/healthz answers 503 when the keys cannot open what the database holds', async () => {
    const env = await database();
    const app = await start({ ...env, WAYPOST_ENCRYPTION_KEY: newKey() });
    await app.ready();
    try {
      expect((await request(app.server).get('/healthz')).status).toBe(200);
      // Data written with a key this process does not have (a restore from another install, say).
      const other = parseKeyRing(`3:${newKey()}`);
      const value = encryptField(
        other,
        { table: 'key_checks', column: 'value', row: '3' },
        'waypost key check',
      );
      await app.db.insert(keyChecks).values({ version: 3, value });
      const res = await request(app.server).get('/healthz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'encryption key cannot open the data' });
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('the local data folder', () => {
  it('is made owner-only (0700/0600) at start-up, saying so when it was open to others', async () => {
    const env = await database();
    const dataDir = env.DATA_DIR!;
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'pglite', 'stray'), 'x', { mode: 0o666 });
    chmodSync(join(dataDir, 'pglite', 'stray'), 0o666);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      await startedOnce({ ...env, WAYPOST_ENCRYPTION_KEY: newKey() });
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => /were readable by other users; made owner-only/.test(w))).toBe(true);
    const modes: number[] = [];
    const walk = (path: string) => {
      const stat = statSync(path);
      modes.push(stat.mode & 0o077);
      if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(modes.every((m) => m === 0)).toBe(true);
  });
});
