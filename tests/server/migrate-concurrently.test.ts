// App processes that start together (several hosts, or every worker after an upgrade) must not race to
// apply the same migrations: db/client.ts applies them under a PostgreSQL lock. PostgreSQL only: PGlite's
// files belong to one process.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { freshDatabase } from '../helpers/app';

describe.skipIf(!process.env.DATABASE_URL)('migrations at start-up', () => {
  it('are applied once when four processes start on a new database at the same moment', async () => {
    const database = await freshDatabase();
    const url = database.env.DATABASE_URL!;
    // As in CI, the app's role may be a restricted one: the owner's URL then migrates.
    const migrationUrl = database.env.DATABASE_MIGRATION_URL;
    try {
      const opened = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url, migrationUrl, dataDir: '.', migrate: true })),
      );
      await Promise.all(opened.map((d) => d.close()));
      const pg = postgres(migrationUrl ?? url, { max: 1, onnotice: () => {} });
      const [row] = await pg<{ applied: number; distinct: number }[]>`
        select count(*)::int as applied, count(distinct hash)::int as distinct
        from drizzle.__drizzle_migrations`;
      await pg.end();
      expect(row!.applied).toBeGreaterThan(0);
      expect(row!.applied).toBe(row!.distinct);
    } finally {
      await database.drop();
    }
  });
});
