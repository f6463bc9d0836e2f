// Opens the database the configuration names: embedded PGlite in a data directory when no DATABASE_URL is
// set (a new user needs no server), PostgreSQL through postgres.js otherwise. Both get the same schema and
// the same migrations, applied at start-up. On PostgreSQL the migrations (and the grants to the app's
// restricted role) may run as a separate owner role (DATABASE_MIGRATION_URL); see the README's production
// section.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
  /** The owner role's URL: migrations run with it, then the app's role (in `url`) is granted what it needs. */
  migrationUrl?: string | undefined;
  dataDir: string;
  /** Apply pending migrations before returning (the app does; tools that only read may not). */
  migrate?: boolean;
  /** Seconds to wait for a PostgreSQL connection (5 by default). */
  connectTimeout?: number;
  /** Milliseconds before PostgreSQL cancels a statement (15,000 by default). */
  statementTimeout?: number;
  /** Told when files of the data directory were open to other users (they are made owner-only). */
  warn?: (message: string) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) await database.migrate();
  // Closing twice (a shutdown after a failure) is harmless.
  const close = database.handle.close;
  let closed: Promise<void> | undefined;
  database.handle.close = () => (closed ??= close());
  return database.handle;
}

function openPostgres(options: DatabaseOptions) {
  const url = options.url!;
  const connectTimeout = options.connectTimeout ?? 5;
  const statementTimeout = options.statementTimeout ?? 15_000;
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    connect_timeout: connectTimeout,
    // PostgreSQL cancels a statement, a lock wait and an idle open transaction that run too long, so a
    // request fails (503) instead of hanging; http/outage.ts bounds a request when the server itself hangs.
    connection: {
      statement_timeout: statementTimeout,
      lock_timeout: statementTimeout,
      idle_in_transaction_session_timeout: statementTimeout * 2,
    },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  const handle: Database = {
    db,
    kind: 'postgres',
    ping: () => ping(db),
    rows: (query) => queryRows(db, query),
    close: () => client.end({ timeout: 5 }),
  };
  return { handle, migrate: () => migrateOnce(client, options.migrationUrl, url, connectTimeout) };
}

/** Any number: the key of the session lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 0x57_41_59_4d; // 'WAYM'

/**
 * Migrations under a PostgreSQL session lock, so app processes starting together (several hosts, or a
 * restart of all workers) apply them one after the other: the first applies them, the others then find
 * nothing to do. Two at once would both try to create the same tables. With a migration URL the owner
 * role migrates and grants the app's role what it may do.
 */
async function migrateOnce(
  client: postgres.Sql,
  migrationUrl: string | undefined,
  url: string,
  connectTimeout: number,
): Promise<void> {
  const owner = migrationUrl
    ? // Two connections: one holds the lock while the other migrates.
      postgres(migrationUrl, { max: 2, onnotice: () => {}, connect_timeout: connectTimeout })
    : client;
  const lock = await owner.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(owner), { migrationsFolder });
    if (migrationUrl) await owner.unsafe(appRoleGrants(decodeURIComponent(new URL(url).username)));
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    lock.release();
    if (migrationUrl) await owner.end({ timeout: 5 });
  }
}

/** The tables nobody may change or remove rows of, not even the app. */
const appendOnlyTables = ['audit_log', 'audit_chain', 'audit_checkpoints'];

/**
 * What the app's role may do: read and write the app's tables, but only INSERT and SELECT on the audit
 * tables. It owns nothing, so it can neither ALTER a table nor disable its triggers.
 */
function appRoleGrants(role: string): string {
  const who = `"${role.replaceAll('"', '""')}"`;
  const audit = appendOnlyTables.join(', ');
  return `
    GRANT USAGE ON SCHEMA public TO ${who};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${audit} FROM ${who};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who};`;
}

/** Makes the data directory and everything in it owner-only (0700/0600); returns how many were not. */
function restrictToOwner(path: string): number {
  const stat = statSync(path);
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  let loosened = 0;
  if ((stat.mode & 0o777) !== wanted) {
    if ((stat.mode & 0o077) !== 0) loosened++;
    chmodSync(path, wanted);
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) loosened += restrictToOwner(join(path, name));
  }
  return loosened;
}

async function openPglite(options: DatabaseOptions) {
  const { dataDir } = options;
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const loosened = restrictToOwner(dataDir);
  if (loosened > 0) {
    (options.warn ?? console.warn)(
      `${dataDir}: ${loosened} file(s) or folder(s) were readable by other users; made owner-only (0600/0700).`,
    );
  }
  // Loaded only for the embedded database: a PostgreSQL deployment never pays for PGlite's WebAssembly.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(dir);
  // Files PGlite creates itself (it asks for 0666) are made owner-only too.
  restrictToOwner(dataDir);
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Db;
  const handle: Database = {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    rows: (query) => queryRows(db, query),
    close: () => client.close(),
  };
  return { handle, migrate: () => migratePglite(pgliteDb, { migrationsFolder }) };
}

/** Rows of a raw query on either driver (postgres.js answers an array, PGlite an object with `rows`). */
export async function queryRows<T = Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? rows : [];
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
