/**
 * npm run bench [-- --sizes 1000,10000,100000] [--duration 10] [--reuse]
 *
 * For each size: seeds a PostgreSQL database (waypost_bench_<size>) with that many generated cases and 50
 * users, starts the app as its own process and times its cold start, then drives it over HTTP with
 * autocannon at 50 concurrent signed-in users, beside a bare Fastify route measured in the same run as the
 * ceiling. List, search and queue are measured at every size (to show how they grow); the case page, the
 * section save and the export at the largest. Prints a table per size and writes bench/results.json and the
 * results table in bench/README.md. `--reuse` keeps a database already seeded with the same size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { openDatabase } from '../db/client';
import * as s from '../rules/case-schema';
import { createSession } from '../server/auth/sessions';
import { parseKeyRing } from '../server/crypto/field-encryption';
import { type BenchUser, seed } from './seed';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    reuse: { type: 'boolean', default: false },
    // For investigating: measure only these scenarios (comma-separated names).
    only: { type: 'string' },
  },
});
const sizes = args.sizes
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const duration = Number(args.duration);
const connections = Number(args.connections);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_PORT = 3900;
const CEILING_PORT = 3901;
// Fake data only: a fixed key lets --reuse read a database seeded by an earlier run.
const encryptionKey = createHash('sha256').update('waypost bench: fake cases only').digest('base64');
const ring = parseKeyRing(encryptionKey);
const log = (line: string) => console.log(line);

const dbUrl = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

// --- Processes -----------------------------------------------------------------------------------------

interface Started {
  child: ChildProcess;
  /** From spawn to the first 200 from `probe`. */
  readyMs: number;
  output: () => string;
}

async function startProcess(script: string, env: Record<string, string>, probe: string): Promise<Started> {
  const t0 = performance.now();
  // `node --import tsx` runs the app as `npm start` does, without tsx's extra parent process, so the pid
  // is the app's own (for its peak memory).
  // BENCH_NODE_FLAGS (e.g. --cpu-prof) is for investigating a slow scenario; the bench itself sets none.
  const flags =
    script === 'server/main.ts' ? (process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []) : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${output}`);
    if ((await status(probe)) === 200)
      return { child, readyMs: performance.now() - t0, output: () => output };
    if (performance.now() - t0 > 60_000) throw new Error(`${script} did not answer in 60 s:\n${output}`);
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

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
}

// --- Load ----------------------------------------------------------------------------------------------

interface Request {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
type Context = Record<string, unknown>;

interface Scenario {
  name: string;
  port: number;
  /** The status every response must have. */
  expect: number;
  build: (context: Context) => Request;
  onResponse?: (status: number, context: Context) => void;
}

export interface Measured {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses with another status than expected, and connection errors. */
  unexpected: number;
  statuses: Record<string, number>;
  ratio?: number;
  /** Latency with one connection, in ms. */
  alone?: { p50: number; p99: number };
  /** CPU time per request of the serving process and of PostgreSQL, in ms. */
  cpu?: { servingMs: number; postgresMs: number };
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function drive(scenario: Scenario, seconds: number, clients = connections): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let done!: (result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve) => (done = resolve));
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${scenario.port}`,
      connections: clients,
      duration: seconds,
      requests: [
        {
          setupRequest: (request, context) => {
            const built = scenario.build(context as Context);
            return { ...request, method: 'GET', ...built, headers: { ...built.headers } } as never;
          },
          // Only scenarios that read the answer get it: autocannon buffers every body when asked, which
          // made the load tool, not the app, the bottleneck on large pages.
          ...(scenario.onResponse
            ? {
                onResponse: (code: number, _body: string, context: object) =>
                  scenario.onResponse?.(code, context as Context),
              }
            : {}),
        },
      ],
    },
    (error, result) => {
      if (error) throw error;
      done(result);
    },
  );
  // autocannon keeps latencies of 2xx responses only; a save answers 303, so every response is timed here.
  instance.on('response', (_client, code: number, _bytes, ms: number) => {
    latencies.push(ms);
    statuses[code] = (statuses[code] ?? 0) + 1;
  });
  instance.on('reqError', () => errors++);
  const t0 = performance.now();
  await finished;
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const expected = statuses[scenario.expect] ?? 0;
  return {
    name: scenario.name,
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    unexpected: latencies.length - expected + errors,
    statuses,
  };
}

// --- CPU per request -----------------------------------------------------------------------------------
// Throughput on a shared 2-core machine swings by tens of percent between identical runs; the CPU time each
// request costs the app and PostgreSQL swings far less, and says where the time goes.

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) used so far by these processes, in ms; processes not on this machine count 0. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone, or PostgreSQL runs elsewhere
    }
  }
  return ticks * CLOCK_TICK_MS;
}

/** Whose CPU a scenario is charged: the serving process, and PostgreSQL's processes (when it runs here). */
interface CpuWatch {
  servingPid: number;
  /** Every PostgreSQL process (backends, WAL writer, checkpointer), read afresh before each scenario. */
  postgresPids: () => Promise<number[]>;
}

/** A short unmeasured run first, so JIT, template cache and database buffers are warm. */
async function measure(scenario: Scenario, watch: CpuWatch): Promise<Measured> {
  await drive(scenario, Math.min(3, duration));
  const pgPids = await watch.postgresPids();
  const before = { serving: cpuMs([watch.servingPid]), postgres: cpuMs(pgPids) };
  const result = await drive(scenario, duration);
  if (result.requests > 0) {
    result.cpu = {
      servingMs: round((cpuMs([watch.servingPid]) - before.serving) / result.requests, 2),
      postgresMs: round((cpuMs(pgPids) - before.postgres) / result.requests, 2),
    };
  }
  // The same requests one at a time: what one person waits when nobody else is using the app. The gap
  // to the figures above is queueing for the machine's 2 cores.
  const alone = await drive(scenario, Math.min(3, duration), 1);
  result.alone = { p50: alone.p50, p99: alone.p99 };
  result.unexpected += alone.unexpected;
  const bad =
    result.unexpected > 0 ? `  (${result.unexpected} unexpected: ${JSON.stringify(result.statuses)})` : '';
  const one = result.alone ? `  alone p50 ${result.alone.p50} ms p99 ${result.alone.p99} ms` : '';
  const cpu = result.cpu
    ? `  CPU/request: server ${result.cpu.servingMs} ms, PostgreSQL ${result.cpu.postgresMs} ms`
    : '';
  log(
    `  ${scenario.name.padEnd(12)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms${cpu}${one}${bad}`,
  );
  return result;
}

// --- Scenarios -----------------------------------------------------------------------------------------

interface World {
  sessions: Map<string, { cookie: string; csrf: string }[]>;
  users: BenchUser[];
  cases: { id: string; owner: string; complete: boolean }[];
  /** Versions of the sections the save scenario edits (`caseId/section`), where an earlier run moved them. */
  versions: Map<string, number>;
}

function scenarios(world: World, full: boolean): Scenario[] {
  let turn = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  const sessionOf = (userId: string) => {
    const list = world.sessions.get(userId)!;
    return list[turn++ % list.length]!;
  };
  const cookie = (userId: string) => ({ cookie: sessionOf(userId).cookie });
  const everyone = world.users.map((u) => u.id);
  const staff = world.users.filter((u) => u.role !== 'caseworker').map((u) => u.id);
  // Requests go round the 50 users in turn, so 50 connections are 50 people at once.
  const nextUser = (among: string[]) => among[turn++ % among.length]!;
  const complete = world.cases.filter((c) => c.complete);
  // A case page is opened by its caseworker, or one time in five by a supervisor or admin.
  const viewer = (c: { owner: string }) => (Math.random() < 0.2 ? nextUser(staff) : c.owner);

  const list: Scenario = {
    name: 'list',
    port: APP_PORT,
    expect: 200,
    build: () => {
      const params = new URLSearchParams();
      if (Math.random() < 0.7) params.set('status', pick(['intake', 'verification', 'review']));
      if (Math.random() < 0.5) params.set('risk', pick(['low', 'medium', 'high', 'critical']));
      if (Math.random() < 0.3) params.set('action', pick(['supervisor_review', 'continue_verification']));
      if (Math.random() < 0.5) params.set('sort', 'urgency');
      if (Math.random() < 0.3) params.set('page', String(2 + Math.floor(Math.random() * 5)));
      return { path: `/cases?${params}`, headers: cookie(nextUser(everyone)) };
    },
  };
  const words = ['Sparrow', 'Birch', 'Heron', 'Linden', 'Kestrel', 'Rowan', 'Swift', 'Alder', 'Finch'];
  const search: Scenario = {
    name: 'search',
    port: APP_PORT,
    expect: 200,
    build: () => {
      const n = 1 + Math.floor(Math.random() * world.cases.length);
      // A pseudonym (word and number) or a reference fragment, as people type them.
      const q =
        Math.random() < 0.5
          ? `${pick(words).toLowerCase()} ${n}`
          : `${new Date().getUTCFullYear() - Math.floor(Math.random() * 3)}-${String(n % 9999)
              .padStart(4, '0')
              .slice(0, 3)}`;
      return { path: `/cases?q=${encodeURIComponent(q)}`, headers: cookie(nextUser(everyone)) };
    },
  };
  const queue: Scenario = {
    name: 'queue',
    port: APP_PORT,
    expect: 200,
    build: () => {
      const page = Math.random() < 0.7 ? 1 : 2 + Math.floor(Math.random() * 3);
      return { path: page === 1 ? '/review' : `/review?page=${page}`, headers: cookie(nextUser(staff)) };
    },
  };
  if (!full) return [list, search, queue];

  const page: Scenario = {
    name: 'case page',
    port: APP_PORT,
    expect: 200,
    build: () => {
      const c = pick(world.cases);
      return { path: `/cases/${c.id}`, headers: cookie(viewer(c)) };
    },
  };
  const exportJson: Scenario = {
    name: 'export',
    port: APP_PORT,
    expect: 200,
    build: () => {
      const c = pick(complete);
      return { path: `/cases/${c.id}/export.json`, headers: cookie(viewer(c)) };
    },
  };
  // Each save names the section version it was edited from; versions are tracked here as the app bumps
  // them, and a case is never saved twice at once, so a conflict (409) would be a real fault.
  const versions = world.versions;
  const inFlight = new Set<string>();
  const save: Scenario = {
    name: 'save',
    port: APP_PORT,
    expect: 303,
    build: (context) => {
      let c = pick(complete);
      while (inFlight.has(c.id)) c = pick(complete);
      const form = Math.random() < 0.5 ? 'screening' : 'verification';
      const key = `${c.id}/${form}`;
      inFlight.add(c.id);
      context.key = key;
      context.caseId = c.id;
      const session = sessionOf(c.owner);
      const fields: Record<string, string> =
        form === 'screening'
          ? {
              witnessedAbuses: Math.random() < 0.2 ? 'yes' : 'no',
              admitsParticipation: Math.random() < 0.05 ? 'yes' : 'no',
              ...(Math.random() < 0.1 ? { securityIndicators: pick(s.securityIndicators) } : {}),
            }
          : { unitCrossCheck: pick(s.unitCrossCheckResults), socialMedia: pick(s.socialMediaResults) };
      const body = new URLSearchParams({
        _csrf: session.csrf,
        _version: String(versions.get(key) ?? 1),
        ...fields,
      });
      return {
        method: 'POST',
        path: `/cases/${c.id}/edit/${form}`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      };
    },
    onResponse: (code, context) => {
      const key = String(context.key);
      if (code === 303) versions.set(key, (versions.get(key) ?? 1) + 1);
      inFlight.delete(String(context.caseId));
    },
  };
  return [list, search, queue, page, save, exportJson];
}

// --- One size ------------------------------------------------------------------------------------------

interface SizeResult {
  size: number;
  seed: { seconds: number; rows: number; verified: number } | { reused: true };
  coldStart: { firstHealthzMs: number; firstPageMs: number };
  peakRssMb: number;
  ceiling: Measured;
  scenarios: Measured[];
}

async function prepare(size: number): Promise<{ url: string; seedInfo: SizeResult['seed'] }> {
  const name = `waypost_bench_${size}`;
  const url = dbUrl(name);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (args.reuse) {
      const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
      if (exists) {
        const db = postgres(url, { max: 1, onnotice: () => {} });
        const [row] = await db<{ n: number }[]>`select count(*)::int as n from cases`.catch(() => [
          { n: -1 },
        ]);
        await db.end();
        if (row?.n === size) {
          log(`${name}: reusing ${size.toLocaleString('en')} seeded cases`);
          return { url, seedInfo: { reused: true } };
        }
      }
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  log(`${name}: seeding ${size.toLocaleString('en')} cases`);
  const seeded = await seed({ url, size, ring, now: new Date(), log });
  log(
    `  ${seeded.rows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s; ${seeded.verified} sample cases read back and re-evaluated through the app's code`,
  );
  return { url, seedInfo: { seconds: round(seeded.seconds), rows: seeded.rows, verified: seeded.verified } };
}

async function loadWorld(url: string): Promise<World> {
  const database = await openDatabase({ url, dataDir: '.', migrate: false });
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const users = await pg<BenchUser[]>`select id, role from users order by email`;
    const cases = await pg<World['cases']>`
      select id, assigned_to as owner, action is not null as complete from cases`;
    // With --reuse, an earlier run's saves moved some versions: start from the database's, so that a 409
    // still means a fault.
    const moved = await pg<{ key: string; version: number }[]>`
      select case_id || '/' || section as key, version from case_section_versions
      where section in ('screening', 'verification') and version > 1`;
    const versions = new Map(moved.map((m) => [m.key, m.version]));
    const sessions = new Map<string, { cookie: string; csrf: string }[]>();
    const now = new Date();
    for (const user of users) {
      // Staff are fewer than 50, so each has several sessions (tabs, devices) for the queue's 50 users.
      const count = user.role === 'caseworker' ? 1 : 5;
      const list = [];
      for (let i = 0; i < count; i++) {
        const { token, csrfToken } = await createSession(database.db, user.id, now);
        list.push({ cookie: `__Host-waypost_session=${token}`, csrf: csrfToken });
      }
      sessions.set(user.id, list);
    }
    return { users: [...users], cases: [...cases], sessions, versions };
  } finally {
    await pg.end();
    await database.close();
  }
}

async function runSize(size: number, full: boolean): Promise<SizeResult> {
  const { url, seedInfo } = await prepare(size);
  const world = await loadWorld(url);

  // Production-like: NODE_ENV=production (cached templates, Secure `__Host-` cookies), an https public URL
  // and a real key. The bench talks plain http to localhost and sends the cookie header itself.
  const app = await startProcess(
    'server/main.ts',
    {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://waypost.bench.invalid',
      WAYPOST_ENCRYPTION_KEY: encryptionKey,
      WAYPOST_AUDIT_KEY: createHash('sha256').update('waypost bench: audit chain').digest('base64'),
      AUDIT_CHECKPOINT_DIR: join(os.tmpdir(), 'waypost-bench-audit-checkpoints'),
      DATABASE_URL: url,
      PORT: String(APP_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    `http://127.0.0.1:${APP_PORT}/healthz`,
  );
  const ceiling = await startProcess(
    'bench/ceiling.ts',
    { PORT: String(CEILING_PORT) },
    `http://127.0.0.1:${CEILING_PORT}/`,
  );
  // Lists PostgreSQL's processes for the CPU accounting; its own connection is left out.
  const pgStats = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The first signed-in page after the start: templates compiled, the first session read, the first query.
    const staffUser = world.users.find((u) => u.role === 'supervisor')!;
    const t0 = performance.now();
    const first = await status(`http://127.0.0.1:${APP_PORT}/cases`, {
      cookie: world.sessions.get(staffUser.id)![0]!.cookie,
    });
    if (first !== 200) throw new Error(`the case list answered ${first}:\n${app.output()}`);
    const coldStart = {
      firstHealthzMs: Math.round(app.readyMs),
      firstPageMs: Math.round(app.readyMs + performance.now() - t0),
    };
    log(
      `  cold start: first 200 after ${coldStart.firstHealthzMs} ms (/healthz), first signed-in page after ${coldStart.firstPageMs} ms`,
    );

    const postgresPids = async () => {
      const rows = await pgStats<
        { pid: number }[]
      >`select pid from pg_stat_activity where pid <> pg_backend_pid()`;
      return rows.map((r) => r.pid);
    };
    const ceilingResult = await measure(
      { name: 'ceiling', port: CEILING_PORT, expect: 200, build: () => ({ path: '/' }) },
      { servingPid: ceiling.child.pid!, postgresPids },
    );
    const measured: Measured[] = [];
    const only = args.only?.split(',');
    for (const scenario of scenarios(world, full).filter((x) => !only || only.includes(x.name))) {
      const result = await measure(scenario, { servingPid: app.child.pid!, postgresPids });
      result.ratio = round(result.rps / ceilingResult.rps, 3);
      measured.push(result);
    }
    const peak = peakRssMb(app.child.pid!);
    log(`  peak RSS of the app: ${peak} MB`);
    return { size, seed: seedInfo, coldStart, peakRssMb: peak, ceiling: ceilingResult, scenarios: measured };
  } finally {
    await pgStats.end();
    await stop(app.child);
    await stop(ceiling.child);
  }
}

// --- Report --------------------------------------------------------------------------------------------

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

const targets = { pageP99: 25, listP99: 25, ratio: 0.4, saveP99: 60, queueP99: 40, coldStartMs: 2000 };

function table(runs: SizeResult[]): string {
  const lines = [
    '| cases | scenario | req/s | p50 ms | p99 ms | × ceiling | CPU ms/request: server | PostgreSQL | alone: p50 ms | p99 ms | unexpected |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of runs) {
    const all = [run.ceiling, ...run.scenarios];
    for (const m of all) {
      const ratio = m.ratio === undefined ? '—' : `${Math.round(m.ratio * 100)} %`;
      lines.push(
        `| ${run.size.toLocaleString('en')} | ${m.name} | ${m.rps.toLocaleString('en')} | ${m.p50} | ${m.p99} | ${ratio} | ${m.cpu?.servingMs ?? '—'} | ${m.cpu?.postgresMs ?? '—'} | ${m.alone?.p50 ?? '—'} | ${m.alone?.p99 ?? '—'} | ${m.unexpected} |`,
      );
    }
  }
  lines.push(
    '',
    '| cases | cold start: first 200 (/healthz) | first signed-in page | peak RSS of the app |',
    '| ---: | ---: | ---: | ---: |',
  );
  for (const run of runs) {
    lines.push(
      `| ${run.size.toLocaleString('en')} | ${run.coldStart.firstHealthzMs} ms | ${run.coldStart.firstPageMs} ms | ${run.peakRssMb} MB |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const started = new Date();
  const about = await machine();
  log(`${about.cpu}, ${about.memoryGb} GB, ${about.os}, Node ${about.node}, ${about.postgres}`);
  const runs: SizeResult[] = [];
  for (const size of sizes) {
    // The case page, the save and the export are measured at the largest size only.
    runs.push(await runSize(size, size === sizes[sizes.length - 1]));
  }
  const results = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: about,
    settings: {
      connections,
      durationSeconds: duration,
      app: 'NODE_ENV=production, LOG_LEVEL=warn, PostgreSQL via DATABASE_URL',
    },
    targets,
    runs,
  };
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const readmePath = join(root, 'bench/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const section = `<!-- results:start -->\nMeasured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${about.cpu}, ${about.memoryGb} GB RAM, ${about.os}, Node ${about.node}, ${about.postgres}; ${connections} connections, ${duration} s per scenario after a warm-up.\n\n${table(runs)}\n<!-- results:end -->`;
  writeFileSync(readmePath, readme.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, section));
  log(`\n${table(runs)}\n\nwrote bench/results.json and the table in bench/README.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
