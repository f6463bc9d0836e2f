// Hot queries whose plan does not depend on their parameters (a lookup by id, the queue's first page) are
// built once per database and sent as prepared statements: drizzle skips rebuilding the SQL on every
// request, and PostgreSQL (postgres.js keeps the statement per connection, by its text) skips parsing and
// planning it again. Queries whose best plan depends on the values (the case list's filters, search) stay
// unprepared.
import type { Db } from './client';

export function preparedPerDatabase<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
