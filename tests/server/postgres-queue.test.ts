// postgres.js 3.4.9 keeps its connections and queries in `Queue`s whose `shift` leaves an empty slot behind and
// whose `remove` scans the array from slot 0. A queue that never drains (connections moving between `busy`
// and `open` under sustained load) grew without bound: 180,000 slots in 14 s, and every `remove` scanned them
// all. patches/postgres+3.4.9.patch (applied by `npm install`/`npm ci` through patch-package) searches from the
// head and compacts. This drives the installed Queue (ES module and CommonJS builds) as the pool does and
// watches its backing array.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Queue<T> {
  readonly length: number;
  push(x: T): T;
  shift(): T | undefined;
  remove(x: T): T | null;
}
type QueueFactory = <T>(initial?: T[]) => Queue<T>;

const driverDir = join(import.meta.dirname, '../../node_modules/postgres');

/** The queue as upstream 3.4.9 ships it: the control that shows the probe sees the growth. */
function upstreamQueue<T>(initial: T[] = []): Queue<T> {
  let xs = initial.slice();
  let index = 0;
  return {
    get length() {
      return xs.length - index;
    },
    remove: (x) => {
      const at = xs.indexOf(x);
      if (at === -1) return null;
      xs.splice(at, 1);
      return x;
    },
    push: (x) => {
      xs.push(x);
      return x;
    },
    shift: () => {
      const out = xs[index++];
      if (index === xs.length) {
        index = 0;
        xs = [];
      } else {
        xs[index - 1] = undefined as T;
      }
      return out;
    },
  };
}

/**
 * An array whose copies (`slice`, which the queue uses for its initial array and any compaction) are probes
 * too, so the largest backing array the queue ever held can be read afterwards.
 */
class Probe<T> extends Array<T> {
  static largest = 0;
  override push(...items: T[]): number {
    const length = super.push(...items);
    Probe.largest = Math.max(Probe.largest, length);
    return length;
  }
}

/**
 * Ten connections under sustained load, as postgres.js moves them: the pool takes the next busy connection
 * (`busy.shift()`, then back on the queue), and a connection whose query finished leaves `busy` for `open`
 * (`busy.remove(c)`) and comes back with the next query. `busy` never empties.
 */
function sustainedLoad(makeQueue: QueueFactory, steps: number): number {
  Probe.largest = 0;
  const connections = Array.from({ length: 10 }, (_, i) => ({ id: i }));
  const busy = makeQueue(Probe.from(connections));
  const open = makeQueue<{ id: number }>();
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let step = 0; step < steps; step++) {
    if (random() < 0.5 || busy.length < 3) {
      const c = busy.shift() ?? open.shift();
      if (c) busy.push(c);
    } else {
      const c = connections[Math.floor(random() * connections.length)]!;
      if (busy.remove(c)) open.push(c);
    }
    if (open.length > 0 && random() < 0.5) busy.push(open.shift()!);
    if (step % 1000 === 0) expect(busy.length + open.length).toBe(connections.length);
  }
  return Probe.largest;
}

async function installedQueues(): Promise<[string, QueueFactory][]> {
  const esm: { default: QueueFactory } = await import(pathToFileURL(join(driverDir, 'src/queue.js')).href);
  const cjs: QueueFactory = createRequire(import.meta.url)(join(driverDir, 'cjs/src/queue.js'));
  return [
    ['ES module', esm.default],
    ['CommonJS', cjs],
  ];
}

describe('the postgres.js queue under sustained concurrency', () => {
  it('grows without bound as upstream 3.4.9 ships it (the probe sees the bug)', () => {
    expect(sustainedLoad(upstreamQueue, 20_000)).toBeGreaterThan(5_000);
  });

  it('stays bounded with the committed patch, in both builds the driver ships', async () => {
    for (const [build, makeQueue] of await installedQueues()) {
      const largest = sustainedLoad(makeQueue, 200_000);
      expect(largest, build).toBeLessThanOrEqual(200);
    }
  });

  it('keeps first-in first-out order and removes from anywhere', async () => {
    for (const [, makeQueue] of await installedQueues()) {
      const q = makeQueue<number>();
      for (let i = 0; i < 200; i++) q.push(i);
      const out: number[] = [];
      for (let i = 0; i < 150; i++) out.push(q.shift()!);
      expect(q.remove(175)).toBe(175);
      expect(q.remove(3)).toBeNull();
      q.push(200);
      while (q.length > 0) out.push(q.shift()!);
      expect(out).toEqual([...Array.from({ length: 201 }, (_, i) => i)].filter((i) => i !== 175));
    }
  });
});
