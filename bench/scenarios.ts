// What the bench asks of the app: the pages and saves caseworkers and supervisors make, built from the seeded
// world (users, their sessions, the cases and who holds them).
import * as s from '../rules/case-schema';
import type { Context, Scenario } from './load';
import type { BenchUser } from './seed';

export interface World {
  sessions: Map<string, { cookie: string; csrf: string }[]>;
  users: BenchUser[];
  cases: { id: string; owner: string; complete: boolean }[];
  /** Versions of the sections the save scenario edits (`caseId/section`), where an earlier run moved them. */
  versions: Map<string, number>;
}

/** How a scenario picks the case it opens. */
export type Locality = 'own' | 'uniform';

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/**
 * Caseworkers revisit their own cases: each works on a set of 15 of their cases (nine opens in ten), and now
 * and then on another of theirs. One open in five is by a supervisor, on any case.
 */
function casePicker(locality: Locality, among: World['cases']) {
  if (locality === 'uniform') return () => pick(among);
  const byOwner = new Map<string, World['cases']>();
  for (const c of among) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
  const owners = [...byOwner.keys()];
  const workingSets = new Map([...byOwner].map(([owner, cases]) => [owner, cases.slice(0, 15)]));
  return () => {
    if (Math.random() < 0.2) return pick(among);
    const owner = pick(owners);
    return pick(Math.random() < 0.9 ? workingSets.get(owner)! : byOwner.get(owner)!);
  };
}

export function scenarios(world: World, port: number, full: boolean): Scenario[] {
  let turn = 0;
  const sessionOf = (userId: string) => {
    const list = world.sessions.get(userId)!;
    return list[turn++ % list.length]!;
  };
  const cookie = (userId: string) => ({ cookie: sessionOf(userId).cookie });
  // Admins manage accounts and the audit log and see no case (server/policy.ts): they are in no scenario.
  const caseUsers = world.users.filter((u) => u.role !== 'admin').map((u) => u.id);
  const reviewers = world.users.filter((u) => u.role === 'supervisor').map((u) => u.id);
  // Requests go round the 50 users in turn, so 50 connections are 50 people at once.
  const nextUser = (among: string[]) => among[turn++ % among.length]!;
  const complete = world.cases.filter((c) => c.complete);
  // A case page is opened by its caseworker, or one time in five by a supervisor.
  const viewer = (c: { owner: string }) => (Math.random() < 0.2 ? nextUser(reviewers) : c.owner);

  const list: Scenario = {
    name: 'list',
    port,
    expect: 200,
    build: () => {
      const params = new URLSearchParams();
      if (Math.random() < 0.7) params.set('status', pick(['intake', 'verification', 'review']));
      if (Math.random() < 0.5) params.set('risk', pick(['low', 'medium', 'high', 'critical']));
      if (Math.random() < 0.3) params.set('action', pick(['supervisor_review', 'continue_verification']));
      if (Math.random() < 0.5) params.set('sort', 'urgency');
      if (Math.random() < 0.3) params.set('page', String(2 + Math.floor(Math.random() * 5)));
      return { path: `/cases?${params}`, headers: cookie(nextUser(caseUsers)) };
    },
  };
  const search = searchScenario(world, port, caseUsers);
  const queue: Scenario = {
    name: 'queue',
    port,
    expect: 200,
    build: () => {
      const page = Math.random() < 0.7 ? 1 : 2 + Math.floor(Math.random() * 3);
      return { path: page === 1 ? '/review' : `/review?page=${page}`, headers: cookie(nextUser(reviewers)) };
    },
  };
  if (!full) return [list, search, queue];

  const casePage = (locality: Locality): Scenario => {
    const next = casePicker(locality, world.cases);
    return {
      name: locality === 'own' ? 'case page' : 'case page (uniform)',
      port,
      expect: 200,
      build: () => {
        const c = next();
        return { path: `/cases/${c.id}`, headers: cookie(viewer(c)) };
      },
    };
  };
  const nextComplete = casePicker('own', complete);
  const exportJson: Scenario = {
    name: 'export',
    port,
    expect: 200,
    build: () => {
      const c = nextComplete();
      return { path: `/cases/${c.id}/export.json`, headers: cookie(viewer(c)) };
    },
  };
  return [list, search, queue, casePage('own'), casePage('uniform'), save(world, port), exportJson];
}

/**
 * Section saves by the case's caseworker. Each names the section version it was edited from; versions are
 * tracked as the app bumps them, and a case is never saved twice at once, so a conflict (409) is a fault.
 */
function save(world: World, port: number): Scenario {
  const complete = world.cases.filter((c) => c.complete);
  const next = casePicker('own', complete);
  const versions = world.versions;
  const inFlight = new Set<string>();
  let turn = 0;
  return {
    name: 'save',
    port,
    expect: 303,
    build: (context: Context) => {
      let c = next();
      while (inFlight.has(c.id)) c = next();
      const form = Math.random() < 0.5 ? 'screening' : 'verification';
      const key = `${c.id}/${form}`;
      inFlight.add(c.id);
      context.key = key;
      context.caseId = c.id;
      const sessions = world.sessions.get(c.owner)!;
      const session = sessions[turn++ % sessions.length]!;
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
}

const words = ['Sparrow', 'Birch', 'Heron', 'Linden', 'Kestrel', 'Rowan', 'Swift', 'Alder', 'Finch'];
/** Searches each user has posted and keeps (the app keeps eight per user in its search cookie). */
const SEARCHES_KEPT = 8;

/**
 * A search as the app takes it: the term is posted (never in a URL), kept in the user's encrypted search
 * cookie, and the list is opened by its opaque id. Before the run each user posts eight searches, as people
 * type them (a pseudonym, or a reference fragment); the run opens their results.
 */
function searchScenario(world: World, port: number, users: string[]): Scenario {
  const saved = new Map<string, { cookie: string; ids: string[] }>();
  const term = () => {
    const n = 1 + Math.floor(Math.random() * world.cases.length);
    const year = new Date().getUTCFullYear() - Math.floor(Math.random() * 3);
    return Math.random() < 0.5
      ? `${pick(words).toLowerCase()} ${n}`
      : `${year}-${String(n % 9999)
          .padStart(4, '0')
          .slice(0, 3)}`;
  };
  let turn = 0;
  return {
    name: 'search',
    port,
    expect: 200,
    prepare: async () => {
      for (const userId of users) {
        const session = world.sessions.get(userId)![0]!;
        let searchCookie = '';
        const ids: string[] = [];
        for (let i = 0; i < SEARCHES_KEPT; i++) {
          const res = await fetch(`http://127.0.0.1:${port}/cases/search`, {
            method: 'POST',
            redirect: 'manual',
            headers: {
              cookie: [session.cookie, searchCookie].filter(Boolean).join('; '),
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: new URLSearchParams({ _csrf: session.csrf, q: term() }).toString(),
          });
          const id = /[?&]search=([\w-]+)/.exec(res.headers.get('location') ?? '')?.[1];
          const set = res.headers.getSetCookie().find((c) => c.includes('waypost_search='));
          if (res.status !== 303 || !id || !set) throw new Error(`search not kept: ${res.status}`);
          ids.push(id);
          searchCookie = set.split(';')[0]!;
        }
        saved.set(userId, { cookie: `${session.cookie}; ${searchCookie}`, ids });
      }
    },
    build: () => {
      const kept = saved.get(users[turn++ % users.length]!)!;
      return { path: `/cases?search=${pick(kept.ids)}`, headers: { cookie: kept.cookie } };
    },
  };
}
