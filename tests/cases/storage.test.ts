import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../../server/cases/parts';
import { createCase, importCase, loadCase, saveSection } from '../../server/cases/repository';
import { addUser, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture, validFixtures } from '../helpers/fixtures';

let t: TestApp;
let cw: TestUser;
beforeAll(async () => {
  t = await testApp();
  cw = await addUser(t.app, 'caseworker');
});
afterAll(() => t.close());

const ctx = () => ({ assignedTo: cw.id, actorId: cw.id, now: t.clock.now });

describe('case storage', () => {
  it.each(validFixtures())('stores and gives back %s exactly', async (_name, file) => {
    const { id, reference } = await importCase(t.app.db, t.app.keyRing, file, ctx());
    const loaded = await loadCase(t.app.db, t.app.keyRing, id);
    const back = assemble(loaded!.parts, reference);
    expect(back.ok).toBe(true);
    const expected = { ...structuredClone(file), reference: file.reference ?? reference };
    // The file's clearances wait to be confirmed (tests/cases/import-carried.test.ts): none is stored as taken.
    delete expected.review;
    expect(back.ok && back.file).toEqual(expected);
  });

  it('keeps every identifying field encrypted: a marker typed into each is nowhere in the raw rows', async () => {
    const marker = 'MARKER7Q';
    const file = fixture('anton');
    file.person.fullName = `${marker} Full`;
    file.person.fullNameNative = `${marker} Полное`;
    file.person.dateOfBirth = '1999-01-01';
    file.person.dependants = [{ relation: `${marker} child`, age: 4, withPerson: true }];
    file.documents[0]!.note = `${marker} note`;
    file.service.unit = `${marker} unit`;
    file.service.unitNumber = '77777';
    file.service.rank = `${marker} rank`;
    file.deployments[0]!.place = `${marker} place`;
    file.desertion.statement = `${marker} statement`;
    file.verification.knowledgeChecks[0]!.topic = `${marker} topic`;
    const { id } = await importCase(t.app.db, t.app.keyRing, file, ctx());
    const tables = await t.app.database.rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    const dump: string[] = [];
    for (const { name } of tables) {
      const rows = await t.app.database.rows(sql.raw(`select * from "${name}"`));
      dump.push(JSON.stringify(rows));
    }
    const everything = dump.join('\n');
    expect(everything).toContain(id); // the dump did read the case
    for (const secret of [marker, '1999-01-01', '77777']) expect(everything).not.toContain(secret);
    const loaded = await loadCase(t.app.db, t.app.keyRing, id);
    expect(loaded!.parts.person.fullName).toBe(`${marker} Full`);
    expect(loaded!.parts.knowledgeChecks[0]!.topic).toBe(`${marker} topic`);
  });

  it('refuses to decrypt a value moved to another row', async () => {
    const a = fixture('anton');
    a.desertion.statement = 'statement of A';
    const b = fixture('anton');
    b.desertion.statement = 'statement of B';
    const { id: idA } = await importCase(t.app.db, t.app.keyRing, a, ctx());
    const { id: idB } = await importCase(t.app.db, t.app.keyRing, b, ctx());
    await t.app.db.execute(
      sql`update case_desertion set statement_enc = (select statement_enc from case_desertion where case_id = ${idA}) where case_id = ${idB}`,
    );
    await expect(loadCase(t.app.db, t.app.keyRing, idB)).rejects.toThrow(
      /cannot decrypt case_desertion.statement/,
    );
  });

  it('gives new cases references WP-YYYY-NNNN in order', async () => {
    const first = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: 'One', citizenships: ['RU'] },
      ...ctx(),
    });
    const second = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: 'Two', citizenships: ['RU'] },
      ...ctx(),
    });
    expect(first.reference).toMatch(/^WP-\d{4}-\d{4}$/);
    expect(Number(second.reference.slice(-4))).toBe(Number(first.reference.slice(-4)) + 1);
  });
});

describe('saving a section', () => {
  it('of two saves made from the same version, exactly one wins; the other gets the winner to compare', async () => {
    const { id } = await importCase(t.app.db, t.app.keyRing, fixture('sparrow'), ctx());
    const loaded = (await loadCase(t.app.db, t.app.keyRing, id))!;
    const version = loaded.versions.desertion;
    const save = (statement: string) =>
      saveSection(t.app.db, t.app.keyRing, {
        caseId: id,
        section: 'desertion',
        changes: { desertion: { ...loaded.parts.desertion!, statement } },
        expectedVersion: version,
        actorId: cw.id,
        now: t.clock.now,
      });
    const results = await Promise.all([save('first account'), save('second account')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost && !lost.ok && lost.conflict.version).toBe(version + 1);
    const winner = results[0]!.ok ? 'first account' : 'second account';
    expect((await loadCase(t.app.db, t.app.keyRing, id))!.parts.desertion!.statement).toBe(winner);
  });

  it('re-assesses the case after each save', async () => {
    const { id } = await importCase(t.app.db, t.app.keyRing, fixture('sparrow'), ctx());
    const before = (await loadCase(t.app.db, t.app.keyRing, id))!;
    expect(before.row.action).toBe('complete_verification');
    const res = await saveSection(t.app.db, t.app.keyRing, {
      caseId: id,
      section: 'screening',
      changes: { screening: { ...before.parts.screening!, admitsParticipation: true } },
      expectedVersion: before.versions.screening,
      actorId: cw.id,
      now: t.clock.now,
    });
    expect(res.ok).toBe(true);
    const after = (await loadCase(t.app.db, t.app.keyRing, id))!;
    expect(after.row.action).toBe('supervisor_review');
    expect(after.row.riskLevel).toBe('critical');
    expect(after.row.flagIds).toContain('SCREEN_PARTICIPATION');
  });
});
