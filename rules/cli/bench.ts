/**
 * npm run bench:rules: evaluates 10,000 varied case files, generated deterministically from a seed, five
 * times over, and prints cases per second of wall time and per second of this process's CPU time (cases per
 * core: steadier than wall time on a shared machine), and the 99th-percentile time per case. Target: >= 50,000
 * cases/s per core (issue 18). The npm script runs the compiled build (dist/), as production does: under tsx
 * every closure the rules create also goes through esbuild's `__name` helper (tsx keeps function names).
 */
import { performance } from 'node:perf_hooks';
import * as s from '../case-schema';
import { addDays } from '../dates';
import { evaluate } from '../evaluate';
import { flagIds } from '../ids';
import { rng, sampleCountries, sampleUnits } from './sample-data';

const CASES = 10_000;
const TODAY = '2026-11-22';

/**
 * Varied but coherent case files: every enumeration value occurs, and dates follow a life (enlisted, deployed,
 * left, crossed, stayed) as real cases do; about one case in twenty gets a contradictory date.
 */
function generate(count: number, seed: number): s.CaseFile[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (max: number) => Math.floor(r() * (max + 1));
  const many = <T>(max: number, make: (i: number) => T): T[] =>
    Array.from({ length: int(max) }, (_, i) => make(i));
  const maybe = <T>(x: T): T | undefined => (r() < 0.5 ? x : undefined);
  const countries = sampleCountries;
  const units = sampleUnits;

  return Array.from({ length: count }, (): s.CaseFile => {
    const enlistedOn = addDays('2021-06-01', int(900));
    let cursor = addDays(enlistedOn, int(60));
    const deployments = many(3, () => {
      const from = addDays(cursor, int(30));
      cursor = addDays(from, 7 + int(200));
      return {
        from,
        to: cursor,
        region: pick(s.regions),
        place: maybe(pick(['Bucha', 'Изюм', 'Brovary', 'Мариуполь'])),
        endedBy: pick(s.deploymentEndings),
      };
    });
    const leftOn = addDays(cursor, int(60));
    const crossed = addDays(leftOn, 1 + int(10));
    const contradictory = r() < 0.05;
    return {
      format: 'waypost-case/1',
      person: { pseudonym: 'Bench', citizenships: ['RU'] },
      documents: many(6, () => ({
        type: pick(s.documentTypes),
        seen: pick(s.documentSeenValues),
        validity: pick(s.documentValidities),
        authenticity: pick(s.documentAuthenticities),
        expiresOn: maybe(addDays(TODAY, int(3000) - 1500)),
      })),
      service: {
        serviceType: pick(s.serviceTypes),
        branch: pick(s.branches),
        role: pick(s.roles),
        unit: maybe(pick(units)),
        unitNumber: maybe(pick(['51460', '74268', '12345'])),
        enlistedOn: contradictory ? addDays(leftOn, 30) : enlistedOn,
      },
      deployments,
      desertion: { kind: pick(s.desertionKinds), leftOn, manner: pick(s.desertionManners) },
      persecution: {
        criminalCases: many(2, () => ({
          article: pick(s.criminalArticles),
          openedOn: maybe(addDays(leftOn, int(200))),
          stage: pick(s.criminalCaseStages),
          evidenceSeen: r() < 0.5,
        })),
        wantedList: pick(s.wantedLists),
      },
      route: many(3, (i) => ({
        date: addDays(crossed, i * 20),
        from: i === 0 ? 'RU' : pick(countries),
        to: pick(countries),
        mode: pick(s.routeModes),
        documentUsed: pick(s.routeDocuments),
        incident: pick(s.routeIncidents),
      })),
      currentStay: {
        country: pick(countries),
        since: crossed,
        basis: pick(s.stayBases),
        stayEndsOn: maybe(addDays(TODAY, int(400) - 30)),
        incidents: r() < 0.2 ? many(2, () => pick(s.stayIncidents)) : [],
      },
      destinations: many(3, () => ({
        country: pick(countries),
        pathway: pick(s.pathways),
        employerOffer: maybe(r() < 0.5),
        applications: maybe(
          many(2, () => ({
            type: 'visa',
            filedOn: addDays(crossed, int(300)),
            status: pick(s.applicationStatuses),
          })),
        ),
      })),
      verification: {
        interviews: many(3, () => ({ on: addDays(TODAY, -int(300)), language: 'ru', minutes: 60 })),
        knowledgeChecks: many(4, () => ({ topic: 'dining hall', result: pick(s.knowledgeCheckResults) })),
        unitCrossCheck: pick(s.unitCrossCheckResults),
        socialMedia: pick(s.socialMediaResults),
        openSource: many(2, () => ({ source: pick(s.openSourceSources), result: pick(s.openSourceResults) })),
      },
      screening: {
        witnessedAbuses: r() < 0.2,
        admitsParticipation: r() < 0.05,
        securityIndicators: r() < 0.1 ? [pick(s.securityIndicators)] : [],
      },
      review: { clearedFlags: many(2, () => pick(flagIds)) },
    };
  });
}

const cases = generate(CASES, 2026_11);
// Warm up the JIT on a separate set of the same size (steady-state throughput), then time each case.
const warmUp = generate(10_000, 7);
for (let pass = 0; pass < 2; pass++)
  for (let i = 0; i < warmUp.length; i++) evaluate(warmUp[i]!, TODAY, { locale: i % 2 === 0 ? 'en' : 'ru' });

const PASSES = 5;
const times = new Float64Array(cases.length * PASSES);
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (let pass = 0; pass < PASSES; pass++) {
  for (let i = 0; i < cases.length; i++) {
    const t0 = performance.now();
    evaluate(cases[i]!, TODAY, { locale: i % 2 === 0 ? 'en' : 'ru' });
    times[pass * cases.length + i] = performance.now() - t0;
  }
}
const total = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
times.sort();
const p99 = times[Math.floor(times.length * 0.99)]!;
const evaluated = cases.length * PASSES;
const perSecond = (ms: number) => Math.round(evaluated / (ms / 1000)).toLocaleString('en');

console.log(`evaluated ${evaluated} case files in ${total.toFixed(0)} ms (${cpuMs.toFixed(0)} ms of CPU)`);
console.log(
  `${perSecond(total)} cases/s, ${perSecond(cpuMs)} cases per CPU-second, p99 ${(p99 * 1000).toFixed(0)} µs per case`,
);
