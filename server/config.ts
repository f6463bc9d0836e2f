// Configuration comes from the environment, validated once at start-up. `getConfig` is pure so it can be
// tested; a bad value stops the app with one line naming the variable.
import { z } from 'zod';
import { parseKeyRing } from './crypto/field-encryption';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  // Where users reach the app; links printed or shown (set-up, invitations) start with it.
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ORG_NAME: z.string().min(1).max(120).default('Waypost'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z.enum(['true', 'false'], 'must be true or false').default('false'),
  WAYPOST_ENCRYPTION_KEY: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseKeyRing(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
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
  dataDir: string;
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
  if (e.NODE_ENV === 'production' && !e.WAYPOST_ENCRYPTION_KEY) {
    throw new ConfigError('Invalid environment variable WAYPOST_ENCRYPTION_KEY: required in production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
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
  };
}
