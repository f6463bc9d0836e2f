// The backup file: gzip-compressed JSON lines, the same for PGlite and PostgreSQL (a backup of one restores
// into the other). A header names the format and the schema's migration count; then, table by table in an
// order that satisfies foreign keys, a `{"table": ...}` line and one line per row (row_to_json). It holds
// what the database holds, encrypted fields still encrypted, and never a key: keys are backed up apart.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows, type Tx } from '../../db/client';

const BATCH = 500;
const headerSchema = z.object({
  waypost: z.literal('backup'),
  version: z.literal(1),
  migrations: z.number().int(),
  createdAt: z.string(),
});

async function migrationCount(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

/** The app's tables, each after the tables its foreign keys point to. */
async function tablesInOrder(db: Db | Tx): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((t) => t.name);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const e of edges.filter((e) => e.child === table)) visit(e.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Writes the whole database to `file` (mode 0600); returns the number of rows written. */
export async function writeBackup(db: Db, file: string): Promise<number> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (value: string) => {
    if (!gzip.write(`${value}\n`)) await once(gzip, 'drain');
  };
  const header = { waypost: 'backup', version: 1, migrations: await migrationCount(db) };
  await write(JSON.stringify({ ...header, createdAt: new Date().toISOString() }));
  let rows = 0;
  // One snapshot for the whole backup, so rows written meanwhile cannot half-appear.
  await db.transaction(
    async (tx) => {
      for (const table of await tablesInOrder(tx)) {
        await write(JSON.stringify({ table }));
        let after = '(0,0)';
        for (;;) {
          const batch = await queryRows<{ c: string; j: string }>(
            tx,
            sql`select ctid::text as c, row_to_json(t)::text as j from ${sql.identifier(table)} t
              where ctid > ${after}::tid order by ctid limit ${BATCH}`,
          );
          for (const row of batch) await write(row.j);
          rows += batch.length;
          if (batch.length < BATCH) break;
          after = batch.at(-1)!.c;
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'finish');
  return rows;
}

export class RestoreError extends Error {}

/** Loads a backup into an empty database migrated to the same schema; returns the number of rows. */
export async function readBackup(db: Db, file: string): Promise<number> {
  let header: z.infer<typeof headerSchema> | undefined;
  let table: string | undefined;
  let batch: string[] = [];
  let rows = 0;
  await db.transaction(async (tx) => {
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const target = sql.identifier(table);
      await queryRows(
        tx,
        sql`insert into ${target} select * from json_populate_recordset(null::${target}, ${`[${batch.join(',')}]`}::json)`,
      );
      rows += batch.length;
      batch = [];
    };
    // Opened here, inside the transaction: lines read before the loop starts would be lost.
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!header) {
        header = parseHeader(line);
        await checkTarget(tx, header);
      } else if (line.startsWith('{"table":')) {
        await flush();
        table = z.object({ table: z.string() }).parse(JSON.parse(line)).table;
      } else {
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    if (!header) throw new RestoreError(`${file} is empty`);
    await resetSequences(tx);
  });
  return rows;
}

function parseHeader(line: string) {
  try {
    return headerSchema.parse(JSON.parse(line));
  } catch {
    throw new RestoreError('this file is not a Waypost backup');
  }
}

async function checkTarget(db: Db | Tx, header: z.infer<typeof headerSchema>) {
  const migrations = await migrationCount(db);
  if (migrations !== header.migrations) {
    throw new RestoreError(
      `the backup was made at schema version ${header.migrations}, this Waypost is at ${migrations}: ` +
        'restore with the version that made it, then upgrade',
    );
  }
  for (const table of await tablesInOrder(db)) {
    const [row] = await queryRows<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table)}) as any`,
    );
    if (row?.any)
      throw new RestoreError(`the database is not empty (table ${table} has rows): restore into a new one`);
  }
}

/** Every serial column's sequence continues after the restored rows. */
async function resetSequences(db: Db | Tx) {
  const serials = await queryRows<{ tbl: string; col: string; seq: string }>(
    db,
    sql`
    select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  for (const { tbl, col, seq } of serials) {
    await queryRows(
      db,
      sql`select setval(${seq}, coalesce((select max(${sql.identifier(col)}) from ${sql.identifier(tbl)}), 0) + 1, false)`,
    );
  }
}
