// The bench's results: bench/results.json in full, and the tables between the results markers in
// bench/README.md (scenarios against both references, open-loop latency, machine noise, cold start,
// PostgreSQL's settings, and the profiles of the case page and the save).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from './load';
import type { SeedInfo } from './world';

export interface Measured {
  name: string;
  /** App CPU per request (ms) of each 2 s warm-up window, until it settled. */
  warmUpWindows: number[];
  /** The saturation run: `connections` clients with no think time. */
  closed: Run;
  /** CPU per request in the saturation run: the serving processes, and the bench database's PostgreSQL. */
  cpu: {
    appMs: number;
    primaryMs: number;
    postgresMs: number;
    blocksHit: number;
    blocksRead: number;
    transactions?: number;
  };
  machine: { busyCores: number; otherCores: number; steal: number; noisy: boolean };
  /** PostgreSQL backends of the bench database running a statement / waiting for a lock, on average. */
  backends: { active: number; waitingForLock: number };
  /** The open-loop run at a fixed rate (a share of the saturation throughput). */
  /** Not run for the references, whose rates are beyond what the open-loop sender can issue. */
  open?: Run & { rate: number };
  ceilingRatio?: number;
  floorRatio?: number;
  /** Self-time tables from the app's CPU profiles for this scenario. */
  profile?: string;
}

export interface SizeResult {
  size: number;
  seed: SeedInfo;
  postgres: Record<string, string>;
  /** Each start: to the first 200 from /healthz, and to the first signed-in page. */
  coldStart: { healthzMs: number; pageMs: number }[];
  peakRssMb: number;
  ceiling: Measured;
  floor: Measured;
  scenarios: Measured[];
}

interface Machine {
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
}

export const targets = {
  appCpuMs: { 'case page': 1.2, 'case page (uniform)': 1.2, list: 1.0, queue: 1.0, save: 3, export: 0.6 },
  floorRatio: { 'case page': 0.5, list: 0.5 },
  savesPerSecond: 250,
  openP99Ms: { pages: 25, save: 60 },
  coldStartMs: 1000,
};

const pct = (ratio: number | undefined) => (ratio === undefined ? '—' : `${Math.round(ratio * 100)} %`);

function scenarioTable(runs: SizeResult[]): string {
  const lines = [
    '| cases | scenario | req/s, 50 conn. | × ceiling | × floor | CPU ms/req: app | PostgreSQL | blocks/req: in shared_buffers / read | PostgreSQL transactions/req | open loop req/s | p50 ms | p99 ms | first → last fifth req/s | backends active (waiting for a lock) | machine busy (others) cores, steal | unexpected |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
  ];
  for (const run of runs) {
    for (const m of [run.ceiling, run.floor, ...run.scenarios]) {
      const noise = `${m.machine.busyCores} (${m.machine.otherCores}), ${Math.round(m.machine.steal * 100)} %${m.machine.noisy ? ' **noisy**' : ''}`;
      lines.push(
        `| ${run.size.toLocaleString('en')} | ${m.name} | ${m.closed.rps.toLocaleString('en')} | ${pct(m.ceilingRatio)} | ${pct(m.floorRatio)} | ${m.cpu.appMs} | ${m.cpu.postgresMs} | ${m.cpu.blocksHit} / ${m.cpu.blocksRead} | ${m.cpu.transactions ?? '—'} | ${m.open?.rate.toLocaleString('en') ?? '—'} | ${m.open?.p50 ?? '—'} | ${m.open?.p99 ?? '—'} | ${m.closed.firstFifthRps} → ${m.closed.lastFifthRps} | ${m.backends.active} (${m.backends.waitingForLock}) | ${noise} | ${m.closed.unexpected + (m.open?.unexpected ?? 0)} |`,
      );
    }
  }
  return lines.join('\n');
}

function startTable(runs: SizeResult[]): string {
  return [
    '| cases | cold start: first 200 from /healthz (three starts) | first signed-in page | peak RSS, all processes | database size |',
    '| ---: | --- | --- | ---: | ---: |',
    ...runs.map(
      (r) =>
        `| ${r.size.toLocaleString('en')} | ${r.coldStart.map((x) => `${x.healthzMs} ms`).join(', ')} | ${r.coldStart.map((x) => `${x.pageMs} ms`).join(', ')} | ${r.peakRssMb} MB | ${r.postgres['database size'] ?? '?'} |`,
    ),
  ].join('\n');
}

export function report(options: {
  root: string;
  started: Date;
  machine: Machine;
  settings: Record<string, unknown>;
  runs: SizeResult[];
  log: (line: string) => void;
}): void {
  const { root, started, machine, settings, runs, log } = options;
  const results = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    settings,
    targets,
    runs,
  };
  const resultsPath = join(root, 'bench/results.json');
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  // In the project's format (short arrays on one line), so that the committed file passes the lint.
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', resultsPath], {
    stdio: 'ignore',
  });
  const last = runs.at(-1)!;
  const pgSettings = Object.entries(last.postgres)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const profiles = last.scenarios
    .filter((m) => m.profile && ['case page', 'save'].includes(m.name))
    .map((m) => `#### Profile: ${m.name} at ${last.size.toLocaleString('en')} cases\n\n${m.profile}`)
    .join('\n\n');
  const tables = `${scenarioTable(runs)}\n\n${startTable(runs)}`;
  const section = [
    '<!-- results:start -->',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}, ${machine.postgres}; ${settings.workers} app worker(s), ${settings.connections} connections, ${settings.durationSeconds} s closed loop then ${settings.durationSeconds} s open loop at ${Number(settings.openLoopShare) * 100} % of it, per scenario after a warm-up; profiled: ${settings.profiled}; PostgreSQL overrides: ${settings.postgresOverrides}.`,
    '',
    `PostgreSQL settings: ${pgSettings}.`,
    '',
    tables,
    '',
    profiles,
    '<!-- results:end -->',
  ].join('\n');
  const readmePath = join(root, 'bench/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  writeFileSync(readmePath, readme.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, section));
  log(`\n${tables}\n\n${profiles}\n\nwrote bench/results.json and the tables in bench/README.md`);
}
