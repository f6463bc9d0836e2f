// The app under test, started for one walk: the real Waypost (server/app.ts) on a fresh PGlite database,
// listening on a free port of 127.0.0.1. Its clock can be moved forward, as the unit tests do, so a walk can
// let a session expire without waiting half an hour.
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../db/schema';
import { buildApp } from '../../../server/app';
import { getConfig } from '../../../server/config';
import { newKey } from '../../../server/crypto/field-encryption';
import { createUser } from '../../../server/users';
import { freshDatabase } from '../../helpers/app';

export interface RunningApp {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  /** Moves the app's clock (and only the app's) forward. */
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface StartOptions {
  /** More environment (e.g. SECOND_FACTOR_DEFAULT=required, as in production). */
  env?: Record<string, string>;
  /** `localhost` for passkeys: WebAuthn refuses an IP address as the relying party. */
  host?: '127.0.0.1' | 'localhost';
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const database = await freshDatabase();
  const port = await freePort();
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const config = getConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    WAYPOST_ENCRYPTION_KEY: newKey(),
    ...database.env,
    ...options.env,
  });
  let offset = 0;
  const app = await buildApp({ config, clock: () => new Date(Date.now() + offset) });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    url,
    advanceClock: (ms) => {
      offset += ms;
    },
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface Account {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

let accounts = 0;
/** An account made directly in the database (walk 1 shows the invitation path through the browser). */
export async function createAccount(running: RunningApp, role: Role, displayName: string): Promise<Account> {
  accounts++;
  const email = `${role}${accounts}@example.org`;
  const password = `the ${role} has a long passphrase`;
  const user = await createUser(running.app.db, {
    email,
    password,
    displayName,
    role,
    now: running.app.clock(),
  });
  return { id: user.id, email, password, displayName };
}
