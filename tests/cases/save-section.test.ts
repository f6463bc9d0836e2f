// Saving a section: one-row parts are overwritten in place (an upsert), so a value taken out must not survive;
// a part taken out deletes its row; a save from an outdated page writes nothing at all.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseParts, Section } from '../../server/cases/parts';
import { importCase, loadCase, saveSection } from '../../server/cases/repository';
import { addUser, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cw: TestUser;
beforeAll(async () => {
  t = await testApp();
  cw = await addUser(t.app, 'caseworker');
});
afterAll(() => t.close());

async function newCase() {
  const file = fixture('anton');
  file.person = {
    ...file.person,
    fullName: 'Full Name',
    fullNameNative: 'Полное Имя',
    dateOfBirth: '1990-01-01',
    dependants: [{ relation: 'child', age: 4, withPerson: true }],
  };
  file.service.unitNumber = '12345';
  file.desertion.statement = 'a statement';
  file.verification.vouchedBy = ['WP-2024-0001'];
  const now = t.clock.now;
  const { id } = await importCase(t.app.db, t.app.keyRing, file, { assignedTo: cw.id, actorId: cw.id, now });
  return (await loadCase(t.app.db, t.app.keyRing, id))!;
}

const save = async (caseId: string, section: Section, changes: Partial<CaseParts>) => {
  const loaded = (await loadCase(t.app.db, t.app.keyRing, caseId))!;
  return saveSection(t.app.db, t.app.keyRing, {
    caseId,
    section,
    changes,
    expectedVersion: loaded.versions[section],
    actorId: cw.id,
    now: t.clock.now,
  });
};

describe('saving a one-row part', () => {
  it('leaves none of the optional values it no longer has', async () => {
    const before = await newCase();
    const minimal: Partial<CaseParts>[] = [
      { person: { pseudonym: 'Renamed', citizenships: ['RU', 'BY'] } },
      { service: { serviceType: 'contract', branch: 'ground_forces', role: 'driver' } },
      { desertion: { kind: 'deserter', manner: 'other' }, persecution: { wantedList: 'none' } },
      { currentStay: { country: 'KZ', since: '2022-08-30', basis: 'visa_free', incidents: [] } },
      { verification: { unitCrossCheck: 'not_done', socialMedia: 'not_done' } },
      { screening: { witnessedAbuses: true, admitsParticipation: false, securityIndicators: [] } },
    ];
    const sectionOf: Record<string, Section> = {
      person: 'person',
      service: 'service',
      desertion: 'desertion',
      currentStay: 'route',
      verification: 'verification',
      screening: 'screening',
    };
    for (const changes of minimal) {
      const res = await save(before.row.id, sectionOf[Object.keys(changes)[0]!]!, changes);
      expect(res.ok).toBe(true);
    }
    const after = (await loadCase(t.app.db, t.app.keyRing, before.row.id))!;
    for (const changes of minimal) {
      for (const [part, value] of Object.entries(changes)) {
        expect(after.parts[part as keyof CaseParts], part).toEqual(value);
      }
    }
    expect(after.row.pseudonym).toBe('Renamed');
  });

  it('deletes the row of a part taken out, and writes it again when it comes back', async () => {
    const before = await newCase();
    expect((await save(before.row.id, 'screening', { screening: undefined })).ok).toBe(true);
    const without = (await loadCase(t.app.db, t.app.keyRing, before.row.id))!;
    expect(without.parts.screening).toBeUndefined();
    const rows = await t.app.database.rows(
      sql`select 1 from case_screening where case_id = ${before.row.id}`,
    );
    expect(rows).toHaveLength(0);
    // The case is no longer complete: no recommendation.
    expect(without.row.action).toBeNull();
    expect((await save(before.row.id, 'screening', { screening: before.parts.screening })).ok).toBe(true);
    const back = (await loadCase(t.app.db, t.app.keyRing, before.row.id))!;
    expect(back.parts.screening).toEqual(before.parts.screening);
    expect(back.row.action).toBe(before.row.action);
  });
});

describe('a save from an outdated page', () => {
  it('writes nothing: not the part, not the case row, not an assessment, an event or an audit entry', async () => {
    const before = await newCase();
    const snapshot = async () => ({
      loaded: await loadCase(t.app.db, t.app.keyRing, before.row.id),
      counts: await t.app.database.rows(sql`select
        (select count(*) from case_assessments where case_id = ${before.row.id}) as assessments,
        (select count(*) from case_events where case_id = ${before.row.id}) as events,
        (select count(*) from audit_log) as audit`),
    });
    const was = await snapshot();
    const res = await saveSection(t.app.db, t.app.keyRing, {
      caseId: before.row.id,
      section: 'screening',
      changes: { screening: { witnessedAbuses: true, admitsParticipation: true, securityIndicators: [] } },
      expectedVersion: before.versions.screening - 1,
      actorId: cw.id,
      now: new Date(t.clock.now.getTime() + 60_000),
    });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.conflict.version).toBe(before.versions.screening);
    expect(await snapshot()).toEqual(was);
  });
});
