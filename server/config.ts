// Configuration comes from the environment, validated once at start-up. `getConfig` is pure so it can be
// tested; a bad value stops the app with one line naming the variable.
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseKeyRing } from './crypto/field-encryption';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const keyRingSetting = z
  .string()
  .superRefine((value, ctx) => {
    try {
      parseKeyRing(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  })
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // The owner role's URL, for migrations (and the grants to the app's role); DATABASE_URL is then the app's
  // restricted role. Unset: DATABASE_URL does both (a single-role set-up).
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(120).default(5),
  DATABASE_STATEMENT_TIMEOUT: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DATA_DIR: z.string().min(1).default('./data'),
  WAYPOST_KEY_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  // Where users reach the app; links printed or shown (set-up, invitations) start with it.
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ORG_NAME: z.string().min(1).max(120).default('Waypost'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z.enum(['true', 'false'], 'must be true or false').default('false'),
  WAYPOST_ENCRYPTION_KEY: keyRingSetting,
  WAYPOST_AUDIT_KEY: keyRingSetting,
  // Worker processes serving requests (node:cluster). Default: one per core on PostgreSQL; PGlite is one
  // process's files, so 1 there.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  SECOND_FACTOR_DEFAULT: z.enum(['required', 'optional'], 'must be required or optional').optional(),
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  ATTACHMENT_MAX_FILE_MB: z.coerce.number().int().min(1).max(100).default(20),
  ATTACHMENT_MAX_CASE_MB: z.coerce.number().int().min(1).max(100_000).default(200),
});

/** Every variable Waypost reads (each documented in .env.example). */
export const envVariables = Object.keys(envSchema.shape);

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** The owner role's URL for migrations and grants; undefined when DATABASE_URL does both. */
  migrationUrl: string | undefined;
  /** Seconds to wait for a connection to PostgreSQL. */
  connectTimeout: number;
  /** Milliseconds a statement may run before PostgreSQL cancels it (and the client gives up). */
  statementTimeout: number;
  dataDir: string;
  /** Where generated keys live on a local install: apart from the database (the user's config folder). */
  keyDir: string;
  /** Signed audit checkpoints are written here, outside the database. */
  checkpointDir: string;
  /** Audit chain keys (HMAC-SHA-256, versioned like the encryption key); when absent, a key file in keyDir. */
  auditKey: string | undefined;
  publicUrl: string;
  orgName: string;
  logLevel: (typeof logLevels)[number];
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (used for throttling). */
  trustProxy: boolean;
  /** Field-encryption keys (see server/crypto); when absent outside production, a key file in dataDir. */
  encryptionKey: string | undefined;
  /** Document scans: the largest upload accepted, and the most one case may hold (stored bytes). */
  attachmentLimits: { fileBytes: number; caseBytes: number };
  /** Cookies are Secure unless the app is served over plain http (a local install). */
  secureCookies: boolean;
  /** Worker processes to start: 1 serves from the starting process itself. */
  workers: number;
  /** Whether a role the admin has not set requires a second factor. */
  secondFactorRequiredByDefault: boolean;
  /** How long a fresh second-factor check lets the user export, approve or administer users. */
  stepUpMs: number;
}

const MB = 1024 * 1024;

export class ConfigError extends Error {}

export function getConfig(env: Record<string, string | undefined>): Config {
  // An empty variable counts as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  if (e.NODE_ENV === 'production' && !publicUrl.startsWith('https://')) {
    throw new ConfigError('Invalid environment variable PUBLIC_URL: must use https:// in production');
  }
  for (const key of ['WAYPOST_ENCRYPTION_KEY', 'WAYPOST_AUDIT_KEY'] as const) {
    if (e.NODE_ENV === 'production' && !e[key])
      throw new ConfigError(`Invalid environment variable ${key}: required in production`);
  }
  if (!e.DATABASE_URL && (e.WEB_CONCURRENCY ?? 1) > 1) {
    throw new ConfigError(
      'Invalid environment variable WEB_CONCURRENCY: must be 1 with embedded PGlite (set DATABASE_URL for more)',
    );
  }
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
    throw new ConfigError('Invalid environment variable DATABASE_MIGRATION_URL: set DATABASE_URL too');
  }
  const keyDir =
    e.WAYPOST_KEY_DIR ?? join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'waypost');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationUrl: e.DATABASE_MIGRATION_URL,
    connectTimeout: e.DATABASE_CONNECT_TIMEOUT,
    statementTimeout: e.DATABASE_STATEMENT_TIMEOUT,
    dataDir: e.DATA_DIR,
    keyDir,
    checkpointDir: e.AUDIT_CHECKPOINT_DIR ?? join(keyDir, 'audit-checkpoints'),
    auditKey: e.WAYPOST_AUDIT_KEY,
    publicUrl,
    orgName: e.ORG_NAME,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    encryptionKey: e.WAYPOST_ENCRYPTION_KEY,
    attachmentLimits: {
      fileBytes: e.ATTACHMENT_MAX_FILE_MB * MB,
      caseBytes: e.ATTACHMENT_MAX_CASE_MB * MB,
    },
    secureCookies: publicUrl.startsWith('https://'),
    workers: e.WEB_CONCURRENCY ?? (e.DATABASE_URL ? availableParallelism() : 1),
    secondFactorRequiredByDefault:
      (e.SECOND_FACTOR_DEFAULT ?? defaultSecondFactor(e.NODE_ENV)) === 'required',
    stepUpMs: e.STEP_UP_MINUTES * 60_000,
  };
}

const defaultSecondFactor = (env: Config['env']) => (env === 'production' ? 'required' : 'optional');

/** How the app and every command-line tool open the configured database (db/client.ts). */
export const databaseOptions = (config: Config) => ({
  url: config.databaseUrl,
  migrationUrl: config.migrationUrl,
  dataDir: config.dataDir,
  connectTimeout: config.connectTimeout,
  statementTimeout: config.statementTimeout,
});
