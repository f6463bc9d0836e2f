// The documented PostgreSQL set-up has two roles: the owner, who runs the migrations, and the app's role,
// which may only INSERT and SELECT on the audit tables. Run by the CI's PostgreSQL suite, whose app connects
// as the restricted role (DATABASE_URL) while DATABASE_MIGRATION_URL names the owner.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestApp, testApp } from '../helpers/app';

const twoRoles = !!process.env.DATABASE_URL && !!process.env.DATABASE_MIGRATION_URL;

describe.skipIf(!twoRoles)("the app's database role", () => {
  let test: TestApp;
  let asApp: postgres.Sql;
  beforeAll(async () => {
    test = await testApp();
    asApp = postgres(test.config.databaseUrl!, { max: 1, onnotice: () => {} });
    await asApp`insert into audit_log (at, actor_label, action, detail) values (now(), 'system', 'test.entry', '{}')`;
  });
  afterAll(async () => {
    await asApp.end();
    await test.close();
  });

  it('may INSERT and SELECT on the audit log', async () => {
    const [row] = await asApp<{ n: number }[]>`select count(*)::int as n from audit_log`;
    expect(row!.n).toBeGreaterThan(0);
  });

  it.each([
    'alter table audit_log disable trigger user',
    'alter table audit_log disable trigger audit_log_no_update_or_delete',
    'alter table audit_chain disable trigger all',
    'alter table audit_log add column note text',
    'drop trigger audit_log_no_truncate on audit_log',
    'truncate audit_log cascade',
    'delete from audit_log',
    "update audit_log set action = 'x'",
    'delete from audit_chain',
    'update audit_chain set mac = mac',
    'delete from audit_checkpoints',
    'create trigger t before insert on audit_log for each row execute function append_only_refuse_change()',
  ])('cannot: %s', async (statement) => {
    await expect(asApp.unsafe(statement)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('owns nothing in the database', async () => {
    const [row] = await asApp<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user`;
    expect(row!.n).toBe(0);
  });
});

describe.skipIf(!twoRoles)('a fresh database', () => {
  it('is migrated by the owner role, and the app role can work in it', async () => {
    const database = await freshDatabase();
    try {
      expect(database.env.DATABASE_URL).not.toBe(database.env.DATABASE_MIGRATION_URL);
    } finally {
      await database.drop();
    }
  });
});
