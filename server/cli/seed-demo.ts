// npm run -s seed:demo [-- --cases N]
// Fills a local database with realistic demo cases for trying Waypost: the case-file fixtures (../shared/fixtures
// and tests/fixtures) with other pseudonyms, shifted dates, other host countries, and every status. Creates a
// demo caseworker, supervisor and administrator when absent and prints their password once. Never runs in
// production. Run it again and it adds nothing: it says what is already there.
import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import { type CaseStatus, cases, type Role } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { parseCaseFile } from '../../rules/parse';
import { appendAudit } from '../audit';
import { randomToken } from '../auth/tokens';
import { importCase } from '../cases/repository';
import { newPasswordError } from '../routes/auth';
import { createUser, findUserByEmail } from '../users';
import { configFromEnvironment, fail, openWithKeys } from './open';

const usage = 'usage: npm run -s seed:demo [-- --cases N]   (N from 1 to 500, 40 by default)';
const repoRoot = join(import.meta.dirname, '../..');
const fixtureDirs = [join(repoRoot, '../shared/fixtures'), join(repoRoot, 'tests/fixtures')];

const demoUsers: { role: Role; email: string; displayName: string }[] = [
  { role: 'caseworker', email: 'demo-caseworker@example.org', displayName: 'Demo Caseworker' },
  { role: 'supervisor', email: 'demo-supervisor@example.org', displayName: 'Demo Supervisor' },
  { role: 'admin', email: 'demo-admin@example.org', displayName: 'Demo Administrator' },
];

// Names that identify no one, as caseworkers choose them.
const pseudonyms = [
  'Sparrow',
  'Heron',
  'Kestrel',
  'Finch',
  'Wren',
  'Swift',
  'Crane',
  'Lark',
  'Robin',
  'Owl',
  'Alder',
  'Birch',
  'Rowan',
  'Aspen',
  'Linden',
  'Hazel',
  'Willow',
  'Juniper',
  'Cedar',
  'Maple',
  'Orion',
  'Vega',
  'Altair',
  'Lyra',
  'Rigel',
  'Polaris',
  'Sirius',
  'Deneb',
  'Capella',
  'Castor',
  'Pike',
  'Otter',
  'Badger',
  'Marten',
  'Lynx',
  'Fox',
  'Elk',
  'Hare',
  'Beaver',
  'Stoat',
];
// Countries where deserters wait for a visa; the rules know each one's risks.
const hostCountries = ['KZ', 'AM', 'GE', 'RS', 'TR', 'KG', 'AE', 'MN', 'UZ', 'IL'] as const;
const statusWeights: [CaseStatus, number][] = [
  ['intake', 30],
  ['verification', 35],
  ['review', 15],
  ['referred', 12],
  ['closed', 8],
];
const DAY_MS = 86_400_000;

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)]!;
function weighted<T>(choices: [T, number][]): T {
  let n = randomInt(choices.reduce((sum, [, w]) => sum + w, 0));
  for (const [value, weight] of choices) {
    n -= weight;
    if (n < 0) return value;
  }
  return choices[0]![0];
}
function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Every valid case file among the fixtures. */
function loadFixtures(): CaseFile[] {
  const files: CaseFile[] = [];
  for (const dir of fixtureDirs.filter(existsSync)) {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.case.json'))
      .sort()) {
      const parsed = parseCaseFile(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.ok) files.push(parsed.value);
    }
  }
  return files;
}

/**
 * A fixture made into another plausible case: another pseudonym, the story moved a few weeks later (never
 * into the future), a stay ending at another time, and now and then another host country. Falls back to the
 * fixture itself, renamed, if a change would make the file invalid.
 */
function vary(base: CaseFile, pseudonym: string, today: string): CaseFile {
  const file = structuredClone(base);
  delete file.reference;
  file.person.pseudonym = pseudonym;
  const shift = randomInt(0, 60);
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      if (key === 'stayEndsOn' || key === 'expiresOn') return value;
      const moved = addDays(value, shift);
      return moved <= today ? moved : value;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const varied = walk(file) as CaseFile;
  if (varied.currentStay.stayEndsOn !== undefined || randomInt(3) > 0) {
    // Some stays ended, some end within weeks, most months away.
    varied.currentStay.stayEndsOn = addDays(today, randomInt(-30, 400));
  }
  const host = varied.currentStay.country;
  const lastLeg = varied.route.at(-1);
  const hostIsDestination = varied.destinations.some((d) => d.country === host);
  if (randomInt(2) === 0 && lastLeg?.to === host && !hostIsDestination) {
    const other = pick(hostCountries.filter((c) => c !== host && c !== lastLeg.from));
    lastLeg.to = other;
    varied.currentStay.country = other;
  }
  const parsed = parseCaseFile(varied);
  if (parsed.ok) return parsed.value;
  const plain = structuredClone(base);
  delete plain.reference;
  plain.person.pseudonym = pseudonym;
  return plain;
}

// ---------------------------------------------------------------------------------------------------------

if (process.env.NODE_ENV === 'production') {
  fail('seed:demo refuses to run with NODE_ENV=production: demo cases do not belong in a real database.');
}
let wanted = 40;
try {
  const { values } = parseArgs({ options: { cases: { type: 'string' } } });
  if (values.cases !== undefined) {
    wanted = Number(values.cases);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > 500)
      fail(`--cases: a number from 1 to 500\n${usage}`);
  }
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}

const config = configFromEnvironment();
if (config.env === 'production') fail('seed:demo refuses to run in production.');

const fixtures = loadFixtures();
if (fixtures.length === 0) fail(`no valid case files found in ${fixtureDirs.join(' or ')}`);
const { database, keys } = await openWithKeys(config);
const ring = keys.data;
const { db } = database;
try {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);

  // The demo accounts: one password for the three, generated here and shown only this once.
  const password = `demo ${randomToken(12)} ${randomToken(6)}`;
  const ids = {} as Record<Role, string>;
  const created: string[] = [];
  for (const demo of demoUsers) {
    const existing = await findUserByEmail(db, demo.email);
    if (existing) {
      ids[demo.role] = existing.id;
      continue;
    }
    const problem = newPasswordError(password, password, demo.email);
    if (problem) fail(`generated password refused (${problem}); run seed:demo again`);
    const user = await db.transaction(async (tx) => {
      const user = await createUser(tx, { ...demo, password, now });
      await appendAudit(tx, {
        actorId: null,
        actorLabel: 'cli',
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        detail: { role: demo.role, demo: true },
        at: now,
      });
      return user;
    });
    ids[demo.role] = user.id;
    created.push(demo.email);
  }

  // Demo cases are those the demo accounts created: if there are any, this database is already seeded.
  const demoIds = Object.values(ids);
  const [present] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(inArray(cases.createdBy, demoIds));
  const already = present?.n ?? 0;

  let added = 0;
  if (already === 0) {
    const names = shuffled(pseudonyms);
    for (let i = 0; i < wanted; i++) {
      const round = Math.floor(i / names.length);
      const pseudonym = `${names[i % names.length]}${round > 0 ? ` ${round + 1}` : ''}`;
      const file = vary(fixtures[i % fixtures.length]!, pseudonym, today);
      // Most cases are the caseworker's; a few the supervisor took over.
      const holder = randomInt(5) === 0 ? ids.supervisor : ids.caseworker;
      const { id } = await importCase(db, ring, file, { assignedTo: holder, actorId: holder, now });
      // Spread the cases over the last months, so the list's "last change" order means something.
      const changed = new Date(now.getTime() - randomInt(0, 120 * 24) * 3_600_000);
      const opened = new Date(changed.getTime() - randomInt(0, 90 * 24) * 3_600_000);
      await db
        .update(cases)
        .set({ status: weighted(statusWeights), createdAt: opened, updatedAt: changed })
        .where(eq(cases.id, id));
      added++;
    }
  }

  const where = config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `${config.dataDir}`;
  console.log(`Waypost demo data in ${where}:`);
  if (created.length > 0) {
    console.log(`  created ${created.length} demo account(s), password for each: ${password}`);
    for (const email of created) console.log(`    ${email}`);
    console.log('  The password is shown only now. Anyone who can reach this app with it can sign in.');
  }
  const kept = demoUsers.filter((d) => !created.includes(d.email)).map((d) => d.email);
  if (kept.length > 0) console.log(`  kept existing account(s), passwords unchanged: ${kept.join(', ')}`);
  if (added > 0) console.log(`  added ${added} demo cases built from ${fixtures.length} case files`);
  else console.log(`  ${already} demo cases already present: no case added`);
} finally {
  await database.close();
}
