// npm run -s seed:demo: demo accounts and realistic cases in a local database, never in production, and a
// second run adds nothing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, users } from '../../db/schema';
import { buildApp } from '../../server/app';
import { loadCase } from '../../server/cases/repository';
import { getConfig } from '../../server/config';
import { newKey } from '../../server/crypto/field-encryption';
import { freshDatabase, signIn } from '../helpers/app';

const script = join(import.meta.dirname, '../../server/cli/seed-demo.ts');
const emails = ['demo-caseworker@example.org', 'demo-supervisor@example.org', 'demo-admin@example.org'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  database.env.WAYPOST_ENCRYPTION_KEY = newKey();
});
afterAll(() => database.drop());

function seed(args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...database.env, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function open() {
  const app = await buildApp({ config: getConfig({ NODE_ENV: 'test', ...database.env }) });
  await app.ready();
  return app;
}

describe('seed:demo', () => {
  it('refuses to run in production and writes nothing', async () => {
    const run = seed([], { NODE_ENV: 'production' });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/refuses to run with NODE_ENV=production/);
    const app = await open();
    try {
      const [n] = await app.db.select({ n: count() }).from(users);
      expect(n!.n).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('refuses a bad --cases value', () => {
    const run = seed(['--cases', 'lots']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--cases/);
  });

  let password = '';
  it('creates the three demo accounts, prints their password once, and adds varied demo cases', async () => {
    const run = seed(['--cases', '12']);
    expect(run.code, run.err).toBe(0);
    for (const email of emails) expect(run.out).toContain(email);
    password = /password for each: (.+)$/m.exec(run.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(run.out).toContain('added 12 demo cases');

    const app = await open();
    try {
      const demo = await app.db.select().from(users).where(inArray(users.email, emails));
      expect(demo.map((u) => u.role).sort()).toEqual(['admin', 'caseworker', 'supervisor']);
      const rows = await app.db.select().from(cases);
      expect(rows).toHaveLength(12);
      expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(12);
      for (const row of rows) {
        expect(row.action, row.pseudonym).toBeTruthy(); // complete case files: assessed
        expect(demo.map((u) => u.id)).toContain(row.assignedTo);
      }
      expect(new Set(rows.map((r) => r.updatedAt.getTime())).size).toBeGreaterThan(1);
      // Encrypted with the key ring of the environment: the app reads them back.
      const loaded = await loadCase(app.db, app.keyRing, rows[0]!.id);
      expect(loaded!.parts.person.pseudonym).toBe(rows[0]!.pseudonym);
      // The printed password signs the demo caseworker in, and the list shows their cases.
      const { agent } = await signIn(app, { email: emails[0]!, password });
      const list = await agent.get('/cases');
      expect(list.status).toBe(200);
      expect(list.text).toMatch(/\d+ cases?/);
    } finally {
      await app.close();
    }
  });

  it('adds nothing when run again, and says so without printing a password', async () => {
    const run = seed(['--cases', '12']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('12 demo cases already present: no case added');
    expect(run.out).toContain('passwords unchanged');
    expect(run.out).not.toContain(password);
    const app = await open();
    try {
      const [n] = await app.db.select({ n: count() }).from(cases);
      expect(n!.n).toBe(12);
    } finally {
      await app.close();
    }
  });
});
