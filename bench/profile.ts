/**
 * npm run bench:profile -- DIR_OR_FILES... [--top 25] [--last SECONDS]
 *
 * Turns V8 CPU profiles (`node --cpu-prof`, one `.cpuprofile` per process) into two tables of self time: by
 * package (a dependency under node_modules, Node's own code, the app's folder, or V8's garbage collector) and
 * by function. Several profiles (a cluster's workers) are added up. The bench writes one directory of them
 * per scenario with `--profile`. `--last` keeps only each profile's final seconds: a process is profiled from
 * its start, and the bench passes the time from the end of the warm-up to the stop, so that start-up (module
 * compilation) and the JIT's warm-up do not count as the cost of a request.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  /** Microseconds, on the profiler's clock. */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const root = join(import.meta.dirname, '..');

/** Where a function's code comes from: the package, Node itself, the app's folder, or V8. */
export function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const mine = relative(root, path).replace(/^dist\//, '');
  const parts = mine.split('/');
  return parts.length > 2 ? `app: ${parts[0]}/${parts[1]}` : `app: ${parts[0]}`;
}

/** Self time (ms) by area and by function over these profiles (their last `lastMs` only), and the total. */
export function selfTimes(profiles: Profile[], lastMs = Number.POSITIVE_INFINITY) {
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    const from = profile.endTime - lastMs * 1000;
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      if (at >= from) self.set(id, (self.get(id) ?? 0) + delta / 1000);
    });
    for (const [id, ms] of self) {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      if (functionName === '(idle)') continue;
      total += ms;
      const where = area(url, functionName);
      byArea.set(where, (byArea.get(where) ?? 0) + ms);
      const file = url
        ? ` ${url
            .replace(/^file:\/\//, '')
            .replace(/^.*node_modules\//, '')
            .replace(`${root}/`, '')}:${lineNumber + 1}`
        : '';
      const name = `${functionName || '(anonymous)'}${file}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
  }
  return { byArea, byFunction, total };
}

export function tables(profiles: Profile[], top = 25, lastMs = Number.POSITIVE_INFINITY): string {
  const { byArea, byFunction, total } = selfTimes(profiles, lastMs);
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, ms]) =>
          `| ${name.replaceAll('|', '\\|')} | ${Math.round(ms)} | ${((100 * ms) / total).toFixed(1)} % |`,
      );
  return [
    `Sampled ${Math.round(total)} ms of CPU (idle left out) in ${profiles.length} profile(s)${Number.isFinite(lastMs) ? `, the last ${(lastMs / 1000).toFixed(1)} s of each` : ''}.`,
    '',
    '| package or area | self ms | share |',
    '| --- | ---: | ---: |',
    ...rows(byArea),
    '',
    '| function | self ms | share |',
    '| --- | ---: | ---: |',
    ...rows(byFunction),
  ].join('\n');
}

export function readProfiles(paths: string[]): Profile[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(p, f))
      : [p],
  );
  return files.map((f): Profile => JSON.parse(readFileSync(f, 'utf8')));
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, last: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run bench:profile -- DIR_OR_FILE... [--top 25] [--last SECONDS]');
    process.exit(2);
  }
  const lastMs = values.last === undefined ? Number.POSITIVE_INFINITY : Number(values.last) * 1000;
  console.log(tables(readProfiles(positionals), Number(values.top), lastMs));
}
