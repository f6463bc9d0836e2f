// Production runs the compiled JavaScript (`npm start`: scripts/build.mjs, then `node dist/server/main.js`).
// This builds it and starts it as a server would, on a fresh database: it must serve pages, templates and
// static files from dist/, print the set-up link once, and stop cleanly on SIGTERM. On PostgreSQL it runs
// two cluster workers (WEB_CONCURRENCY): one set-up link for both, a worker that dies is replaced, and SIGTERM
// stops every process.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { newKey } from '../../server/crypto/field-encryption';
import { freshDatabase } from '../helpers/app';

const root = join(import.meta.dirname, '../..');

interface Running {
  child: ChildProcess;
  output: () => string;
  url: string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const port = 41_000 + Math.floor(Math.random() * 2_000);
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, url: `http://127.0.0.1:${port}`, exited };
}

async function until<T>(what: () => Promise<T | undefined> | T | undefined, label: string): Promise<T> {
  // Up to a minute: a worker starting on a busy machine (the whole suite runs beside it) can take 20 s.
  for (let i = 0; i < 1200; i++) {
    const value = await what();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${label}`);
}

const statusOf = (url: string) =>
  fetch(url, { redirect: 'manual' }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );

/** Worker processes of a cluster's primary, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const setupLinks = (output: string) => output.match(/\/setup\/[\w.-]+/g) ?? [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
}, 60_000);

describe('the compiled app, started as in production', () => {
  it('serves pages and static files from dist/, prints the set-up link once and stops on SIGTERM', async () => {
    const database = await freshDatabase();
    const app = start({ ...database.env, WEB_CONCURRENCY: '1' });
    try {
      await until(
        async () => ((await statusOf(`${app.url}/healthz`)) === 200 ? true : undefined),
        '/healthz',
      );
      expect(await statusOf(`${app.url}/sign-in`)).toBe(200);
      expect(await statusOf(`${app.url}/static/app.css`)).toBe(200);
      await until(() => (setupLinks(app.output()).length > 0 ? true : undefined), 'the set-up link');
      expect(setupLinks(app.output())).toHaveLength(1);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await database.drop();
    }
  });

  it('refuses more than one worker on embedded PGlite, in one line', async () => {
    const app = start({ DATA_DIR: join(root, 'data-never-created'), WEB_CONCURRENCY: '2' });
    expect(await app.exited).toBe(1);
    expect(app.output().trim()).toMatch(/^Invalid environment variable WEB_CONCURRENCY: [^\n]+$/);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'runs two workers on PostgreSQL: one set-up link, a dead worker replaced, SIGTERM stops all',
    async () => {
      const database = await freshDatabase();
      const app = start({ ...database.env, WEB_CONCURRENCY: '2', WAYPOST_ENCRYPTION_KEY: newKey() });
      try {
        await until(() => (setupLinks(app.output()).length > 0 ? true : undefined), 'the set-up link');
        const workers = await until(() => {
          const pids = childrenOf(app.child.pid!);
          return pids.length === 2 ? pids : undefined;
        }, 'two workers');
        for (let i = 0; i < 20; i++) expect(await statusOf(`${app.url}/sign-in`)).toBe(200);

        process.kill(workers[0]!, 'SIGKILL');
        const replaced = await until(() => {
          const pids = childrenOf(app.child.pid!);
          return pids.length === 2 && !pids.includes(workers[0]!) ? pids : undefined;
        }, 'a replacement worker');
        await until(
          async () => ((await statusOf(`${app.url}/healthz`)) === 200 ? true : undefined),
          '/healthz',
        );
        expect(setupLinks(app.output())).toHaveLength(1);

        app.child.kill('SIGTERM');
        expect(await app.exited).toBe(0);
        for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
      } finally {
        app.child.kill('SIGKILL');
        await database.drop();
      }
    },
    120_000,
  );
});
