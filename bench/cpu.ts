// Whose CPU a scenario costs, from /proc: the app's processes (a cluster's primary and its workers), the
// PostgreSQL processes serving the bench's own database (its backends and autovacuum workers, listed from
// pg_stat_activity while the scenario runs), and the machine as a whole (busy and steal time), so that a run
// disturbed by other work on a shared machine is flagged rather than believed.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type postgres from 'postgres';

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) a process has used so far, in ms; undefined when it is gone or not here. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS; // utime, stime
  } catch {
    return undefined;
  }
}

/** A process and its children (a cluster's workers). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // exited while listing
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

interface MachineTicks {
  total: number;
  idle: number;
  steal: number;
}
function machineTicks(): MachineTicks {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle: idle + iowait, steal };
}

export interface CpuUse {
  /** CPU of the app's processes, ms. */
  appMs: number;
  /** Of which the starting process (with workers, the cluster's primary, which hands out connections). */
  primaryMs: number;
  /** CPU of the bench database's PostgreSQL backends and autovacuum workers, ms. */
  postgresMs: number;
  /** CPU of this process (the load tool), ms. */
  loadToolMs: number;
  /** Cores busy on the whole machine, on average. */
  machineBusyCores: number;
  /** Share of time the hypervisor gave the machine's cores to others. */
  stealShare: number;
  /** Cores busy with work that is none of the above (other people's work on a shared machine). */
  otherCores: number;
  /** The bench database's backends running a statement, and waiting for a lock, on average. */
  backends: { active: number; waitingForLock: number };
  /** Blocks the database found in shared_buffers, and blocks it had to read from the OS or disk. */
  blocks: { hit: number; read: number };
  /** Transactions the database ended (a statement outside a transaction is one): round trips, roughly. */
  transactions: number;
  seconds: number;
}

/**
 * Watches CPU while a scenario runs. PostgreSQL backends are listed every 250 ms: an autovacuum worker that
 * starts mid-run is counted from zero, one that both starts and ends between two looks is missed.
 */
export function watchCpu(appPid: number, pg: postgres.Sql, database: string) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const look = (pids: number[], isNew: boolean) => {
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms === undefined) continue;
      if (!first.has(pid)) first.set(pid, isNew ? 0 : ms);
      last.set(pid, ms);
    }
  };
  const appPids = new Set<number>();
  const pgPids = new Set<number>();
  // Each look also counts the database's backends that are running a statement and those waiting for a
  // lock (the audit chain's lock shows here), averaged over the run.
  const waits = { looks: 0, active: 0, lock: 0 };
  const list = async () => {
    const rows = await pg<{ pid: number; state: string | null; wait: string | null }[]>`
      select pid, state, wait_event_type as wait from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid()`;
    if (started) {
      waits.looks++;
      waits.active += rows.filter((r) => r.state === 'active').length;
      waits.lock += rows.filter((r) => r.wait === 'Lock').length;
    }
    return rows.map((r) => r.pid);
  };
  const blocks = async () => {
    const [row] = await pg<{ hit: number; read: number; xacts: number }[]>`
      select blks_hit::float8 as hit, blks_read::float8 as read, (xact_commit + xact_rollback)::float8 as xacts
      from pg_stat_database where datname = ${database}`;
    return row ?? { hit: 0, read: 0, xacts: 0 };
  };
  let blocks0 = { hit: 0, read: 0, xacts: 0 };
  const t0 = performance.now();
  const machine0 = machineTicks();
  const self0 = process.cpuUsage();
  let started = false;
  let polling: Promise<void> = Promise.resolve();
  const poll = async (isNew: boolean) => {
    const pids = await list();
    for (const pid of pids) pgPids.add(pid);
    const tree = processTree(appPid);
    for (const pid of tree) appPids.add(pid);
    look([...pids, ...tree], isNew);
  };
  const timer = setInterval(() => {
    if (!started) return;
    polling = polling.then(() => poll(true)).catch(() => {});
  }, 250);
  return {
    async start() {
      blocks0 = await blocks();
      await poll(false);
      started = true;
    },
    async stop(): Promise<CpuUse> {
      clearInterval(timer);
      await polling;
      await poll(true);
      const blocks1 = await blocks();
      const seconds = (performance.now() - t0) / 1000;
      const sum = (pids: Set<number>) =>
        [...pids].reduce((total, pid) => total + ((last.get(pid) ?? 0) - (first.get(pid) ?? 0)), 0);
      const machine1 = machineTicks();
      const total = machine1.total - machine0.total;
      const cores = availableParallelism();
      const busyShare = total > 0 ? 1 - (machine1.idle - machine0.idle) / total : 0;
      const self = process.cpuUsage(self0);
      const appMs = sum(appPids);
      const postgresMs = sum(pgPids);
      const loadToolMs = (self.user + self.system) / 1000;
      const machineBusyCores = busyShare * cores;
      return {
        appMs,
        primaryMs: (last.get(appPid) ?? 0) - (first.get(appPid) ?? 0),
        postgresMs,
        loadToolMs,
        machineBusyCores,
        stealShare: total > 0 ? (machine1.steal - machine0.steal) / total : 0,
        blocks: { hit: blocks1.hit - blocks0.hit, read: blocks1.read - blocks0.read },
        transactions: blocks1.xacts - blocks0.xacts,
        backends: {
          active: waits.looks ? waits.active / waits.looks : 0,
          waitingForLock: waits.looks ? waits.lock / waits.looks : 0,
        },
        otherCores: Math.max(0, machineBusyCores - (appMs + postgresMs + loadToolMs) / 1000 / seconds),
        seconds,
      };
    },
  };
}

/** Other work took more than a third of a core, or the hypervisor more than 5 % of the time. */
export const noisy = (use: CpuUse) => use.otherCores > 0.33 || use.stealShare > 0.05;
