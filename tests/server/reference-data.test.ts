// Reference data an admin keeps current (a page, a review with a note, stored and audited, read by the rules),
// the unit suggestions of the case form, and the reference unit the case page says a unit was matched to.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { referenceDataFiles } from '../../rules/data/index';
import { type Agent, addUser, signIn, type TestApp, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let admin: { agent: Agent; csrf: string };
let caseworker: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = await testApp();
  // Half a year after the code's review date, when every reference-data file is stale.
  t.clock.now = new Date(Date.parse(referenceDataFiles[0]!.reviewedOn) + 200 * 86_400_000);
  admin = await signIn(t.app, await addUser(t.app, 'admin'));
  caseworker = await signIn(t.app, await addUser(t.app, 'caseworker'));
});
afterAll(() => t.close());

const review = (file: string, note: string) =>
  admin.agent.post('/admin/reference-data/review').type('form').send({ _csrf: admin.csrf, file, note });

describe('the reference-data page', () => {
  it('lists every file with its review date and every fact with a link to its source', async () => {
    const res = await admin.agent.get('/admin/reference-data');
    expect(res.status).toBe(200);
    for (const file of referenceDataFiles) {
      expect(res.text).toContain(file.file);
      for (const fact of file.facts()) {
        if ('url' in fact.source)
          expect(res.text).toContain(`href="${fact.source.url.replaceAll('&', '&amp;')}"`);
      }
    }
    expect(res.text).toContain('No public source yet:');
  });

  it('keeps the typed note and says what is wrong beside the field when the form is refused', async () => {
    const res = await review('rules/data/host-countries.ts', '   ');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="note-host-countries-error"/);
    const bad = await review('rules/data/not-a-file.ts', 'checked');
    expect(bad.status).toBe(400);
  });

  it('records a review with its note, audits it, and the rules stop calling the file stale', async () => {
    const file = 'rules/data/host-countries.ts';
    const res = await review(file, 'Checked Kazakhstan and Armenia against Mediazona and Meduza.');
    expect(res.status).toBe(303);
    const page = await admin.agent.get('/admin/reference-data');
    expect(page.text).toContain('Checked Kazakhstan and Armenia against Mediazona and Meduza.');
    const audit = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'reference_data.reviewed'));
    expect(audit.map((a) => a.targetId)).toContain(file);

    const imported = await caseworker.agent
      .post('/cases/import')
      .set('x-csrf-token', caseworker.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(fixture('sparrow')));
    expect(imported.status).toBe(201);
    const casePage = await caseworker.agent.get(String(imported.headers.location));
    expect(casePage.text).toContain('Reference data out of date');
    // The reviewed file is no longer named; the others still are.
    expect(casePage.text).not.toContain('Host countries and entry on the internal passport (');
    expect(casePage.text).toContain('Units linked to atrocities (');
  });
});

describe('unit suggestions and the matched unit', () => {
  it('answers which reference units the typed text names, without the text in the URL', async () => {
    const res = await caseworker.agent
      .post('/units/suggest')
      .set('x-csrf-token', caseworker.csrf)
      .type('form')
      .send({ q: 'в/ч51460' });
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { name: string }) => u.name)).toEqual([
      '64th Separate Guards Motor Rifle Brigade',
    ]);
    const refused = await caseworker.agent.post('/units/suggest').type('form').send({ q: 'в/ч51460' });
    expect(refused.status).toBe(403);
  });

  it('the unit field offers every reference name without script', async () => {
    const imported = await caseworker.agent
      .post('/cases/import')
      .set('x-csrf-token', caseworker.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(fixture('sparrow')));
    const form = await caseworker.agent.get(`${imported.headers.location}/edit/service`);
    expect(form.text).toContain('list="f-unit-list"');
    expect(form.text).toContain('<option value="Pskov division">');
  });

  it('the case page says which reference unit the unit was matched to, and how', async () => {
    const file = fixture('sparrow');
    file.service.unit = '76-я гвардейская десантно-штурмовая Черниговская Краснознамённая дивизия';
    file.service.unitNumber = undefined;
    const imported = await caseworker.agent
      .post('/cases/import')
      .set('x-csrf-token', caseworker.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(file));
    const page = await caseworker.agent.get(String(imported.headers.location));
    expect(page.text).toContain(
      'Matched to 76th Guards Air Assault Division (by its number and kind: 76, division).',
    );
  });
});
