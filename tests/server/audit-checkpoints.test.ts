// Hourly checkpoints happen once across every app process (a PostgreSQL lock decides, never process memory),
// and the admin's audit page shows the latest one to copy and writes one on demand.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { auditCheckpoints } from '../../db/schema';
import { CHECKPOINT_EVERY_MS, checkpointIfDue } from '../../server/audit/checkpoint';
import { databaseOptions } from '../../server/config';
import { addUser, csrfFrom, signIn, type TestApp, testApp } from '../helpers/app';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'waypost-checkpoints-'));
beforeAll(async () => {
  t = await testApp({ env: { AUDIT_CHECKPOINT_DIR: dir } });
});
afterAll(() => t.close());

describe('hourly checkpoints', () => {
  it('are written once per hour however many processes try at the same moment', async () => {
    // On PostgreSQL, a second connection pool plays a second app process; PGlite has one process only.
    const other = t.config.databaseUrl
      ? await openDatabase({ ...databaseOptions(t.config), migrate: false })
      : undefined;
    try {
      const pools = [t.app.db, other?.db ?? t.app.db];
      const at = new Date(Date.now() + 10 * CHECKPOINT_EVERY_MS);
      const tries = await Promise.all(
        Array.from({ length: 8 }, (_, i) => checkpointIfDue(pools[i % 2]!, t.app.auditKeys, dir, at)),
      );
      expect(tries.filter(Boolean)).toHaveLength(1);
      const soon = new Date(at.getTime() + CHECKPOINT_EVERY_MS / 2);
      expect(await checkpointIfDue(t.app.db, t.app.auditKeys, dir, soon)).toBeUndefined();
      const hourLater = new Date(at.getTime() + CHECKPOINT_EVERY_MS);
      expect(await checkpointIfDue(pools[1]!, t.app.auditKeys, dir, hourLater)).toBeDefined();
      const written = (await t.app.db.select().from(auditCheckpoints)).map((c) => c.at.getTime());
      expect(written.filter((ms) => ms >= at.getTime())).toEqual([at.getTime(), hourLater.getTime()]);
    } finally {
      await other?.close();
    }
  });
});

describe("the admin's audit page", () => {
  it('writes a checkpoint on demand to AUDIT_CHECKPOINT_DIR and shows the latest to copy', async () => {
    const { agent } = await signIn(t.app, await addUser(t.app, 'admin'));
    const page = await agent.get('/admin/audit');
    expect(page.status).toBe(200);
    const res = await agent
      .post('/admin/audit/checkpoint')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    const files = readdirSync(dir).filter((f) => f.startsWith('audit-checkpoint-'));
    const newest = files
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      .sort((a, b) => b.seq - a.seq)[0];
    expect(existsSync(join(dir, files[0]!))).toBe(true);
    const shown = await agent.get('/admin/audit');
    expect(shown.text).toContain('Latest signed checkpoint');
    expect(shown.text).toContain(newest.signature);
  });

  it('is not for caseworkers or supervisors', async () => {
    for (const role of ['caseworker', 'supervisor'] as const) {
      const { agent, csrf } = await signIn(t.app, await addUser(t.app, role));
      expect((await agent.post('/admin/audit/checkpoint').type('form').send({ _csrf: csrf })).status).toBe(
        403,
      );
    }
  });
});
