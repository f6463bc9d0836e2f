// The bench's database for one size: seeded afresh (or reused), and read back into what the scenarios need:
// the users, a signed-in session for each (several for staff), the cases and their section versions.
import postgres from 'postgres';
import { openDatabase } from '../db/client';
import { createSession } from '../server/auth/sessions';
import type { KeyRing } from '../server/crypto/field-encryption';
import type { World } from './scenarios';
import { type BenchUser, seed } from './seed';

export type SeedInfo = { seconds: number; rows: number; verified: number } | { reused: true };

interface PrepareOptions {
  serverUrl: string;
  size: number;
  reuse: boolean;
  ring: KeyRing;
  log: (line: string) => void;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Seeds `waypost_bench_<size>` (dropped and created afresh unless reused with the same size). */
export async function prepare(
  options: PrepareOptions,
): Promise<{ name: string; url: string; seedInfo: SeedInfo }> {
  const { serverUrl, size, log } = options;
  const name = `waypost_bench_${size}`;
  const url = databaseUrl(serverUrl, name);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (options.reuse) {
      const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
      if (exists) {
        const db = postgres(url, { max: 1, onnotice: () => {} });
        const [row] = await db<{ n: number }[]>`select count(*)::int as n from cases`.catch(() => [
          { n: -1 },
        ]);
        // Earlier runs' saves left dead rows behind (this server may run with autovacuum off): cleared, so
        // runs on a reused database start alike and can be compared.
        if (row?.n === size) await db.unsafe('vacuum analyze');
        await db.end();
        if (row?.n === size) {
          log(`${name}: reusing ${size.toLocaleString('en')} seeded cases (vacuumed)`);
          return { name, url, seedInfo: { reused: true } };
        }
      }
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  log(`${name}: seeding ${size.toLocaleString('en')} cases`);
  const seeded = await seed({ url, size, ring: options.ring, now: new Date(), log });
  log(
    `  ${seeded.rows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s; ${seeded.verified} sample cases read back and re-evaluated through the app's code`,
  );
  const seedInfo = {
    seconds: Math.round(seeded.seconds * 10) / 10,
    rows: seeded.rows,
    verified: seeded.verified,
  };
  return { name, url, seedInfo };
}

export async function loadWorld(url: string): Promise<World> {
  const database = await openDatabase({ url, dataDir: '.', migrate: false });
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const users = await pg<BenchUser[]>`select id, role from users order by email`;
    const cases = await pg<World['cases']>`
      select id, assigned_to as owner, action is not null as complete from cases order by id`;
    // With --reuse, an earlier run's saves moved some versions: start from the database's, so that a 409
    // still means a fault.
    const moved = await pg<{ key: string; version: number }[]>`
      select case_id || '/' || section as key, version from case_section_versions
      where section in ('screening', 'verification') and version > 1`;
    const versions = new Map(moved.map((m) => [m.key, m.version]));
    const sessions = new Map<string, { cookie: string; csrf: string }[]>();
    const now = new Date();
    for (const user of users) {
      // Staff are fewer than 50, so each has several sessions (tabs, devices) for the queue's 50 users.
      const count = user.role === 'caseworker' ? 1 : 5;
      const list = [];
      for (let i = 0; i < count; i++) {
        // Signed in with a second factor just now: the export asks for one within STEP_UP_MINUTES.
        const { token, csrfToken } = await createSession(database.db, user.id, now, {
          authMethod: 'password+totp',
          stepUpAt: now,
        });
        list.push({ cookie: `__Host-waypost_session=${token}`, csrf: csrfToken });
      }
      sessions.set(user.id, list);
    }
    return { users: [...users], cases: [...cases], sessions, versions };
  } finally {
    await pg.end();
    await database.close();
  }
}

/** The server's settings that decide how PostgreSQL performs, and any this database overrides. */
export async function postgresSettings(url: string): Promise<Record<string, string>> {
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await pg<{ name: string; value: string }[]>`
      select name, setting || coalesce(' ' || unit, '') as value from pg_settings
      where name in ('shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem',
        'max_connections', 'synchronous_commit', 'wal_buffers', 'max_wal_size', 'checkpoint_timeout',
        'random_page_cost', 'effective_io_concurrency', 'jit', 'huge_pages', 'max_worker_processes',
        'max_parallel_workers_per_gather', 'autovacuum', 'plan_cache_mode', 'fsync')
      order by name`;
    const [size] = await pg<
      { size: string }[]
    >`select pg_size_pretty(pg_database_size(current_database())) as size`;
    return { ...Object.fromEntries(rows.map((r) => [r.name, r.value])), 'database size': size!.size };
  } finally {
    await pg.end();
  }
}
