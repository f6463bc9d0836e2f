/**
 * npm run bench [-- --sizes 1000,10000,100000] [--duration 10] [--workers N] [--reuse] [--only a,b]
 *   [--pg "jit=off,random_page_cost=1.1"] [--no-profile]
 *
 * For each size: seeds a PostgreSQL database (waypost_bench_<size>), then measures, in the same run, the
 * ceiling (a bare Fastify route), the database floor (one row by primary key through postgres.js, rendered
 * with Eta in the app's layout) and the app's scenarios. Each app scenario runs on a freshly started app
 * (compiled JavaScript, WEB_CONCURRENCY workers): cold start, warm-up until CPU per request settles, a
 * closed-loop saturation run (50 connections) for throughput and CPU per request, then an open-loop run at
 * 60 % of that throughput for the latency a person sees, with a CPU profile of each. Writes
 * bench/results.json and the results in bench/README.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { parseKeyRing } from '../server/crypto/field-encryption';
import { type CpuUse, noisy, processTree, watchCpu } from './cpu';
import { closedLoop, openLoop, type Run, round, type Scenario } from './load';
import { readProfiles, tables } from './profile';
import { type Measured, report, type SizeResult } from './report';
import { scenarios, type World } from './scenarios';
import { loadWorld, postgresSettings, prepare } from './world';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
    pg: { type: 'string', default: '' },
    'no-profile': { type: 'boolean', default: false },
    /** Share of the saturation throughput the open-loop run offers. */
    'open-share': { type: 'string', default: '0.6' },
  },
});
const sizes = args.sizes
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const duration = Number(args.duration);
const connections = Number(args.connections);
const workers = Number(args.workers);
const openShare = Number(args['open-share']);
const profile = !args['no-profile'];
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_PORT = 3900;
const CEILING_PORT = 3901;
const FLOOR_PORT = 3902;
// Fake data only: a fixed key lets --reuse read a database seeded by an earlier run.
const encryptionKey = createHash('sha256').update('waypost bench: fake cases only').digest('base64');
const log = (line: string) => console.log(line);

// --- Processes -----------------------------------------------------------------------------------------

interface Started {
  child: ChildProcess;
  /** From spawn to the first 200 from `probe`. */
  readyMs: number;
  output: () => string;
}

async function startProcess(
  argv: string[],
  env: Record<string, string>,
  probe: string,
  probeHeaders: Record<string, string> = {},
): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${argv.join(' ')} exited early:\n${output}`);
    if ((await status(probe, probeHeaders)) === 200)
      return { child, readyMs: performance.now() - t0, output: () => output };
    if (performance.now() - t0 > 60_000)
      throw new Error(`${argv.join(' ')} did not answer in 60 s:\n${output}`);
    await sleep(5);
  }
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const response = await fetch(url, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory (VmHWM) of a process and its workers, in MB. */
function peakRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

// --- Measuring one scenario ----------------------------------------------------------------------------

interface Target {
  pid: number;
  database: string;
  pg: postgres.Sql;
}

const perRequest = (use: CpuUse, requests: number) => ({
  blocksHit: round(use.blocks.hit / requests, 1),
  blocksRead: round(use.blocks.read / requests, 2),
  transactions: round(use.transactions / requests, 1),
  appMs: round(use.appMs / requests, 2),
  primaryMs: round(use.primaryMs / requests, 3),
  postgresMs: round(use.postgresMs / requests, 2),
});

/**
 * Warm-up: 2 s windows until the app's CPU per request changes by less than 10 % from one window to the next,
 * after at least three windows of at least 100 requests each (at most 10 windows). The first seconds after
 * a start cost 1.5 to 1.8 times the steady state (JIT, templates, caches, connections), and saves queued on
 * the audit chain's lock can finish only a few requests in a window, whose CPU per request says little.
 */
async function warmUp(scenario: Scenario, target: Target): Promise<number[]> {
  const windows: number[] = [];
  let settled = 0;
  for (let i = 0; i < 10; i++) {
    const watch = watchCpu(target.pid, target.pg, target.database);
    await watch.start();
    const run = await closedLoop(scenario, 2, connections);
    const use = await watch.stop();
    const perRequestMs = round(use.appMs / Math.max(1, run.requests), 3);
    const previous = windows.at(-1);
    windows.push(perRequestMs);
    const steady =
      previous !== undefined && run.requests >= 100 && Math.abs(perRequestMs - previous) / previous < 0.1;
    settled = steady ? settled + 1 : 0;
    if (windows.length >= 3 && settled > 0) break;
  }
  return windows;
}

/** When the last warm-up ended: the profile tables count from there to the app's stop. */
let steadySince = 0;

/** `withOpenLoop` false for the references: their rates are beyond what the open-loop sender can issue. */
async function measure(scenario: Scenario, target: Target, withOpenLoop = true): Promise<Measured> {
  const warmUpWindows = await warmUp(scenario, target);
  steadySince = performance.now();
  const watch = watchCpu(target.pid, target.pg, target.database);
  await watch.start();
  const closed = await closedLoop(scenario, duration, connections);
  const use = await watch.stop();
  const rate = Math.max(1, Math.round(closed.rps * openShare));
  const open: Run | undefined = withOpenLoop ? await openLoop(scenario, rate, duration) : undefined;
  const result: Measured = {
    name: scenario.name,
    warmUpWindows,
    closed,
    cpu: perRequest(use, Math.max(1, closed.requests)),
    machine: {
      busyCores: round(use.machineBusyCores, 2),
      otherCores: round(use.otherCores, 2),
      steal: round(use.stealShare, 3),
      noisy: noisy(use),
    },
    backends: {
      active: round(use.backends.active, 1),
      waitingForLock: round(use.backends.waitingForLock, 1),
    },
    ...(open ? { open: { rate, ...open } } : {}),
  };
  const bad = closed.unexpected + (open?.unexpected ?? 0);
  const openLine = open ? `  | open loop ${rate}/s: p50 ${open.p50} ms p99 ${open.p99} ms` : '';
  log(
    `  ${scenario.name.padEnd(20)} ${String(closed.rps).padStart(6)} req/s  CPU/request app ${result.cpu.appMs} ms, PostgreSQL ${result.cpu.postgresMs} ms, ${result.cpu.transactions} transactions${openLine}  | warm-up ${warmUpWindows.join(' → ')} ms${result.machine.noisy ? `  NOISY (others ${result.machine.otherCores} cores, steal ${result.machine.steal})` : ''}${bad ? `  (${bad} unexpected: ${JSON.stringify({ ...closed.statuses, ...open?.statuses })})` : ''}`,
  );
  return result;
}

// --- One size ------------------------------------------------------------------------------------------

function appEnv(url: string): Record<string, string> {
  // Production-like: NODE_ENV=production (cached templates, Secure `__Host-` cookies), an https public URL
  // and a real key. The bench talks plain http to localhost and sends the cookie header itself.
  return {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://waypost.bench.invalid',
    WAYPOST_ENCRYPTION_KEY: encryptionKey,
    WAYPOST_AUDIT_KEY: createHash('sha256').update('waypost bench: audit chain').digest('base64'),
    AUDIT_CHECKPOINT_DIR: join(os.tmpdir(), 'waypost-bench-audit-checkpoints'),
    WAYPOST_KEY_DIR: join(os.tmpdir(), 'waypost-bench-keys'),
    DATABASE_URL: url,
    PORT: String(APP_PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_CONCURRENCY: String(workers),
    // The longest step-up window allowed: the export scenario runs late in a long run on sessions that
    // stepped up when the bench made them.
    STEP_UP_MINUTES: '60',
  };
}

async function applyPostgresSettings(name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Settings an earlier run put on this database go first, so each run states exactly what it used.
    await admin.unsafe(`alter database "${name}" reset all`);
    for (const pair of args.pg.split(',').filter(Boolean)) {
      const [key, value] = pair.split('=');
      if (!/^[a-z_]+$/.test(key ?? '') || !/^[\w.]+$/.test(value ?? '')) throw new Error(`bad --pg ${pair}`);
      await admin.unsafe(`alter database "${name}" set ${key} = '${value}'`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Cold start on the seeded database, three times, without profiling: from spawning `node
 * dist/server/main.js` to the first 200 from /healthz (migrations checked, every route registered), and to
 * the first signed-in page (every worker's templates and session query are still cold).
 */
async function coldStart(url: string, cookie: string): Promise<SizeResult['coldStart']> {
  const starts: { healthzMs: number; pageMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const app = await startProcess(
      ['dist/server/main.js'],
      appEnv(url),
      `http://127.0.0.1:${APP_PORT}/healthz`,
    );
    const t0 = performance.now();
    const page = await status(`http://127.0.0.1:${APP_PORT}/cases`, { cookie });
    const pageMs = app.readyMs + performance.now() - t0;
    await stop(app.child);
    if (page !== 200) throw new Error(`the case list answered ${page}:\n${app.output()}`);
    starts.push({ healthzMs: Math.round(app.readyMs), pageMs: Math.round(pageMs) });
  }
  log(`  cold start: ${starts.map((x) => `${x.healthzMs} ms (first page ${x.pageMs} ms)`).join(', ')}`);
  return starts;
}

async function runSize(size: number, full: boolean): Promise<SizeResult> {
  const { name, url, seedInfo } = await prepare({
    serverUrl,
    size,
    reuse: args.reuse,
    ring: parseKeyRing(encryptionKey),
    log,
  });
  await applyPostgresSettings(name);
  const world: World = await loadWorld(url);
  const settings = await postgresSettings(url);
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  const profileRoot = join(root, 'bench/profiles', String(size));
  rmSync(profileRoot, { recursive: true, force: true });
  try {
    // The two references, each its own single process, measured as the app's scenarios are.
    const ceilingProcess = await startProcess(
      ['--import', 'tsx', 'bench/ceiling.ts'],
      { PORT: String(CEILING_PORT) },
      `http://127.0.0.1:${CEILING_PORT}/`,
    );
    const ceiling = await measure(
      { name: 'ceiling', port: CEILING_PORT, expect: 200, build: () => ({ path: '/' }) },
      { pid: ceilingProcess.child.pid!, database: name, pg },
      false,
    ).finally(() => stop(ceilingProcess.child));
    const floorProcess = await startProcess(
      ['--import', 'tsx', 'bench/floor.ts'],
      { PORT: String(FLOOR_PORT), DATABASE_URL: url },
      `http://127.0.0.1:${FLOOR_PORT}/cases/${world.cases[0]!.id}`,
    );
    const pickCase = () => world.cases[Math.floor(Math.random() * world.cases.length)]!;
    const floor = await measure(
      { name: 'floor', port: FLOOR_PORT, expect: 200, build: () => ({ path: `/cases/${pickCase().id}` }) },
      { pid: floorProcess.child.pid!, database: name, pg },
      false,
    ).finally(() => stop(floorProcess.child));

    const staff = world.users.find((u) => u.role === 'supervisor')!;
    const staffCookie = world.sessions.get(staff.id)![0]!.cookie;
    const coldStarts = await coldStart(url, staffCookie);
    const measured: Measured[] = [];
    let peakRss = 0;
    const only = args.only?.split(',');
    for (const scenario of scenarios(world, APP_PORT, full).filter((x) => !only || only.includes(x.name))) {
      // A fresh app per scenario: no scenario inherits another's caches, heap or connection queues.
      const dir = join(profileRoot, scenario.name.replace(/\W+/g, '-'));
      const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
      if (profile) mkdirSync(dir, { recursive: true });
      const app = await startProcess(
        [...flags, 'dist/server/main.js'],
        appEnv(url),
        `http://127.0.0.1:${APP_PORT}/healthz`,
      );
      // With several workers, /healthz answered from one: wait until a signed-in page answers too.
      if ((await status(`http://127.0.0.1:${APP_PORT}/cases`, { cookie: staffCookie })) !== 200) {
        throw new Error(`the case list did not answer 200:\n${app.output()}`);
      }
      try {
        await scenario.prepare?.();
        const result = await measure(scenario, { pid: app.child.pid!, database: name, pg });
        result.ceilingRatio = round(result.closed.rps / ceiling.closed.rps, 3);
        result.floorRatio = round(result.closed.rps / floor.closed.rps, 3);
        measured.push(result);
        peakRss = Math.max(peakRss, peakRssMb(app.child.pid!));
      } finally {
        await stop(app.child);
      }
      // Steady state only: the measured runs, not the start-up and warm-up the profile also recorded.
      const steadyMs = performance.now() - steadySince;
      if (profile) measured.at(-1)!.profile = tables(readProfiles([dir]), 15, steadyMs);
    }
    return {
      size,
      seed: seedInfo,
      postgres: settings,
      coldStart: coldStarts,
      peakRssMb: peakRss,
      ceiling,
      floor,
      scenarios: measured,
    };
  } finally {
    await pg.end();
  }
}

// --- Main ----------------------------------------------------------------------------------------------

async function machine() {
  const pg = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [row] = await pg<{ version: string }[]>`select version()`;
  await pg.end();
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} (${cpus.length} cores)`,
    memoryGb: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: row!.version.split(' on ')[0]!,
  };
}

async function main() {
  const started = new Date();
  const about = await machine();
  log(`${about.cpu}, ${about.memoryGb} GB, ${about.os}, Node ${about.node}, ${about.postgres}`);
  // Production runs the compiled JavaScript, so the bench does too.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const runs: SizeResult[] = [];
  for (const size of sizes) {
    // The case page, the save and the export are measured at the largest size only.
    runs.push(await runSize(size, size === sizes[sizes.length - 1]));
  }
  const settings = {
    connections,
    durationSeconds: duration,
    workers,
    openLoopShare: openShare,
    profiled: profile,
    postgresOverrides: args.pg || 'none',
    app: 'node dist/server/main.js, NODE_ENV=production, LOG_LEVEL=warn, PostgreSQL via DATABASE_URL',
  };
  report({ root, started, machine: about, settings, runs, log });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
