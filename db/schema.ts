// The one drizzle schema, for PGlite and PostgreSQL alike. Migrations in db/migrations are generated from it
// (`npm run db:generate`); hand-written SQL (the audit log's triggers) lives in its own custom migration.
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const roles = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];
export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(), // stored lower-cased
  displayName: text('display_name').notNull(),
  // Null until the person sets a password through their invitation link.
  passwordHash: text('password_hash'),
  role: text('role', { enum: roles }).notNull(),
  locale: text('locale', { enum: locales }).notNull().default('en'),
  disabledAt: moment('disabled_at'),
  createdAt: moment('created_at').notNull().defaultNow(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
});

// Lucia-style sessions: the cookie holds `id.secret`; only the SHA-256 of the secret is stored.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: moment('created_at').notNull(),
    lastActiveAt: moment('last_active_at').notNull(),
    expiresAt: moment('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// One-time links: the first-run set-up link, invitations and password resets. Same token scheme as sessions.
export const tokenPurposes = ['setup', 'invite', 'reset'] as const;
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: text('id').primaryKey(),
  secretHash: text('secret_hash').notNull(),
  purpose: text('purpose', { enum: tokenPurposes }).notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  createdAt: moment('created_at').notNull(),
  expiresAt: moment('expires_at').notNull(),
});

// Failed sign-ins, by hashed account key and by address, for throttling. Old rows are pruned as we go.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    at: moment('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

// Append-only: the database refuses UPDATE, DELETE and TRUNCATE (see the custom migration), and each row
// carries the hash of the one before it, so `npm run -s audit:verify` detects tampering.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: moment('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);
