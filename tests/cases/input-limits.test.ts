// Hostile and mistaken input through the forms, the JSON import and the account forms: each is refused with a
// message beside the field (or a 400/413 page that says why), what was typed is kept, and nothing is a 500.
// Limits and date formats are said on the form before they bite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../rules/case-schema';
import { loadCase } from '../../server/cases/repository';
import { type Agent, addUser, anonymous, signIn, type TestApp, testApp } from '../helpers/app';
import { formBody, submitForm } from '../helpers/case-forms';
import { fixture } from '../helpers/fixtures';

let t: TestApp;
let cw: { agent: Agent; csrf: string };
let admin: { agent: Agent; csrf: string };
let caseUrl: string;
beforeAll(async () => {
  t = await testApp();
  t.clock.now = new Date('2026-11-22T09:00:00Z');
  cw = await signIn(t.app, await addUser(t.app, 'caseworker'));
  admin = await signIn(t.app, await addUser(t.app, 'admin'));
  const created = await importJson(fixture('anton'));
  expect(created.status, created.text).toBe(201);
  caseUrl = created.headers.location as string;
});
afterAll(() => t.close());

const importJson = (file: unknown) =>
  cw.agent
    .post('/cases/import')
    .set('x-csrf-token', cw.csrf)
    .set('content-type', 'application/json')
    .serialize((body) => body) // bytes as they are
    .send(typeof file === 'string' || Buffer.isBuffer(file) ? file : JSON.stringify(file));
const stored = async () => (await loadCase(t.app.db, t.app.keyRing, caseUrl.split('/').pop()!))!.parts;
const errorOf = (html: string, field: string) =>
  new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1]?.replaceAll('&#39;', "'");
/** Posts a form body as it is written, with the token and version the page carries. */
async function postRaw(pageUrl: string, body: string) {
  const page = await cw.agent.get(pageUrl);
  const action = /<form method="post" action="([^"]+)"/.exec(
    page.text.slice(page.text.indexOf('<main')),
  )![1]!;
  const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
  return cw.agent.post(action).type('form').send(`_csrf=${cw.csrf}&_version=${version}&${body}`);
}

describe('text in the forms', () => {
  it('a NUL byte, a direction override or only zero-width characters in a pseudonym: refused beside it, kept', async () => {
    for (const [pseudonym, message] of [
      ['Anton\u0000B.', 'control character'],
      ['\u200B\u200D\u200B', 'Fill this in'],
      ['Anton \u202Egnp', 'text-direction'],
      ['An\u200Bton', 'letter or digit'],
    ] as const) {
      const res = await submitForm(cw.agent, '/cases/new', { pseudonym, citizenships: ['RU'] });
      expect(res.status, pseudonym).toBe(400);
      expect(errorOf(res.text, 'pseudonym')).toContain(message);
    }
    const edit = await submitForm(cw.agent, `${caseUrl}/edit/person`, {
      pseudonym: 'Anton B.',
      fullName: 'Антон\u0000',
      citizenships: ['RU'],
    });
    expect(edit.status).toBe(400);
    expect(errorOf(edit.text, 'fullName')).toContain('control character');
  });

  it('an application type with a NUL byte is refused beside it', async () => {
    // A destination is named by its id, as the form offers it.
    const form = (await cw.agent.get(`${caseUrl}/lists/applications/new`)).text;
    const destination = /name="destination"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(form)?.[1];
    expect(destination).toBeDefined();
    const res = await submitForm(cw.agent, `${caseUrl}/lists/applications/new`, {
      destination: destination ?? '',
      type: 'humanitarian\u0000visa',
      filedOn: '10.01.2026',
      status: 'pending',
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'type')).toContain('control character');
  });

  it('a list sent for a text field is refused, and the stored value is not emptied', async () => {
    const before = (await stored()).service?.unit;
    const page = await cw.agent.get(`${caseUrl}/edit/service`);
    const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
    const res = await cw.agent
      .post(`${caseUrl}/edit/service`)
      .type('form')
      .send(
        formBody(
          { serviceType: 'contract', branch: 'ground_forces', role: 'driver', unit: ['one', 'two'] },
          { _csrf: cw.csrf, _version: version },
        ),
      );
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'unit')).toContain('sent more than once');
    expect(res.text).toContain('value="one"');
    expect((await stored()).service?.unit).toBe(before);
  });

  it('a form that is not valid UTF-8 is refused with a page that says so, never a 500', async () => {
    const res = await postRaw(`${caseUrl}/edit/person`, 'pseudonym=%FF%FEAnton&citizenships=RU');
    expect(res.status).toBe(400);
    expect(res.text).toContain('not valid UTF-8');
    // Raw bytes that are not UTF-8 are refused as they are read, before anything else looks at the form.
    const raw = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.from([0x65, 0x3d, 0xc3, 0x28]),
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.body).toContain('not valid UTF-8');
    expect((await stored()).person.pseudonym).toBe(fixture('anton').person.pseudonym);
  });

  it('a form body over 256 KB, or with more fields than any form, is answered 413 with the limits', async () => {
    const big = await postRaw(`${caseUrl}/edit/desertion`, `statement=${'a'.repeat(300 * 1024)}`);
    expect(big.status).toBe(413);
    expect(big.text).toContain('256 KB');
    const many = await postRaw(
      `${caseUrl}/edit/desertion`,
      Array.from({ length: 600 }, (_, i) => `f${i}=1`).join('&'),
    );
    expect(many.status).toBe(413);
    expect(many.text).toContain('more fields');
  });

  it('a statement over 10,000 characters is refused with the limit and kept; the form says the limit first', async () => {
    const form = await cw.agent.get(`${caseUrl}/edit/desertion`);
    expect(form.text).toContain('Up to 10\u202F000 characters.');
    expect(form.text).toMatch(
      /<textarea id="f-statement"[^>]* data-max="10000" data-counter="f-statement-count"/,
    );
    expect(form.text).toContain('id="f-statement-count"');
    const long = 'я'.repeat(10_001);
    const res = await submitForm(cw.agent, `${caseUrl}/edit/desertion`, {
      kind: 'deserter',
      manner: 'awol_from_base',
      statement: long,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.text, 'statement')).toBe(
      'This is too long: at most 10000 characters, and it has 10001.',
    );
    expect(res.text).toContain(long);
  });

  it('every limited field of every form states its limit, in Russian too', async () => {
    const en = await cw.agent.get(`${caseUrl}/edit/person`);
    expect(en.text).toMatch(/id="f-pseudonym-limit">Up to 80 characters\./);
    expect(en.text).toMatch(/id="f-citizenships-limit">Up to 5 entries\./);
    const page = await cw.agent.get(caseUrl);
    expect(page.text).toContain('Up to 50 entries.');
    const interview = await cw.agent.get(`${caseUrl}/lists/interviews/new`);
    expect(interview.text).toMatch(/id="f-minutes-limit">At most 1\u202F440\./);
    const ruUser = await signIn(t.app, await addUser(t.app, 'caseworker'));
    await ruUser.agent.post('/language').type('form').send({ _csrf: ruUser.csrf, locale: 'ru', next: '/' });
    const imported = await ruUser.agent
      .post('/cases/import')
      .set('x-csrf-token', ruUser.csrf)
      .set('content-type', 'application/json')
      .send(JSON.stringify(fixture('anton')));
    const ru = await ruUser.agent.get(`${imported.headers.location}/edit/desertion`);
    expect(ru.text).toContain('До 10\u202F000 символов.');
    expect(ru.text).toContain('data-template="{count} из {max} символов"');
    expect(ru.text).toContain('День.месяц.год');
  });

  it('an interview of 3e9 minutes or one of 1,441 is refused beside the field', async () => {
    for (const [minutes, message] of [
      ['3000000000', 'whole number'],
      ['1441', 'no larger than 1440'],
    ] as const) {
      const res = await submitForm(cw.agent, `${caseUrl}/lists/interviews/new`, {
        on: '01.11.2026',
        language: 'ru',
        minutes,
      });
      expect(res.status).toBe(400);
      expect(errorOf(res.text, 'minutes')).toContain(message);
    }
  });

  it('a full list takes no more entries: refused on save, and the case page offers no "add"', async () => {
    const file: CaseFile = fixture('anton');
    const document = file.documents[0]!;
    file.documents = Array.from({ length: 50 }, () => ({ ...document }));
    const created = await importJson(file);
    expect(created.status, created.text).toBe(201);
    const url = created.headers.location as string;
    const page = await cw.agent.get(url);
    expect(page.text).not.toContain(`class="button" href="${url}/lists/documents/new"`);
    expect(page.text).toContain(`class="button" href="${url}/lists/deployments/new"`);
    const res = await submitForm(cw.agent, `${url}/lists/documents/new`, {
      type: 'other',
      seen: 'copy',
      validity: 'unknown',
      authenticity: 'unchecked',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Remove one before adding another');
  });
});

describe('dates in the forms', () => {
  it('the date input is text with its format said beside it, and a stored date shows day first', async () => {
    const form = await cw.agent.get(`${caseUrl}/edit/person`);
    expect(form.text).not.toContain('type="date"');
    expect(form.text).toMatch(
      /<input id="f-dateOfBirth" name="dateOfBirth" type="text" value="[^"]*" class="date" autocomplete="off" inputmode="numeric"/,
    );
    expect(form.text).toContain('Day.month.year, for example 24.09.2022');
  });

  it('31.01.1990 typed day first is saved as 1990-01-31; 30.02.1990 is refused beside the field and kept', async () => {
    const ok = await submitForm(cw.agent, `${caseUrl}/edit/person`, {
      pseudonym: 'Anton B.',
      dateOfBirth: '31.01.1990',
      citizenships: ['RU'],
    });
    expect(ok.status, ok.text.slice(0, 500)).toBe(303);
    expect((await stored()).person.dateOfBirth).toBe('1990-01-31');
    expect((await cw.agent.get(`${caseUrl}/edit/person`)).text).toContain('value="31.01.1990"');

    const bad = await submitForm(cw.agent, `${caseUrl}/edit/person`, {
      pseudonym: 'Anton B.',
      dateOfBirth: '30.02.1990',
      citizenships: ['RU'],
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.text, 'dateOfBirth')).toContain('Enter a real date');
    expect(bad.text).toContain('value="30.02.1990"');
    expect((await stored()).person.dateOfBirth).toBe('1990-01-31');
  });

  it('dates of birth in 2999, of year 1, or giving an age under 14 are refused', async () => {
    for (const [dateOfBirth, message] of [
      ['01.01.2999', 'between 1900 and 2099'],
      ['0001-01-01', 'between 1900 and 2099'],
      ['01.01.2020', 'age under 14 or over 100'],
    ] as const) {
      const res = await submitForm(cw.agent, `${caseUrl}/edit/person`, {
        pseudonym: 'Anton B.',
        dateOfBirth,
        citizenships: ['RU'],
      });
      expect(res.status, dateOfBirth).toBe(400);
      expect(errorOf(res.text, 'dateOfBirth')).toContain(message);
    }
  });

  it('a deployment ending before it starts, and a desertion after today, are errors beside the field', async () => {
    const deployment = await submitForm(cw.agent, `${caseUrl}/lists/deployments/new`, {
      from: '10.05.2023',
      to: '01.05.2023',
      region: 'donetsk',
      endedBy: 'rotation',
    });
    expect(deployment.status).toBe(400);
    expect(errorOf(deployment.text, 'to')).toContain('before the start date');
    const desertion = await submitForm(cw.agent, `${caseUrl}/edit/desertion`, {
      kind: 'deserter',
      leftOn: '01.01.2027',
      manner: 'awol_from_base',
    });
    expect(desertion.status).toBe(400);
    expect(errorOf(desertion.text, 'leftOn')).toContain('after today');
  });
});

describe('the JSON import', () => {
  it('NUL bytes, 3e9 minutes, a cleared flag twice, 8,000 documents, a 2999 birth: 400 with each path', async () => {
    const file: CaseFile = fixture('anton');
    file.person.pseudonym = 'Anton\u0000';
    file.destinations[0]!.applications = [{ type: 'visa\u0000', filedOn: '2026-01-10', status: 'pending' }];
    file.verification.interviews[0]!.minutes = 3e9;
    file.review = { clearedFlags: ['UNIT_UNKNOWN', 'UNIT_UNKNOWN'] };
    file.person.dateOfBirth = '2999-01-01';
    const document = file.documents[0]!;
    file.documents = Array.from({ length: 8000 }, () => ({ ...document }));
    const res = await importJson(file);
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'person.pseudonym',
        'person.dateOfBirth',
        'documents',
        'destinations[0].applications[0].type',
        'verification.interviews[0].minutes',
        'review.clearedFlags[1]',
      ]),
    );
  });

  it('a case file over 1 MB is 413; invalid UTF-8 or a lone surrogate is refused, not repaired', async () => {
    const big = await importJson(Buffer.from(`{"x":"${'a'.repeat(1100 * 1024)}"}`));
    expect(big.status).toBe(413);
    const text = JSON.stringify(fixture('anton'));
    const at = text.indexOf('"pseudonym":"') + 13;
    const broken = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xff]),
      Buffer.from(text.slice(at)),
    ]);
    const notUtf8 = await importJson(broken);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.errors[0].message).toBe('not UTF-8 text');
    const surrogate = await importJson(text.replace(/"pseudonym":"/, '"pseudonym":"\\ud800'));
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors).toEqual([
      { path: 'person.pseudonym', message: 'contains an invalid character' },
    ]);
  });

  it('an uploaded file lists the problems in the reader language', async () => {
    const file: CaseFile = fixture('anton');
    file.person.pseudonym = '\u202EAnton';
    const res = await cw.agent
      .post('/cases/import')
      .field('_csrf', cw.csrf)
      .attach('file', Buffer.from(JSON.stringify(file)), {
        filename: 'c.json',
        contentType: 'application/json',
      });
    expect(res.status).toBe(400);
    expect(res.text).toContain('contains a text-direction control character');
  });
});

describe('account forms', () => {
  it('a display name with a NUL byte or only invisible characters is refused beside the field', async () => {
    for (const displayName of ['Case\u0000Worker', '\u200B\u200B']) {
      const res = await admin.agent
        .post('/admin/users')
        .type('form')
        .send({ _csrf: admin.csrf, displayName, email: 'nul.test@example.org', role: 'caseworker' });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="f-displayName-error"/);
    }
  });

  it('signing in with a NUL byte in the email is an ordinary refusal, not a 500', async () => {
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: 'someone\u0000@example.org', password: 'whatever it is' });
    expect(res.status).toBe(400);
  });
});
