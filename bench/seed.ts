// Seeds a PostgreSQL database with N generated cases and 50 users, fast enough for 100,000 cases in well
// under five minutes. Each case's rows come from the app's own code: the part writers of
// server/cases/storage.ts and recordEvent run against a recording transaction that keeps the rows instead of
// sending them, so ids, encryption (with its table/column/row binding), list positions and the stored
// assessment are exactly what importCase would write. The rows then go to the database with COPY in batches.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { openDatabase, type Tx } from '../db/client';
import {
  auditLog,
  caseAssessments,
  caseClearedFlags,
  caseDestinations,
  caseReferenceCounters,
  caseSectionVersions,
  cases,
  type Role,
} from '../db/schema';
import { caseFileSchema } from '../rules/case-schema';
import { rng } from '../rules/cli/sample-data';
import { evaluate } from '../rules/evaluate';
import {
  assemble,
  type CaseParts,
  disassemble,
  emptyParts,
  type PartName,
  sectionNames,
} from '../server/cases/parts';
import {
  latestStoredAssessment,
  loadCase,
  queuedSince,
  recordEvent,
  todayOf,
  writePart,
} from '../server/cases/repository';
import { encryptField, type KeyRing } from '../server/crypto/field-encryption';
import { createUser } from '../server/users';
import { type GeneratedCase, generateCase } from './generate';

export interface BenchUser {
  id: string;
  role: Role;
}

type Row = Record<string, unknown>;

/** Rows per table, in the order they were written. */
class Recorded {
  readonly tables = new Map<PgTable, Row[]>();
  push(table: PgTable, rows: Row | Row[]) {
    const list = this.tables.get(table) ?? [];
    if (!this.tables.has(table)) this.tables.set(table, list);
    for (const row of Array.isArray(rows) ? rows : [rows]) list.push(row);
  }
}

/**
 * The subset of a drizzle transaction the part writers and recordEvent use. Deletes find nothing (the
 * case is new), selects return no rows, inserts are recorded.
 */
function recordingTx(into: Recorded): Tx {
  return {
    delete: () => ({ where: async () => {} }),
    select: () => ({ from: () => ({ where: async () => [] }) }),
    insert: (table: PgTable) => ({
      values: (rows: Row | Row[]) => {
        into.push(table, rows);
        // A new case never conflicts: an upsert (one-row parts) records the same rows as an insert.
        const done = Promise.resolve();
        return Object.assign(done, { onConflictDoUpdate: () => done });
      },
    }),
  } as unknown as Tx;
}

// --- COPY text format ------------------------------------------------------------------------------------

const copyEscape = (s: string) =>
  s.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
const arrayLiteral = (xs: unknown[]) =>
  `{${xs.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return copyEscape(arrayLiteral(value));
  if (typeof value === 'object') return copyEscape(JSON.stringify(value));
  return copyEscape(String(value));
}

/** COPYs rows (drizzle property names) into their table; columns absent from every row keep their default. */
async function copyRows(pg: postgres.Sql, table: PgTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(columns).filter((k) => rows.some((r) => r[k] !== undefined));
  const names = keys.map((k) => columns[k]!.name);
  const lines = rows.map((r) => `${keys.map((k) => copyValue(r[k])).join('\t')}\n`);
  // A connection of its own: postgres.js would otherwise queue other queries onto one that is in COPY.
  const conn = await pg.reserve();
  try {
    const writable = await conn`copy ${conn(getTableName(table))} (${conn(names)}) from stdin`.writable();
    // Chunks of a few thousand lines keep the stream's buffers small.
    async function* chunks() {
      for (let i = 0; i < lines.length; i += 2000) yield lines.slice(i, i + 2000).join('');
    }
    await pipeline(Readable.from(chunks()), writable);
  } finally {
    conn.release();
  }
}

// --- One case ------------------------------------------------------------------------------------------

const riskRanks: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const statusMix = [
  ['intake', 0.45],
  ['verification', 0.25],
  ['review', 0.1],
  ['referred', 0.1],
  ['closed', 0.1],
] as const;

/** The status whose share of the mix `x` (uniform in [0, 1)) falls in. */
function pickStatus(x: number): CaseInput['status'] {
  let rest = x;
  for (const [status, share] of statusMix) {
    rest -= share;
    if (rest < 0) return status;
  }
  return 'intake';
}

interface CaseInput {
  index: number;
  generated: GeneratedCase;
  reference: string;
  createdAt: Date;
  caseworker: string;
  supervisor: string;
  status: (typeof statusMix)[number][0];
}

/** Records every row importCase (and, for a later status, the decision that set it) would have written. */
async function recordCase(out: Recorded, ring: KeyRing, input: CaseInput) {
  const tx = recordingTx(out);
  const { generated, reference, createdAt: now, caseworker } = input;
  const id = randomUUID();
  const parts: CaseParts = generated.complete
    ? disassemble(generated.file)
    : { ...emptyParts(generated.file.person), documents: disassemble(generated.file).documents };

  const w = { ring, actorId: caseworker, now };
  for (const part of Object.keys(parts) as PartName[])
    if (part !== 'clearedFlags') await writePart(tx, w, id, part, parts[part] as never);
  // A flag is cleared only by a reviewer's decision: written as decisions.ts writes one, by the supervisor.
  out.push(
    caseClearedFlags,
    (parts.clearedFlags ?? []).map((flagId) => ({
      caseId: id,
      flagId,
      clearedBy: input.supervisor,
      clearedAt: now,
      reasonEnc: encryptField(
        ring,
        { table: 'case_cleared_flags', column: 'reason', row: `${id}:${flagId}` },
        'Checked by the supervisor (bench data).',
      ),
    })),
  );
  out.push(
    caseSectionVersions,
    sectionNames.map((section) => ({
      caseId: id,
      section,
      version: 1,
      updatedBy: caseworker,
      updatedAt: now,
    })),
  );

  // What reassess stores: the assessment (encrypted), the case row's summary of it, and the timeline entry.
  const assembled = assemble(parts, reference);
  const caseRow: Row = {
    id,
    reference,
    status: input.status,
    pseudonym: parts.person.pseudonym,
    assignedTo: caseworker,
    createdBy: caseworker,
    createdAt: now,
    updatedAt: now,
    action: null,
    riskLevel: null,
    riskRank: 0,
    flagIds: [],
    stayEndsOn: parts.currentStay?.stayEndsOn ?? null,
    version: 2, // 1 at insert, bumped by the assessment
    queuedAt: null,
    queueFlags: [],
  };
  if (assembled.ok) {
    const assessment = evaluate(assembled.file, todayOf(now));
    const assessmentId = randomUUID();
    out.push(caseAssessments, {
      id: assessmentId,
      caseId: id,
      ruleset: assessment.ruleset,
      evaluatedAt: now,
      action: assessment.recommendation.action,
      riskLevel: assessment.riskLevel,
      assessmentEnc: encryptField(
        ring,
        { table: 'case_assessments', column: 'assessment', row: assessmentId },
        JSON.stringify(assessment),
      ),
    });
    const open = assessment.flags.filter((f) => !f.cleared);
    Object.assign(caseRow, {
      action: assessment.recommendation.action,
      riskLevel: assessment.riskLevel,
      riskRank: riskRanks[assessment.riskLevel] ?? 0,
      flagIds: open.map((f) => f.id),
      queueFlags: open.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id),
    });
    await recordEvent(tx, ring, {
      caseId: id,
      kind: 'assessment_changed',
      actorId: caseworker,
      at: now,
      detail: {
        from: null,
        to: assessment.recommendation.action,
        riskLevel: assessment.riskLevel,
        ruleset: assessment.ruleset,
      },
    });
  }
  // Cases past intake got there by a supervisor's decision, an hour after import.
  if (input.status !== 'intake') {
    const at = new Date(now.getTime() + 3_600_000);
    await recordEvent(tx, ring, {
      caseId: id,
      kind: 'status_changed',
      actorId: input.supervisor,
      at,
      detail: { from: 'intake', to: input.status },
      text: input.status === 'closed' ? 'Client reached safety; no further steps.' : undefined,
    });
    caseRow.updatedAt = at;
    caseRow.version = 3;
  }
  // The app's own queue rule; a seeded case has no outstanding request.
  caseRow.queuedAt = queuedSince(
    { status: input.status, action: (caseRow.action as string | null) ?? null, queuedAt: null },
    0,
    caseRow.updatedAt as Date,
  );
  out.push(cases, caseRow);

  const entry = {
    at: now,
    actorId: caseworker,
    actorLabel: 'user',
    action: 'case.imported',
    targetType: 'case',
    targetId: id,
    detail: {},
  };
  // Unchained, as the app writes it: the app's audit writer chains it (server/audit/chain.ts).
  out.push(auditLog, entry);
  return id;
}

// --- The whole seed ------------------------------------------------------------------------------------

export interface SeedOptions {
  url: string;
  size: number;
  ring: KeyRing;
  now: Date;
  log: (line: string) => void;
}

export interface SeedResult {
  users: BenchUser[];
  seconds: number;
  rows: number;
  verified: number;
}

const BATCH = 2000;
// Parts are written after their case, applications after their destination (foreign keys).
const firstTables: PgTable[] = [cases, caseDestinations];

export async function seed(options: SeedOptions): Promise<SeedResult> {
  const { url, size, ring, now, log } = options;
  const started = performance.now();
  const database = await openDatabase({ url, dataDir: '.', migrate: true });
  const pg = postgres(url, { max: 4, onnotice: () => {} });
  try {
    const users = await seedUsers(database.db, now);
    const caseworkers = users.filter((u) => u.role === 'caseworker').map((u) => u.id);
    const supervisors = users.filter((u) => u.role === 'supervisor').map((u) => u.id);

    const r = rng(2026_11);
    const today = todayOf(now);
    // Created over the last three years, oldest first, so ids, audit entries and time agree.
    const span = 3 * 365 * 86_400_000;
    const sampleEvery = Math.max(1, Math.floor(size / 20));
    const samples: { id: string; generated: GeneratedCase; reference: string; at: Date }[] = [];
    const counters = new Map<number, number>();
    let rows = 0;
    let pending: Promise<void> = Promise.resolve();

    for (let start = 0; start < size; start += BATCH) {
      const out = new Recorded();
      for (let i = start; i < Math.min(size, start + BATCH); i++) {
        const generated = generateCase(r, i, today);
        const createdAt = new Date(now.getTime() - span + Math.floor((span * i) / size) - 3_600_000 * 2);
        // References are unique WP-YYYY-NNNN: 9,999 a year, counted back from this year.
        const year = now.getUTCFullYear() - Math.floor(i / 9999);
        const number = (i % 9999) + 1;
        counters.set(year, Math.max(counters.get(year) ?? 0, number));
        const reference = `WP-${year}-${String(number).padStart(4, '0')}`;
        const status = generated.complete ? pickStatus(r()) : 'intake';
        const id = await recordCase(out, ring, {
          index: i,
          generated,
          reference,
          createdAt,
          caseworker: caseworkers[i % caseworkers.length]!,
          supervisor: supervisors[i % supervisors.length]!,
          status,
        });
        if (i % sampleEvery === 0) samples.push({ id, generated, reference, at: createdAt });
        // Let the previous batch's COPY stream while this one is generated.
        if (i % 100 === 0) await yieldToLoop();
      }
      await pending;
      const done = Math.min(size, start + BATCH);
      pending = writeBatch(pg, out).then((n) => {
        rows += n;
        const seconds = (performance.now() - started) / 1000;
        log(
          `  seeded ${done.toLocaleString('en')} / ${size.toLocaleString('en')} cases (${seconds.toFixed(0)} s)`,
        );
      });
    }
    await pending;
    for (const [year, last] of counters) {
      await database.db
        .insert(caseReferenceCounters)
        .values({ year, last })
        .onConflictDoUpdate({
          target: caseReferenceCounters.year,
          set: { last: sql`greatest(${caseReferenceCounters.last}, ${last})` },
        });
    }
    log('  vacuum analyze (as autovacuum would after a bulk load)');
    await pg`vacuum analyze`;
    const verified = await verifySample(database, ring, samples);
    return { users, seconds: (performance.now() - started) / 1000, rows, verified };
  } finally {
    await pg.end({ timeout: 5 });
    await database.close();
  }
}

async function writeBatch(pg: postgres.Sql, out: Recorded): Promise<number> {
  let n = 0;
  for (const table of firstTables) {
    const rows = out.tables.get(table) ?? [];
    await copyRows(pg, table, rows);
    n += rows.length;
  }
  const rest = [...out.tables].filter(([table]) => !firstTables.includes(table));
  await Promise.all(rest.map(([table, rows]) => copyRows(pg, table, rows)));
  return n + rest.reduce((sum, [, rows]) => sum + rows.length, 0);
}

/** 50 accounts: 40 caseworkers, 8 supervisors, 2 admins. Sessions are made for them by the load driver. */
async function seedUsers(db: Parameters<typeof createUser>[0], now: Date): Promise<BenchUser[]> {
  const plan: [Role, number][] = [
    ['caseworker', 40],
    ['supervisor', 8],
    ['admin', 2],
  ];
  const users: BenchUser[] = [];
  for (const [role, count] of plan) {
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(2, '0');
      const user = await createUser(db, {
        email: `${role}-${n}@bench.invalid`,
        displayName: `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
        role,
        now,
      });
      users.push({ id: user.id, role });
    }
  }
  return users;
}

/**
 * Reads sample cases back through the app's own loadCase (decrypting every field) and checks they are the
 * generated case files, and that the stored assessment is what the rules say for them.
 */
async function verifySample(
  database: Awaited<ReturnType<typeof openDatabase>>,
  ring: KeyRing,
  samples: { id: string; generated: GeneratedCase; reference: string; at: Date }[],
): Promise<number> {
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
  for (const sample of samples) {
    const loaded = await loadCase(database.db, ring, sample.id);
    if (!loaded) throw new Error(`seeded case ${sample.reference} does not load`);
    const assembled = assemble(loaded.parts, loaded.row.reference);
    if (!sample.generated.complete) {
      if (assembled.ok || loaded.parts.documents.length !== sample.generated.file.documents.length)
        throw new Error(`seeded incomplete case ${sample.reference} reads back differently`);
      continue;
    }
    if (!assembled.ok) throw new Error(`seeded case ${sample.reference} is incomplete`);
    const expected = plain({ ...sample.generated.file, reference: sample.reference });
    if (expected.review) expected.review.clearedFlags.sort();
    if (
      !caseFileSchema.safeParse(assembled.file).success ||
      !isDeepStrictEqual(plain(assembled.file), expected)
    )
      throw new Error(`seeded case ${sample.reference} reads back differently from the generated file`);
    const stored = await latestStoredAssessment(database.db, ring, sample.id);
    const fresh = evaluate(assembled.file, todayOf(sample.at));
    if (!stored || !isDeepStrictEqual(plain(stored.assessment), plain(fresh)))
      throw new Error(`seeded case ${sample.reference}: stored assessment differs from the rules' own`);
  }
  return samples.length;
}
