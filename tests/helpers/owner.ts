// Playing the database's owner, e.g. the attacker against the audit log: someone who holds the database (its owner role, or PGlite's
// files) and switches the append-only triggers off to change rows. On PostgreSQL the statements run as the
// owner role (the app's own role may not), on PGlite through the app's connection.
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';

type OwnerEnv = { DATABASE_URL?: string | undefined; DATABASE_MIGRATION_URL?: string | undefined };

export async function asOwner(app: FastifyInstance, env: OwnerEnv, statements: string) {
  await ownerExecute(
    app,
    env,
    `alter table audit_log disable trigger user;
     alter table audit_chain disable trigger user;
     ${statements};
     alter table audit_log enable trigger user;
     alter table audit_chain enable trigger user;`,
  );
}

/** Runs statements as the database's owner (semicolon-separated, none containing a semicolon). */
export async function ownerExecute(app: FastifyInstance, env: OwnerEnv, wrapped: string) {
  const ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
  if (!ownerUrl) {
    for (const statement of wrapped.split(';').filter((s) => s.trim()))
      await app.db.execute(sql.raw(statement));
    return;
  }
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await owner.unsafe(wrapped);
  } finally {
    await owner.end();
  }
}

export async function rows<T>(app: FastifyInstance, query: SQL): Promise<T[]> {
  return app.database.rows<T>(query);
}
