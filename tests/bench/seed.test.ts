// `npm run bench` seeds its cases through the app's own part writers (bench/seed.ts), so a change to those
// writers can break the bench without breaking the app. This seeds a small database the same way, so such
// a change fails here instead of at the next bench. PostgreSQL only: the seeder loads rows with COPY.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { seed } from '../../bench/seed';
import { newKey, parseKeyRing } from '../../server/crypto/field-encryption';
import { freshDatabase } from '../helpers/app';

describe.skipIf(!process.env.DATABASE_URL)('the bench seeder', () => {
  it('writes cases that read back as generated, with 50 users and a review queue', async () => {
    const database = await freshDatabase();
    // The seeder migrates and loads as the database's owner (the CI's app role may not create tables).
    const url = database.env.DATABASE_MIGRATION_URL ?? database.env.DATABASE_URL!;
    try {
      // The seeder itself reads sample cases back through loadCase, compares them with what it generated
      // and re-evaluates them, and throws on any difference.
      const result = await seed({
        url,
        size: 120,
        ring: parseKeyRing(newKey()),
        now: new Date('2026-11-22T10:00:00Z'),
        log: () => {},
      });
      expect(result.verified).toBe(20);
      const pg = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [counts] = await pg<{ cases: number; users: number; queued: number }[]>`
          select (select count(*)::int from cases) as cases, (select count(*)::int from users) as users,
                 (select count(*)::int from cases where queued_at is not null) as queued`;
        expect(counts).toMatchObject({ cases: 120, users: 50 });
        expect(counts!.queued).toBeGreaterThan(0);
      } finally {
        await pg.end();
      }
    } finally {
      await database.drop();
    }
  });
});
