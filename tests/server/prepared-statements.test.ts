// On PostgreSQL every query the app builds is sent as a named prepared statement, so the server parses and
// plans each query shape once per connection rather than on every request (the case page's load is one
// statement of some twenty subqueries). drizzle-orm prepares only the queries given a name;
// patches/drizzle-orm+0.45.4.patch (applied by `npm install`/`npm ci` through patch-package) prepares all.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { users } from '../../db/schema';
import { type TestApp, testApp } from '../helpers/app';

describe.skipIf(!process.env.DATABASE_URL)('queries on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('are prepared once per connection and reused', async () => {
    // A transaction holds one connection: what it prepared is in that connection's pg_prepared_statements.
    const prepared = await t.app.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, `nobody-${i}@example.org`));
      }
      return tx.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%"users"."email" = $1%'`,
      );
    });
    expect(z.array(z.object({ n: z.number() })).parse(prepared)).toEqual([{ n: 1 }]);
  });
});
