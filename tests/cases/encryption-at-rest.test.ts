// Every free-text field of the case format is encrypted at rest. The fields are found in the schema itself
// (rules/limits.ts `freeTextPaths`), each is given a value no other field holds, the case is saved, and the raw
// database (every table, every column) is searched for those values: a free-text field added later and stored
// in plaintext fails this test without anyone having to list it here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseApplications } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { freeTextPaths } from '../../rules/limits';
import { encryptLegacyPlaintext, loadCase } from '../../server/cases/repository';
import { type Agent, addUser, signIn, type TestApp, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

/**
 * The one free-text field kept in plaintext, on purpose: the pseudonym is the name lists and search show, and
 * is chosen so that it identifies no one (db/schema.ts, README "Security notes").
 */
const PLAINTEXT_BY_DESIGN = ['person.pseudonym'];

let t: TestApp;
let cw: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = await testApp();
  cw = await signIn(t.app, await addUser(t.app, 'caseworker'));
});
afterAll(() => t.close());

/** Sets `value` at a path like `destinations[].applications[].type` (in each list's first entry). */
function setAt(target: Record<string, unknown>, path: string, value: string): void {
  const steps = path.split('.');
  let node: Record<string, unknown> = target;
  for (const [i, step] of steps.entries()) {
    const name = step.replace('[]', '');
    if (i === steps.length - 1) {
      node[name] = value;
      return;
    }
    const next = node[name];
    const first = Array.isArray(next) ? next[0] : next;
    if (!first || typeof first !== 'object')
      throw new Error(`the test case has nothing at ${path}: add an entry`);
    node = first as Record<string, unknown>;
  }
}

/** The rows of a raw query, as PGlite (`{ rows }`) or postgres.js (an array) returns them. */
const rowsOf = <T extends z.ZodType>(row: T) =>
  z.union([z.array(row), z.object({ rows: z.array(row) }).transform((r) => r.rows)]);

/** Every row of every table of the app's schema, as text. */
async function rawDatabase(): Promise<string> {
  const tables = rowsOf(z.object({ name: z.string() })).parse(
    await t.app.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const dumps: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf(z.object({ row: z.string() })).parse(
      await t.app.db.execute(
        sql.raw(`select row_to_json(t)::text as row from "${name.replaceAll('"', '')}" t`),
      ),
    );
    for (const { row } of rows) dumps.push(`${name}: ${row}`);
  }
  return dumps.join('\n');
}

describe('free text at rest', () => {
  it('finds the free-text fields in the schema, the new document number among them', () => {
    expect(freeTextPaths()).toEqual(
      expect.arrayContaining([
        'destinations[].applications[].type',
        'documents[].number',
        'desertion.statement',
      ]),
    );
  });

  it('no free-text field of a saved case is in the database in plaintext', async () => {
    const file: CaseFile = fixture('anton');
    file.person.dependants = [{ relation: 'x', age: 5, withPerson: true }];
    file.destinations[0]!.applications = [{ type: 'x', filedOn: '2026-01-10', status: 'pending' }];
    if (file.verification.knowledgeChecks.length === 0)
      file.verification.knowledgeChecks = [{ topic: 'x', result: 'consistent' }];
    const markers = new Map<string, string>();
    for (const [i, path] of freeTextPaths().entries()) {
      const marker = `Qz${i}marker${'abcdefghijklmnop'[i]}Zq`;
      markers.set(path, marker);
      setAt(file as unknown as Record<string, unknown>, path, marker);
    }
    const res = await cw.agent
      .post('/cases/import')
      .set('x-csrf-token', cw.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(file));
    expect(res.status, res.text).toBe(201);
    // Each value comes back as it went in...
    const loaded = (await loadCase(t.app.db, t.app.keyRing, res.body.id))!;
    expect(loaded.parts.destinations[0]!.applications![0]!.type).toBe(
      markers.get('destinations[].applications[].type'),
    );
    expect(loaded.parts.documents[0]!.number).toBe(markers.get('documents[].number'));
    // ...and none but the pseudonym is anywhere in the database as it was typed.
    const raw = await rawDatabase();
    const plaintext = [...markers].filter(([, marker]) => raw.includes(marker)).map(([path]) => path);
    expect(plaintext).toEqual(PLAINTEXT_BY_DESIGN);
  });

  it('an application type an older version stored in plaintext is encrypted at start-up, and still reads', async () => {
    const file: CaseFile = fixture('anton');
    file.destinations[0]!.applications = [
      { type: 'Humanitarian visa', filedOn: '2026-01-10', status: 'pending' },
    ];
    const res = await cw.agent
      .post('/cases/import')
      .set('x-csrf-token', cw.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(file));
    expect(res.status).toBe(201);
    // As a version before migration 0021 left it.
    await t.app.db.update(caseApplications).set({ legacyType: 'LegacyPlainType', typeEnc: null });
    expect(await rawDatabase()).toContain('LegacyPlainType');
    expect(await encryptLegacyPlaintext(t.app.db, t.app.keyRing)).toBeGreaterThan(0);
    expect(await rawDatabase()).not.toContain('LegacyPlainType');
    const loaded = (await loadCase(t.app.db, t.app.keyRing, res.body.id))!;
    expect(loaded.parts.destinations[0]!.applications![0]!.type).toBe('LegacyPlainType');
    expect(await encryptLegacyPlaintext(t.app.db, t.app.keyRing)).toBe(0);
  });
});
