// Two ways to load the app. Closed loop (autocannon, N connections, no think time) finds the most it serves:
// its p50 is just N / throughput (Little's law), so its latencies are not what a person waits. Open loop
// sends requests at a fixed rate whatever the answers, and times each from when it was due, not from when it
// could be sent, so a slow stretch counts in full: the latency a caseworker sees at that load.
import http from 'node:http';
import autocannon from 'autocannon';

export interface Request {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
export type Context = Record<string, unknown>;

export interface Scenario {
  name: string;
  port: number;
  /** The status every response must have. */
  expect: number;
  build: (context: Context) => Request;
  onResponse?: (status: number, context: Context) => void;
  /** Run once on the freshly started app before the warm-up (what a user did before: e.g. a search posted). */
  prepare?: () => Promise<void>;
}

export interface Run {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses with another status than expected, and connection errors. */
  unexpected: number;
  statuses: Record<string, number>;
  /** Requests per second in the first and the last fifth of the run (a decay shows as a drop). */
  firstFifthRps: number;
  lastFifthRps: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function summarise(
  latencies: number[],
  doneAt: number[],
  seconds: number,
  statuses: Record<string, number>,
  expect: number,
  errors: number,
): Run {
  const sorted = Float64Array.from(latencies).sort();
  const fifth = seconds / 5;
  const inFirst = doneAt.filter((t) => t < fifth).length;
  const inLast = doneAt.filter((t) => t >= seconds - fifth).length;
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / seconds),
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    unexpected: latencies.length - (statuses[expect] ?? 0) + errors,
    statuses,
    firstFifthRps: Math.round(inFirst / fifth),
    lastFifthRps: Math.round(inLast / fifth),
  };
}

/** Closed loop: `connections` clients, each sending its next request when the last is answered. */
export async function closedLoop(scenario: Scenario, seconds: number, connections: number): Promise<Run> {
  const latencies: number[] = [];
  const doneAt: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const t0 = performance.now();
  const result = new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${scenario.port}`,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (request, context) => {
              const built = scenario.build(context as Context);
              return { ...request, method: 'GET', ...built, headers: { ...built.headers } } as never;
            },
            // Only scenarios that read the answer get it: autocannon buffers every body when asked.
            ...(scenario.onResponse
              ? {
                  onResponse: (code: number, _body: string, context: object) =>
                    scenario.onResponse?.(code, context as Context),
                }
              : {}),
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    // autocannon keeps latencies of 2xx responses only; a save answers 303, so every response is timed here.
    instance.on('response', (_client, code: number, _bytes, ms: number) => {
      latencies.push(ms);
      doneAt.push((performance.now() - t0) / 1000);
      statuses[code] = (statuses[code] ?? 0) + 1;
    });
    instance.on('reqError', () => errors++);
  });
  await result;
  const elapsed = (performance.now() - t0) / 1000;
  return summarise(latencies, doneAt, elapsed, statuses, scenario.expect, errors);
}

/** Open loop: `rate` requests a second, evenly spaced, for `seconds`, however long each answer takes. */
export async function openLoop(scenario: Scenario, rate: number, seconds: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const doneAt: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const total = Math.max(1, Math.round(rate * seconds));
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const context: Context = {};
      const built = scenario.build(context);
      const request = http.request(
        {
          host: '127.0.0.1',
          port: scenario.port,
          method: built.method ?? 'GET',
          path: built.path,
          headers: built.headers,
          agent,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const now = performance.now();
            const code = response.statusCode ?? 0;
            latencies.push(now - due);
            doneAt.push((now - t0) / 1000);
            statuses[code] = (statuses[code] ?? 0) + 1;
            scenario.onResponse?.(code, context);
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors++;
        scenario.onResponse?.(0, context);
        resolve();
      });
      request.end(built.body);
    });
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Every request that is due by now goes out; the next tick is when the next one is due.
    while (sent < total && t0 + (sent * 1000) / rate <= now) pending.push(send(t0 + (sent++ * 1000) / rate));
    const wait = t0 + (sent * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsed = (performance.now() - t0) / 1000;
  return summarise(latencies, doneAt, elapsed, statuses, scenario.expect, errors);
}
