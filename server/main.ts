// Starts Waypost: reads the environment, builds the app, listens, and closes cleanly on SIGTERM/SIGINT.
// With more than one worker (WEB_CONCURRENCY; by default one per core on PostgreSQL), this process applies
// the migrations once, then forks the workers (node:cluster) that share the port, and stops them all on
// SIGTERM/SIGINT. On a database with no users it prints a one-time set-up link for the first admin, once.
import cluster, { type Worker } from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../db/client';
import { type Config, ConfigError, databaseOptions, getConfig } from './config';
import { openKeyRings } from './crypto/key-check';
import { KeyError } from './crypto/keys';

/** What the primary tells the first worker to listen: print the start-up lines (only one worker does). */
const ANNOUNCE = 'waypost:announce';
/** A worker asks whether the migrations are applied, and waits for the answer before opening the database. */
const ASK_MIGRATED = 'waypost:migrated?';
const MIGRATED = 'waypost:migrated';
/** How long workers get to finish their requests and close before they are killed. */
const SHUTDOWN_GRACE_MS = 10_000;

// Everything Waypost creates (PGlite's files, key files, checkpoints) is for its owner only.
process.umask(0o077);

async function main(): Promise<void> {
  let config: Config;
  try {
    config = getConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.workers > 1 && cluster.isPrimary) return supervise(config);
  await serve(config);
}

/** One serving process: the whole app when alone, or a cluster worker. */
async function serve(config: Config): Promise<void> {
  // Imported here, not at the top: a cluster's primary never serves. A worker loads the app while the
  // primary applies the migrations.
  const [{ buildApp }] = await Promise.all([import('./app'), cluster.isWorker ? migrated() : undefined]);
  const app = await buildApp({ config });
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isWorker) {
    process.on('message', (message: unknown) => {
      if (message === ANNOUNCE) announce(app, config).catch(fail);
    });
  } else {
    await announce(app, config);
  }
}

function migrated(): Promise<void> {
  return new Promise((resolve) => {
    process.on('message', (message: unknown) => {
      if (message === MIGRATED) resolve();
    });
    process.send?.(ASK_MIGRATED);
  });
}

async function announce(app: FastifyInstance, config: Config): Promise<void> {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const processes = config.workers > 1 ? ` with ${config.workers} worker processes` : '';
  console.log(`Waypost is running at ${config.publicUrl} using ${where}${processes}.`);

  const { setupBanner, setupLinkIfNeeded } = await import('./setup-link');
  const setupLink = await setupLinkIfNeeded(app);
  if (setupLink) {
    // Printed, never logged: the link creates the first administrator.
    console.log(setupBanner(setupLink));
  }
}

/**
 * The primary of a cluster: migrations and the key file once (workers racing to create the same tables would fail), then
 * the workers. A worker that dies after it served is replaced; one that dies before it listened stops all,
 * as a single process would (a bad database URL must not become a restart loop).
 */
async function supervise(config: Config): Promise<void> {
  const live = new Set<Worker>();
  const listened = new WeakSet<Worker>();
  const fork = () => live.add(cluster.fork());
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (live.size === 0) process.exit(exitCode);
    // Each worker closes its server (in-flight requests finish) and its database pool, then exits.
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };

  cluster.on('listening', (worker) => {
    listened.add(worker);
    if (announced) return;
    announced = true;
    worker.send(ANNOUNCE);
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      if (live.size === 0) process.exit(exitCode);
    } else if (!listened.has(worker)) {
      console.error(`Waypost could not start: a worker exited (${signal ?? code}) before it listened.`);
      stopAll(1);
    } else {
      console.error(`A Waypost worker exited (${signal ?? code}); starting another.`);
      fork();
    }
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));

  // Workers start loading the app at once; they open the database when the migrations are applied.
  // Key files too: workers each generating one would encrypt with different keys.
  const migrations = openDatabase(databaseOptions(config)).then(async (database) => {
    try {
      await openKeyRings(config, database.db);
    } finally {
      await database.close();
    }
  });
  cluster.on('message', (worker, message) => {
    if (message === ASK_MIGRATED)
      migrations.then(
        () => worker.send(MIGRATED),
        () => {},
      );
  });
  for (let i = 0; i < config.workers; i++) fork();
  await migrations;
}

function fail(error: unknown): never {
  if (error instanceof KeyError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(
    'Waypost could not start:',
    error instanceof Error ? error.message.split('\nparams:')[0] : error,
  );
  process.exit(1);
}

main().catch(fail);
