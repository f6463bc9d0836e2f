import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Command-line tools and app starts take seconds each on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

import { auditChain, auditLog } from '../../db/schema';
import { buildApp } from '../../server/app';
import { appendAudit, verifyAuditChain } from '../../server/audit';
import { chainPending, linkMac } from '../../server/audit/chain';
import { type Checkpoint, writeCheckpoint } from '../../server/audit/checkpoint';
import type { AuditAction } from '../../server/audit/labels';
import { getConfig } from '../../server/config';
import { newKey, parseKeyRing } from '../../server/crypto/field-encryption';
import { freshDatabase, signIn } from '../helpers/app';
import { asOwner, rows } from '../helpers/owner';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  database.env.WAYPOST_ENCRYPTION_KEY = newKey();
});
afterAll(() => database.drop());

const open = () => buildApp({ config: getConfig({ NODE_ENV: 'test', ...database.env }) });

/** Runs one of the package's command-line tools against this test's database. */
function cli(script: string, args: string[] = [], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...database.env, NODE_ENV: 'test' },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function append(app: FastifyInstance, n: number, action: AuditAction = 'audit.verified') {
  for (let i = 0; i < n; i++)
    await appendAudit(app.db, {
      actorId: null,
      action,
      detail: { i, nested: { b: 1, a: 2 } },
      at: new Date(),
    });
  await chainPending(app.db, app.auditKeys, { wait: true });
}

const lastSeq = async (app: FastifyInstance) =>
  (await rows<{ n: number }>(app, sql`select coalesce(max(seq), 0)::int as n from audit_chain`))[0]!.n;

async function withApp(body: (app: FastifyInstance) => Promise<void>) {
  const app = await open();
  try {
    await body(app);
  } finally {
    await app.close();
  }
}

async function checkpointFile(app: FastifyInstance): Promise<{ file: string; checkpoint: Checkpoint }> {
  const dir = mkdtempSync(join(tmpdir(), 'waypost-checkpoint-'));
  return writeCheckpoint(app.db, app.auditKeys, dir, new Date());
}

describe('the audit chain', () => {
  it('links every entry with a keyed MAC, in one unbroken chain', async () => {
    await withApp(async (app) => {
      await append(app, 3);
      const links = await app.db.select().from(auditChain).orderBy(asc(auditChain.seq));
      expect(links.map((l) => l.seq)).toEqual(links.map((_, i) => i + 1));
      expect(links.every((l) => /^[0-9a-f]{64}$/.test(l.mac))).toBe(true);
      const check = await verifyAuditChain(app.db, app.auditKeys);
      expect(check).toMatchObject({ ok: true, rows: links.length, pending: 0 });
      // Another key does not open it: the chain is keyed, not a bare hash.
      const other = await verifyAuditChain(app.db, parseKeyRing(newKey()));
      expect(other).toMatchObject({ ok: false, brokenAtId: links[0]!.entryId });
    });
  });

  it('holds under 1,000 concurrent writers, each in its own transaction, while chain passes run', async () => {
    await withApp(async (app) => {
      const before = await lastSeq(app);
      let writing = true;
      const chaining = (async () => {
        while (writing) await chainPending(app.db, app.auditKeys);
      })();
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          app.db.transaction((tx) =>
            appendAudit(tx, {
              actorId: null,
              action: 'reference_data.reviewed',
              detail: { i },
              at: new Date(),
            }),
          ),
        ),
      );
      writing = false;
      await chaining;
      await chainPending(app.db, app.auditKeys, { wait: true });
      const check = await verifyAuditChain(app.db, app.auditKeys);
      expect(check).toMatchObject({ ok: true, rows: before + 1000, pending: 0 });
      const chained = await rows<{ n: number; distinct: number }>(
        app,
        sql`select count(*)::int as n, count(distinct (l.detail->>'i'))::int as distinct
            from audit_log l join audit_chain c on c.entry_id = l.id where l.action = 'reference_data.reviewed'`,
      );
      expect(chained[0]).toEqual({ n: 1000, distinct: 1000 });
    });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await withApp(async (app) => {
      for (const table of ['audit_log', 'audit_chain', 'audit_checkpoints']) {
        await expect(app.db.execute(sql.raw(`update ${table} set id = id`))).rejects.toThrow();
        await expect(app.db.execute(sql.raw(`delete from ${table}`))).rejects.toThrow();
        await expect(app.db.execute(sql.raw(`truncate ${table} cascade`))).rejects.toThrow();
      }
      expect(await verifyAuditChain(app.db, app.auditKeys)).toMatchObject({ ok: true });
    });
  });
});

// Each case plays someone who holds the database but not the audit key, then someone who holds the key too.
describe('tampering, detected', () => {
  it('npm run -s audit:verify names an altered entry, even when later links are recomputed without the key', async () => {
    expect(cli('server/cli/audit-verify.ts')).toMatchObject({
      code: 0,
      out: expect.stringContaining('intact'),
    });
    await withApp(async (app) => {
      await append(app, 5);
      const links = await app.db.select().from(auditChain).orderBy(asc(auditChain.seq));
      const target = links.at(-3)!;
      // The unkeyed way (what the app did before): SHA-256 over the previous value and the row.
      let prev = links.at(-4)!.mac;
      const rewrites = links.slice(-3).map((l) => {
        prev = createHash('sha256').update(`${prev}\n${l.entryId}`).digest('hex');
        return `update audit_chain set mac = '${prev}' where seq = ${l.seq}`;
      });
      await asOwner(
        app,
        database.env,
        [`update audit_log set detail = '{"i": 99}' where id = ${target.entryId}`, ...rewrites].join(';'),
      );
      expect(await verifyAuditChain(app.db, app.auditKeys)).toMatchObject({
        ok: false,
        brokenAtId: target.entryId,
      });
    });
    const tampered = cli('server/cli/audit-verify.ts');
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/TAMPERED at entry \d+/);
  });
});

describe('tampering on a fresh log', () => {
  beforeAll(async () => {
    await database.drop();
    database = await freshDatabase();
    database.env.WAYPOST_ENCRYPTION_KEY = newKey();
  });

  it('a run of entries removed from the middle breaks the chain', async () => {
    await withApp(async (app) => {
      await append(app, 20);
      await asOwner(
        app,
        database.env,
        `delete from audit_chain where seq between 5 and 9;
         delete from audit_log where id not in (select entry_id from audit_chain)`,
      );
      expect(await verifyAuditChain(app.db, app.auditKeys)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('missing'),
      });
    });
  });
});

describe('checkpoints', () => {
  beforeAll(async () => {
    await database.drop();
    database = await freshDatabase();
    database.env.WAYPOST_ENCRYPTION_KEY = newKey();
  });

  it('catch the last entry, then the last 50, cut off the tail (the chain alone cannot)', async () => {
    let file = '';
    await withApp(async (app) => {
      await append(app, 60);
      const written = await checkpointFile(app);
      file = written.file;
      const { checkpoint } = written;
      expect(cli('server/cli/audit-verify.ts', ['--checkpoint', file])).toMatchObject({ code: 0 });
      for (const cut of [1, 50]) {
        const from = (await lastSeq(app)) - cut + 1;
        await asOwner(
          app,
          database.env,
          `delete from audit_chain where seq >= ${from};
           delete from audit_log where id not in (select entry_id from audit_chain)`,
        );
        // What is left is a valid chain: without the checkpoint nothing shows.
        expect(await verifyAuditChain(app.db, app.auditKeys)).toMatchObject({ ok: true, pending: 0 });
        const check = await verifyAuditChain(app.db, app.auditKeys, checkpoint);
        expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('cut short') });
      }
    });
    const res = cli('server/cli/audit-verify.ts', ['--checkpoint', file]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('cut short');
  });

  it('catch a rewrite before the checkpoint by someone holding the audit key', async () => {
    await database.drop();
    database = await freshDatabase();
    database.env.WAYPOST_ENCRYPTION_KEY = newKey();
    await withApp(async (app) => {
      await append(app, 10);
      const { checkpoint } = await checkpointFile(app);
      const links = await app.db
        .select({ link: auditChain, entry: auditLog })
        .from(auditChain)
        .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
        .orderBy(asc(auditChain.seq));
      // Alter entry 3 and recompute every link from it with the real key: the chain checks again...
      const key = app.auditKeys.keys.get(app.auditKeys.current)!;
      let prev = links[1]!.link.mac;
      const statements = [
        `update audit_log set action = 'nothing.happened' where id = ${links[2]!.entry.id}`,
      ];
      for (const { link, entry } of links.slice(2)) {
        const changed = link.seq === links[2]!.link.seq ? { ...entry, action: 'nothing.happened' } : entry;
        prev = linkMac(key, prev, link.seq, changed);
        statements.push(`update audit_chain set mac = '${prev}' where seq = ${link.seq}`);
      }
      await asOwner(app, database.env, statements.join(';'));
      expect(await verifyAuditChain(app.db, app.auditKeys)).toMatchObject({ ok: true });
      // ...but not against the checkpoint copied away before.
      expect(await verifyAuditChain(app.db, app.auditKeys, checkpoint)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('rewritten before the checkpoint'),
      });
    });
  });

  it('refuse a checkpoint not signed with the audit key, and a bad file', async () => {
    await withApp(async (app) => {
      const { checkpoint } = await checkpointFile(app);
      const forged = { ...checkpoint, seq: checkpoint.seq + 5 };
      expect(await verifyAuditChain(app.db, app.auditKeys, forged)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('not signed'),
      });
      const junk = join(mkdtempSync(join(tmpdir(), 'waypost-junk-')), 'junk.json');
      writeFileSync(junk, '{"seq": 1}');
      expect(cli('server/cli/audit-verify.ts', ['--checkpoint', junk])).toMatchObject({ code: 2 });
    });
  });
});

describe('npm run -s user:create', () => {
  it('creates an account with the password read from standard input', async () => {
    const made = cli(
      'server/cli/user-create.ts',
      ['--email', 'ops.lead@example.org', '--role', 'supervisor'],
      'a scripted long passphrase\n',
    );
    expect(made.code, made.err).toBe(0);
    const app = await open();
    try {
      await app.ready();
      await signIn(app, { email: 'ops.lead@example.org', password: 'a scripted long passphrase' });
      const [entry] = await app.db.select().from(auditLog).where(eq(auditLog.action, 'user.created'));
      expect(entry).toMatchObject({ actorLabel: 'cli', detail: { role: 'supervisor' } });
    } finally {
      await app.close();
    }
  });

  it.each([
    [
      ['--email', 'a@example.org', '--role', 'caseworker', '--password', 'on the command line'],
      'password',
      '--password',
    ],
    [['--email', 'a@example.org', '--role', 'boss'], 'a long passphrase here', '--role'],
    [['--email', 'nope', '--role', 'caseworker'], 'a long passphrase here', '--email'],
    [['--email', 'a@example.org', '--role', 'caseworker'], 'short', 'password'],
    [['--email', 'ops.lead@example.org', '--role', 'caseworker'], 'a long passphrase here', 'already exists'],
  ])('refuses %o, naming the problem', (args, input, problem) => {
    const res = cli('server/cli/user-create.ts', args, input);
    expect(res.code).toBe(2);
    expect(res.err).toContain(problem);
  });
});
