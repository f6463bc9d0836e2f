import { spawnSync } from 'node:child_process';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { buildApp } from '../../server/app';
import { appendAudit, verifyAuditChain } from '../../server/audit';
import { getConfig } from '../../server/config';
import { newKey } from '../../server/crypto/field-encryption';
import { freshDatabase, signIn } from '../helpers/app';

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

// Tests the database itself, so the trigger is switched off only to play the attacker who has superuser access.
async function asAttacker(app: Awaited<ReturnType<typeof open>>, statement: ReturnType<typeof sql>) {
  await app.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_or_delete`);
  await app.db.execute(statement);
  await app.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_or_delete`);
}

describe('the audit log', () => {
  it('chains every entry to the one before', async () => {
    const app = await open();
    try {
      for (let i = 0; i < 3; i++)
        await appendAudit(app.db, {
          actorId: null,
          action: 'test.entry',
          detail: { i, nested: { b: 1, a: 2 } },
          at: new Date(),
        });
      const rows = await app.db.select().from(auditLog).orderBy(auditLog.id);
      expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
      expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
      expect(await verifyAuditChain(app.db)).toEqual({ ok: true, rows: 3 });
    } finally {
      await app.close();
    }
  });

  it('many entries appended at once (group commit) all land, in one unbroken chain', async () => {
    const app = await open();
    try {
      const before = (await verifyAuditChain(app.db)).rows;
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          appendAudit(app.db, { actorId: null, action: 'test.concurrent', detail: { i }, at: new Date() }),
        ),
      );
      const check = await verifyAuditChain(app.db);
      expect(check).toEqual({ ok: true, rows: before + 60 });
      const rows = await app.db.select().from(auditLog).where(eq(auditLog.action, 'test.concurrent'));
      expect(new Set(rows.map((r) => r.detail.i)).size).toBe(60);
    } finally {
      await app.close();
    }
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const app = await open();
    try {
      await expect(app.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
      await expect(app.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      await expect(app.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('npm run -s audit:verify says intact, then names the entry an attacker altered', async () => {
    expect(cli('server/cli/audit-verify.ts')).toMatchObject({
      code: 0,
      out: expect.stringContaining('intact'),
    });
    const app = await open();
    const [last] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    await asAttacker(app, sql`update audit_log set detail = '{"i": 99}' where id = ${last!.id - 1}`);
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: false, brokenAtId: last!.id - 1 });
    await app.close();
    const tampered = cli('server/cli/audit-verify.ts');
    expect(tampered.code).toBe(1);
    expect(tampered.err).toContain(`TAMPERED at entry ${last!.id - 1}`);
  });

  it('detects a removed entry', async () => {
    const app = await open();
    try {
      const [first] = await app.db.select().from(auditLog).orderBy(auditLog.id).limit(1);
      await asAttacker(app, sql`delete from audit_log where id = ${first!.id}`);
      expect(await verifyAuditChain(app.db)).toMatchObject({ ok: false });
    } finally {
      await app.close();
    }
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
