/**
 * npm run bench:profile -- DIR_OR_FILES... [--top 25]
 *
 * Turns V8 CPU profiles (`node --cpu-prof`, one `.cpuprofile` per process) into two tables of self time: by
 * package (a dependency under node_modules, Node's own code, the app's folder, or V8's garbage collector) and
 * by function. Several profiles (a cluster's workers) are added up. The bench writes one directory of them
 * per scenario with `--profile`.
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

/** Self time (ms) by area and by function over these profiles, and the total sampled. */
export function selfTimes(profiles: Profile[]) {
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
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

export function tables(profiles: Profile[], top = 25): string {
  const { byArea, byFunction, total } = selfTimes(profiles);
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, ms]) =>
          `| ${name.replaceAll('|', '\\|')} | ${Math.round(ms)} | ${((100 * ms) / total).toFixed(1)} % |`,
      );
  return [
    `Sampled ${Math.round(total)} ms of CPU (idle left out) in ${profiles.length} profile(s).`,
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
    options: { top: { type: 'string', default: '25' } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run bench:profile -- DIR_OR_FILE... [--top 25]');
    process.exit(2);
  }
  console.log(tables(readProfiles(positionals), Number(values.top)));
}
