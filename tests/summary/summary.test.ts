// The case summary as a PDF and as a printable page: sections, page furniture (reference, profile, page N of
// M, draft mark), Cyrillic, embedded fonts, the redaction profiles, attachments, access and the audit log.
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cases, users } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { createCase, recordEvent } from '../../server/cases/repository';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import { approve, download, importFor, pdfPages } from './helpers';

const ORG = 'Safe Passage Network';
let t: TestApp;
let holder: TestUser;
let other: TestUser;
let sup: TestUser;
let a: { agent: Agent; csrf: string };
let b: { agent: Agent; csrf: string };
let antonId: string;
const logLines: string[] = [];

const sectionTitles = [
  'Identity',
  'Military service',
  'Deployments (timeline)',
  'Desertion',
  'Persecution evidence',
  'Route and current situation',
  'Verification performed',
  'Risk flags and supervisor decisions',
  'Referral',
  'Annex: every document held',
];

/** A case with a marker value in every identifying field. Markers avoid hyphens: lines may break at them. */
function markedCase(): CaseFile {
  const file = fixture('anton');
  file.person.fullName = 'Markerov Latinsky';
  file.person.fullNameNative = 'Маркеров Кириллица';
  file.person.dateOfBirth = '1991-03-17';
  file.person.dependants = [{ relation: 'MARKERRELATION', age: 7, withPerson: false }];
  file.service.unit = 'Маркерный полк связи';
  file.service.unitNumber = '97531';
  file.service.enlistedOn = '2017-09-13';
  file.deployments[0]!.place = 'Markerville';
  file.desertion.statement =
    'Я ушёл из части MARKERSTATEMENT, когда понял, что нас снова отправят под Запорожье.';
  file.documents[0]!.note = 'MARKERNOTE kept at ulitsa Abaya 12, phone +7 700 000 0000';
  file.verification.knowledgeChecks[0]!.topic = 'MARKERTOPIC dining hall';
  file.verification.vouchedBy = ['WP-2025-0999'];
  return file;
}

const identifying = {
  names: ['Markerov Latinsky', 'Маркеров Кириллица', '1991-03-17'],
  dependants: ['MARKERRELATION'],
  unit: ['Маркерный полк связи', '97531'],
  place: ['Markerville'],
  statement: ['MARKERSTATEMENT', 'Я ушёл из части'],
  note: ['MARKERNOTE', 'Abaya', '+7 700'],
  topic: ['MARKERTOPIC'],
  vouched: ['WP-2025-0999'],
  exactDate: ['2017-09-13'],
};
type Kind = keyof typeof identifying;
const promised: Record<'full' | 'partner' | 'minimal', Kind[]> = {
  full: [],
  partner: ['dependants', 'note'],
  minimal: ['names', 'dependants', 'unit', 'place', 'statement', 'note', 'topic', 'vouched', 'exactDate'],
};

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await testApp({ env: { ORG_NAME: ORG, NODE_ENV: 'development', LOG_LEVEL: 'info' }, logStream });
  holder = await addUser(t.app, 'caseworker');
  other = await addUser(t.app, 'caseworker');
  sup = await addUser(t.app, 'supervisor');
  a = await signIn(t.app, holder);
  b = await signIn(t.app, other);
  antonId = await importFor(t.app, fixture('anton'), holder);
});
afterAll(() => t.close());

describe('the PDF', () => {
  it('is an A4 attachment, never cached, named by the reference alone', async () => {
    const res = await download(a.agent, `/cases/${antonId}/summary.pdf?profile=partner&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="WP-\d{4}-\d{4}-summary-partner-en\.pdf"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595.28 x 841.89 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('embeds its fonts (PT Sans, TrueType) and carries real text', async () => {
    const res = await download(a.agent, `/cases/${antonId}/summary.pdf?profile=full&lang=en`);
    const raw = (res.body as Buffer).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+PTSans-Regular/);
    expect(raw).not.toMatch(/\/Subtype \/Image/);
    const pages = await pdfPages(res.body);
    expect(pages.join(' ')).toContain('Career officer');
  });

  it('has the header facts and every section', async () => {
    const res = await download(a.agent, `/cases/${antonId}/summary.pdf?profile=full&lang=en`);
    const text = (await pdfPages(res.body)).join(' ');
    const [row] = await t.app.db.select().from(cases).where(eq(cases.id, antonId));
    for (const expected of [
      ORG,
      'Case summary',
      row!.reference,
      'Generated on',
      `${holder.role} `,
      'Ruleset (assessed on) 2026.11',
      ...sectionTitles,
      // Service, persecution with its maximum penalty, host-country danger, verification, annex.
      'Art. 337 (unauthorised absence), part 5',
      '5 to 10 years when the absence is over one month',
      'CIS interstate wanted list',
      'Kazakhstan deported the deserter Zhilin',
      'dining hall location',
      'Court records: Confirms',
      'Certificate of no criminal record',
      '3 interviews, 270 minutes in all.',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('puts the reference, the profile and "page N of M" on every page', async () => {
    const res = await download(a.agent, `/cases/${antonId}/summary.pdf?profile=minimal&lang=en`);
    const pages = await pdfPages(res.body);
    const [row] = await t.app.db.select().from(cases).where(eq(cases.id, antonId));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(row!.reference);
      expect(page).toContain('Profile: minimal: pseudonym only, no identifying details');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});

describe('the draft mark', () => {
  it('is on every page until the referral is approved; the final version names the approver', async () => {
    const id = await importFor(t.app, fixture('anton'), holder);
    const before = await pdfPages(
      (await download(a.agent, `/cases/${id}/summary.pdf?profile=partner&lang=en`)).body,
    );
    for (const page of before) expect(page).toContain('DRAFT - not approved');

    await recordEvent(t.app.db, t.app.keyRing, {
      caseId: id,
      kind: 'flag_cleared',
      actorId: sup.id,
      at: t.app.clock(),
      detail: { flagId: 'WANTED_TRAVEL_RISK' },
      text: 'He stays put until a lawyer clears travel; the consulate route needs no CIS transit.',
    });
    await approve(t.app, id, sup);
    const after = await pdfPages(
      (await download(a.agent, `/cases/${id}/summary.pdf?profile=partner&lang=en`)).body,
    );
    const text = after.join(' ');
    expect(text).not.toContain('DRAFT');
    for (const page of after) expect(page).toContain(`Approved for referral by supervisor`);
    expect(text).toContain('Approved pathway France (FR) · Visa for asylum purposes');
    expect(text).toMatch(
      /Cleared by supervisor \d+ on \d{4}-\d{2}-\d{2}: He stays put until a lawyer clears travel/,
    );
  });

  it('stays while the status is referred without an approval naming the pathway, or approved but reopened', async () => {
    const noEvent = await importFor(t.app, fixture('anton'), holder);
    await t.app.db.update(cases).set({ status: 'referred' }).where(eq(cases.id, noEvent));
    const reopened = await importFor(t.app, fixture('anton'), holder);
    await approve(t.app, reopened, sup);
    await t.app.db.update(cases).set({ status: 'verification' }).where(eq(cases.id, reopened));
    for (const id of [noEvent, reopened]) {
      const pages = await pdfPages(
        (await download(a.agent, `/cases/${id}/summary.pdf?profile=full&lang=en`)).body,
      );
      for (const page of pages) expect(page).toContain('DRAFT - not approved');
    }
  });
});

describe('Cyrillic', () => {
  it('prints names, the unit and the statement in Russian as typed', async () => {
    const id = await importFor(t.app, markedCase(), holder);
    const text = (
      await pdfPages((await download(a.agent, `/cases/${id}/summary.pdf?profile=full&lang=en`)).body)
    ).join(' ');
    expect(text).toContain('Маркеров Кириллица');
    expect(text).toContain('Маркерный полк связи');
    expect(text).toContain(
      'Я ушёл из части MARKERSTATEMENT, когда понял, что нас снова отправят под Запорожье.',
    );
  });

  it('is written in the language chosen at export, whatever the language of the user who asks', async () => {
    const ru = await addUser(t.app, 'supervisor');
    await t.app.db.update(users).set({ locale: 'ru' }).where(eq(users.id, ru.id));
    const r = await signIn(t.app, ru);
    const url = (lang: string) => `/cases/${antonId}/summary.pdf?profile=partner&lang=${lang}`;
    const russian = (await pdfPages((await download(a.agent, url('ru'))).body)).join(' ');
    for (const expected of [
      'Сводка по делу',
      'Военная служба',
      'Доказательства преследования',
      'ЧЕРНОВИК - не утверждено',
      'от 5 до 10 лет',
      'Казахстан (KZ)',
      'Страница 1 из',
    ]) {
      expect(russian, expected).toContain(expected);
    }
    // The Russian-speaking supervisor exports for a French consulate: English, from the title to the rules'
    // own texts, with no Russian interface string in it.
    const english = (await pdfPages((await download(r.agent, url('en'))).body)).join(' ');
    for (const expected of ['Case summary', 'Military service', 'Kazakhstan (KZ)', 'Page 1 of'])
      expect(english, expected).toContain(expected);
    for (const russianOnly of ['Сводка', 'Военная служба', 'Страница'])
      expect(english).not.toContain(russianOnly);
  });

  it('asks for the language when a PDF link names none, instead of taking the interface language', async () => {
    const res = await a.agent.get(`/cases/${antonId}/summary.pdf?profile=full`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cases/${antonId}/summary?profile=full#export`);
    expect((await a.agent.get(`/cases/${antonId}/summary.pdf?profile=full&lang=xx`)).status).toBe(400);
  });
});

describe('redaction profiles', () => {
  let id: string;
  beforeAll(async () => {
    id = await importFor(t.app, markedCase(), holder);
    // A supervisor's reason quoting the unit: a withheld value must not leak through the text around it.
    await recordEvent(t.app.db, t.app.keyRing, {
      caseId: id,
      kind: 'flag_upheld',
      actorId: sup.id,
      at: t.app.clock(),
      detail: { flagId: 'HOST_HIGH_RISK' },
      text: 'Маркерный полк связи is known to us; Markerville too. He must leave.',
    });
  });

  for (const profile of ['full', 'partner', 'minimal'] as const) {
    it(`${profile} leaves out exactly what it promises, in the PDF and on the page`, async () => {
      const pdf = (
        await pdfPages((await download(a.agent, `/cases/${id}/summary.pdf?profile=${profile}&lang=en`)).body)
      ).join(' ');
      const html = (await a.agent.get(`/cases/${id}/summary?profile=${profile}`)).text;
      for (const [kind, markers] of Object.entries(identifying) as [Kind, string[]][]) {
        const withheld = promised[profile].includes(kind);
        for (const marker of markers) {
          expect(pdf.includes(marker), `${profile} PDF: ${kind} ${marker}`).toBe(!withheld);
          expect(html.includes(marker), `${profile} page: ${kind} ${marker}`).toBe(!withheld);
        }
      }
      // What every profile keeps: pseudonym, role, service type, dates (to the month at least), persecution,
      // verification outcomes.
      for (const kept of [
        'Anton',
        'Communications',
        'Career officer',
        '2017-09',
        'Art. 337',
        'Court records: Confirms',
      ]) {
        expect(pdf, `${profile}: ${kept}`).toContain(kept);
      }
      if (profile === 'minimal')
        expect(pdf).toContain('[withheld] is known to us; [withheld] too. He must leave.');
      // The rules' messages to the caseworker (here one quoting the unit) stay inside the organisation.
      expect(pdf.includes('is not among the units'), profile).toBe(profile === 'full');
    });
  }

  it('refuses a profile it does not know, and takes the most redacted one when none is named', async () => {
    expect((await a.agent.get(`/cases/${id}/summary.pdf?profile=everything&lang=en`)).status).toBe(400);
    const pdf = (await pdfPages((await download(a.agent, `/cases/${id}/summary.pdf?lang=en`)).body)).join(
      ' ',
    );
    expect(pdf).toContain('Profile: minimal');
    expect(pdf).not.toContain('Markerov Latinsky');
  });
});

describe('the printable page', () => {
  it('shows the same summary under the strict CSP: own stylesheet, no inline script or style', async () => {
    const res = await a.agent.get(`/cases/${antonId}/summary?profile=partner`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const title of sectionTitles) expect(res.text).toContain(title);
    expect(res.text).toContain('DRAFT - not approved');
    expect(res.text).toContain('href="/static/summary.css"');
    expect(res.text).not.toMatch(/<script(?! src="\/static\/)|style=|<style/);
    // The PDF is asked for through a form that names the profile and the language.
    expect(res.text).toContain(`action="/cases/${antonId}/summary.pdf"`);
    expect(res.text).toMatch(
      /<input type="radio" id="x-profile-partner" name="profile" value="partner" checked>/,
    );
    expect(res.text).toMatch(/<input type="radio" id="x-lang-en" name="lang" value="en" checked>/);
    const css = await a.agent.get('/static/summary.css');
    expect(css.status).toBe(200);
    expect(css.text).toContain('@media print');
  });

  it('is linked from the case page for each profile', async () => {
    const page = await a.agent.get(`/cases/${antonId}`);
    for (const profile of ['full', 'partner', 'minimal'])
      expect(page.text).toContain(`/cases/${antonId}/summary.pdf?profile=${profile}`);
  });
});

describe('access and audit', () => {
  it('answers 404 to whoever may not see the case, and for no such case', async () => {
    for (const url of [
      `/cases/${antonId}/summary.pdf?profile=minimal`,
      `/cases/${antonId}/summary?profile=minimal`,
    ]) {
      expect((await b.agent.get(url)).status).toBe(404);
    }
    expect((await a.agent.get('/cases/00000000-0000-4000-8000-000000000000/summary.pdf')).status).toBe(404);
  });

  it('answers 409 for a case not yet complete enough to summarise', async () => {
    const { id } = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: 'Unfinished', citizenships: ['RU'] },
      assignedTo: holder.id,
      actorId: holder.id,
      now: t.app.clock(),
    });
    const res = await a.agent.get(`/cases/${id}/summary.pdf?profile=full&lang=en`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('The case is not complete');
  });

  it('records every export with its profile and format, ids and codes only', async () => {
    const supervisor = await signIn(t.app, sup);
    await download(supervisor.agent, `/cases/${antonId}/summary.pdf?profile=full&lang=en`);
    await supervisor.agent.get(`/cases/${antonId}/summary?profile=minimal`);
    const rows = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.summary_exported'), eq(auditLog.actorId, sup.id)))
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.targetType, r.targetId, r.detail])).toEqual([
      ['case', antonId, { profile: 'full', format: 'pdf', language: 'en' }],
      ['case', antonId, { profile: 'minimal', format: 'html', language: 'en' }],
    ]);
  });

  it('keeps personal data out of the logs', async () => {
    const id = await importFor(t.app, markedCase(), holder);
    logLines.length = 0;
    await download(a.agent, `/cases/${id}/summary.pdf?profile=full&lang=en`);
    const logs = logLines.join('');
    expect(logs).toContain('/cases/:id/summary.pdf');
    for (const marker of [...Object.values(identifying).flat(), 'Anton']) expect(logs).not.toContain(marker);
  });
});
