// Opens the database the configuration names: embedded PGlite in a data directory when no DATABASE_URL is
// set (a new user needs no server), PostgreSQL through postgres.js otherwise. Both get the same schema and
// the same migrations, applied at start-up.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `select 1`; false when the database cannot be reached. */
  ping(): Promise<boolean>;
  /** Rows of a raw query, whichever driver runs it. */
  rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

export const migrationsFolder = join(import.meta.dirname, 'migrations');

export interface DatabaseOptions {
  /** postgres:// URL; when absent, PGlite stores its files in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  /** Apply pending migrations before returning (the app does; tools that only read may not). */
  migrate?: boolean;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? openPostgres(options.url) : await openPglite(options.dataDir);
  if (options.migrate !== false) await database.migrate();
  // Closing twice (a shutdown after a failure) is harmless.
  const close = database.handle.close;
  let closed: Promise<void> | undefined;
  database.handle.close = () => (closed ??= close());
  return database.handle;
}

function openPostgres(url: string) {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  const handle: Database = {
    db,
    kind: 'postgres',
    ping: () => ping(db),
    rows: async (query) => (await db.execute(query)) as never,
    close: () => client.end({ timeout: 5 }),
  };
  return { handle, migrate: () => migrateOnce(client) };
}

/** Any number: the key of the session lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 0x57_41_59_4d; // 'WAYM'

/**
 * Migrations under a PostgreSQL session lock, so app processes starting together (several hosts, or a
 * restart of all workers) apply them one after the other: the first applies them, the others then find
 * nothing to do. Two at once would both try to create the same tables.
 */
async function migrateOnce(client: postgres.Sql): Promise<void> {
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    lock.release();
  }
}

async function openPglite(dataDir: string) {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Db;
  const handle: Database = {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    rows: async (query) => ((await db.execute(query)) as unknown as { rows: never[] }).rows,
    close: () => client.close(),
  };
  return { handle, migrate: () => migratePglite(pgliteDb, { migrationsFolder }) };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
