// Builds the real app for a test file, on its own database: a copy of the migrated PGlite template, or,
// when DATABASE_URL is set (the CI's second run), a fresh database on that PostgreSQL server.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import request from 'supertest';
import { expect, inject } from 'vitest';
import type { Role } from '../../db/schema';
import { buildApp } from '../../server/app';
import { type Config, getConfig } from '../../server/config';
import { newKey } from '../../server/crypto/field-encryption';
import { createUser } from '../../server/users';

class TestClock {
  now: Date;
  constructor(start = new Date()) {
    this.now = start;
  }
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  readonly read = () => this.now;
}

export const MINUTE = 60_000;

export interface TestApp {
  app: FastifyInstance;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logStream?: NodeJS.WritableStream;
}

/**
 * A fresh, migrated database for one test file; returns the config pointing at it and how to drop it. The
 * keys are the test's own (never the user's config folder). On PostgreSQL with DATABASE_MIGRATION_URL set
 * (the CI's run), the database is created and migrated by that owner role and the app connects as the
 * restricted role of DATABASE_URL, as in production.
 */
export async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const keyDir = mkdtempSync(join(tmpdir(), 'waypost-test-keys-'));
  const keys = { WAYPOST_KEY_DIR: keyDir, WAYPOST_AUDIT_KEY: newKey() };
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const ownerUrl = process.env.DATABASE_MIGRATION_URL ?? serverUrl;
    const name = `${new URL(serverUrl).pathname.slice(1) || 'waypost'}_t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const onDatabase = (server: string) => {
      const url = new URL(server);
      url.pathname = `/${name}`;
      return url.toString();
    };
    return {
      env: {
        ...keys,
        DATABASE_URL: onDatabase(serverUrl),
        ...(process.env.DATABASE_MIGRATION_URL ? { DATABASE_MIGRATION_URL: onDatabase(ownerUrl) } : {}),
      },
      drop: async () => {
        const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
        rmSync(keyDir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'waypost-test-'));
  cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  return {
    env: { ...keys, DATA_DIR: dataDir },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = getConfig({
    NODE_ENV: 'test',
    WAYPOST_ENCRYPTION_KEY: newKey(),
    ...database.env,
    ...options.env,
  });
  const clock = new TestClock();
  const app = await buildApp({ config, clock: clock.read, logStream: options.logStream });
  await app.ready();
  return {
    app,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

let counter = 0;
export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function addUser(
  app: FastifyInstance,
  role: Role,
  password = 'plenty of words for a password',
): Promise<TestUser> {
  counter++;
  const email = `${role}${counter}.${process.pid}@example.org`;
  const user = await createUser(app.db, {
    email,
    displayName: `${role} ${counter}`,
    role,
    password,
    now: app.clock(),
  });
  return { id: user.id, email, password, role };
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

export type Agent = ReturnType<typeof request.agent>;

/** A browser-like client: cookies kept, CSRF token read from the pages it gets. */
export async function anonymous(app: FastifyInstance): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app.server);
  const page = await agent.get('/sign-in');
  return { agent, csrf: csrfFrom(page.text) };
}

export async function signIn(
  app: FastifyInstance,
  user: { email: string; password: string },
): Promise<{ agent: Agent; csrf: string }> {
  const { agent, csrf } = await anonymous(app);
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrf, email: user.email, password: user.password });
  expect(res.status, res.text).toBe(303);
  const home = await agent.get('/account');
  return { agent, csrf: csrfFrom(home.text) };
}
