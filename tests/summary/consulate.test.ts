// What a consulate reads: the partner and minimal profiles cite public sources only and none of the rules'
// advice to caseworkers, state his actual basis of stay, carry the organisation's letterhead and the approving
// supervisor's signature block, withhold his names however a reason spells them (minimal), and print every
// character as itself or not at all. An incomplete case names what is missing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { createCase, recordEvent } from '../../server/cases/repository';
import { formatDay } from '../../server/i18n/dates';
import { type Agent, addUser, signIn, type TestApp, type TestUser, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';
import { approve, download, importFor, pdfPages } from './helpers';

let t: TestApp;
let holder: TestUser;
let sup: TestUser;
let admin: TestUser;
let a: { agent: Agent; csrf: string };

const pdfText = async (caseId: string, profile: string, lang = 'en') =>
  (
    await pdfPages(
      (
        await download(a.agent, `/cases/${caseId}/summary.pdf?profile=${profile}&lang=${lang}`)
      ).body,
    )
  ).join(' ');

beforeAll(async () => {
  t = await testApp({ env: { ORG_NAME: 'Env Org Name' } });
  holder = await addUser(t.app, 'caseworker');
  sup = await addUser(t.app, 'supervisor');
  admin = await addUser(t.app, 'admin');
  a = await signIn(t.app, holder);
});
afterAll(() => t.close());

describe('sources and advice in the consulate-facing profiles', () => {
  let id: string;
  beforeAll(async () => {
    id = await importFor(t.app, fixture('anton'), holder);
  });

  it('partner and minimal cite web addresses only; full keeps the reference data as written', async () => {
    const full = await pdfText(id, 'full');
    // The reference data cites publisher, date and address; no fact names an internal file any more.
    expect(full).toContain('Mediazona, 2026-02-12: https://zona.media/article/2026/02/12/kz2026');
    expect(full).not.toContain('domain.md');
    for (const profile of ['partner', 'minimal']) {
      const text = await pdfText(id, profile);
      for (const internal of ['domain.md', 'Seed 00', 'seed 00', '.md:', 'Mediazona, 2026-02-12:'])
        expect(text, `${profile}: ${internal}`).not.toContain(internal);
      expect(text, profile).toContain('https://zona.media/article/2026/02/12/kz2026');
      expect(text, profile).toContain('https://www.kommersant.ru/doc/8336959');
      // Every "Source:" line names a web address.
      for (const cited of text.match(/Source: \S+/g) ?? [])
        expect(cited, profile).toMatch(/^Source: https:\/\//);
    }
  });

  it('partner and minimal leave out what the rules tell the caseworker to do', async () => {
    const advice = [
      'Keep his address out of every message',
      'plan a move to a safer country',
      "without a lawyer's clearance",
      'Confirm it with documents and knowledge checks',
      'see the passport item',
    ];
    const full = await pdfText(id, 'full');
    for (const line of advice) expect(full, line).toContain(line);
    for (const profile of ['partner', 'minimal']) {
      const text = await pdfText(id, profile);
      for (const line of advice) expect(text, `${profile}: ${line}`).not.toContain(line);
      // The findings themselves stay, by title, with the supervisor's decisions.
      expect(text).toContain('Dangerous host country');
    }
  });

  it('states his actual basis of stay, not the visa-free limit of the country', async () => {
    // anton: temporary residence in Kazakhstan until 2027-03-01.
    for (const profile of ['full', 'partner']) {
      const text = await pdfText(id, profile);
      expect(text).toContain('Legal basis of stay Temporary residence');
      expect(text).toContain('Permitted stay until 1 Mar 2027');
      expect(text).not.toContain('90 days in any 180');
    }
    const visaFree = fixture('anton');
    visaFree.currentStay = { ...visaFree.currentStay, basis: 'visa_free', stayEndsOn: '2026-12-20' };
    const other = await importFor(t.app, visaFree, holder);
    expect(await pdfText(other, 'partner')).toContain(
      'Permitted stay visa-free: 90 days in any 180; until 20 Dec 2026',
    );
  });
});

describe('letterhead and signature block', () => {
  it('an admin sets the letterhead on the settings page; the change is audited without its values', async () => {
    const ad = await signIn(t.app, admin);
    const page = await ad.agent.get('/admin/organisation');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="Env Org Name"');
    const bad = await ad.agent
      .post('/admin/organisation')
      .type('form')
      .send({ _csrf: ad.csrf, name: '', address: 'Typed address stays', contact: '', signatoryRole: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(
      /id="f-name-error">Enter the organisation&#39;s name\.|id="f-name-error">Enter the organisation's name\./,
    );
    expect(bad.text).toContain('value="Typed address stays"');
    const saved = await ad.agent.post('/admin/organisation').type('form').send({
      _csrf: ad.csrf,
      name: 'Safe Passage Network',
      address: 'Postfach 1234, 10117 Berlin, Germany',
      contact: '+49 30 000000 · casework@safepassage.example',
      signatoryRole: 'Head of casework',
    });
    expect(saved.status).toBe(303);
    const [row] = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'organisation.updated'), eq(auditLog.actorId, admin.id)));
    expect(row?.detail).toEqual({ fields: ['name', 'address', 'contact', 'signatoryRole'] });
    expect(JSON.stringify(row)).not.toContain('Berlin');
  });

  it('no one but an admin may change it', async () => {
    for (const user of [holder, sup]) {
      const s = await signIn(t.app, user);
      const res = await s.agent
        .post('/admin/organisation')
        .type('form')
        .send({ _csrf: s.csrf, name: 'Hijacked', address: '', contact: '', signatoryRole: '' });
      expect(res.status).not.toBe(303);
    }
    expect(await pdfText(await importFor(t.app, fixture('anton'), holder), 'minimal')).not.toContain(
      'Hijacked',
    );
  });

  it('every summary opens with the letterhead; an approved one ends its referral with the signature block', async () => {
    const id = await importFor(t.app, fixture('anton'), holder);
    await approve(t.app, id, sup);
    const pages = await pdfPages(
      (await download(a.agent, `/cases/${id}/summary.pdf?profile=partner&lang=en`)).body,
    );
    expect(pages[0]).toMatch(/^Safe Passage Network Postfach 1234, 10117 Berlin, Germany \+49 30 000000/);
    const text = pages.join(' ');
    const day = formatDay(t.app.clock(), 'en');
    const dayRu = formatDay(t.app.clock(), 'ru');
    const [approver] = await t.app.db.select().from(users).where(eq(users.id, sup.id));
    const name = approver!.displayName;
    expect(text).toContain(`Approved by ${name} Role Head of casework Date ${day} Signature`);
    const ru = (
      await pdfPages((await download(a.agent, `/cases/${id}/summary.pdf?profile=partner&lang=ru`)).body)
    ).join(' ');
    expect(ru).toContain(`Утвердил(а) ${name} Должность Head of casework Дата ${dayRu} Подпись`);
    // A draft has no signature block: nothing to sign yet.
    const draft = await importFor(t.app, fixture('anton'), holder);
    expect(await pdfText(draft, 'partner')).not.toContain('Signature');
  });
});

describe('the text of every PDF', () => {
  it('extracts whole, however many summaries the process wrote before (no letter lost from the text layer)', async () => {
    const id = await importFor(t.app, fixture('anton'), holder);
    for (const [profile, lang, title] of [
      ['full', 'en', 'Case summary'],
      ['partner', 'ru', 'Сводка по делу'],
      ['partner', 'en', 'Case summary'],
      ['minimal', 'en', 'Case summary'],
      ['full', 'ru', 'Сводка по делу'],
    ] as const) {
      const pages = await pdfPages(
        (await download(a.agent, `/cases/${id}/summary.pdf?profile=${profile}&lang=${lang}`)).body,
      );
      expect(pages[0], `${profile} ${lang}`).toContain(title);
      expect(pages[0], `${profile} ${lang}`).toContain('Anton');
    }
  });
});

describe('his names in free text (minimal)', () => {
  it('are withheld in any script, transliteration, letter case or Russian case ending', async () => {
    const file: CaseFile = fixture('anton');
    file.person.fullName = 'Ivan Sergeyevich Petrov';
    file.person.fullNameNative = 'Иван Сергеевич Петров';
    const id = await importFor(t.app, file, holder);
    const reason =
      'Говорили с Петровым и Ивану; IVAN PETROV confirmed it, as did Petrovym, Sergeevich and Ivana Petrova’s brother.';
    await recordEvent(t.app.db, t.app.keyRing, {
      caseId: id,
      kind: 'flag_upheld',
      actorId: sup.id,
      at: t.app.clock(),
      detail: { flagId: 'HOST_HIGH_RISK' },
      text: reason,
    });
    const minimal = await pdfText(id, 'minimal');
    for (const spelled of ['Петров', 'Ивану', 'IVAN', 'PETROV', 'Petrovym', 'Sergeevich', 'Ivana', 'Petrova'])
      expect(minimal, spelled).not.toContain(spelled);
    expect(minimal).toContain('Говорили с [withheld] и [withheld]; [withheld] [withheld] confirmed it');
    // The pseudonym is what the summary calls him: it stays.
    expect(minimal).toContain('Anton');
    expect(await pdfText(id, 'partner')).toContain(reason);
  });
});

describe('characters outside the typeface', () => {
  it('print as themselves (Ukrainian, Kazakh) or are dropped cleanly (emoji), never as a box', async () => {
    const file = fixture('anton');
    file.desertion.statement =
      'Я пішов 🙏 з частини. Їжак ґанок є. Қазақстанда өмір сүрдім 🇰🇿, әке ұлы үйде. Thanks 👍🏽!';
    const id = await importFor(t.app, file, holder);
    const res = await download(a.agent, `/cases/${id}/summary.pdf?profile=full&lang=en`);
    const text = (await pdfPages(res.body)).join(' ');
    expect(text).toContain('Я пішов з частини. Їжак ґанок є. Қазақстанда өмір сүрдім, әке ұлы үйде. Thanks!');
    expect(text).not.toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFFFD|\u200D|\uFE0F/u);
    // The page on screen keeps them: the browser has fonts for them.
    const page = await a.agent.get(`/cases/${id}/summary?profile=full&lang=en`);
    expect(page.text).toContain('Thanks 👍🏽!');
  });
});

describe('a summary of an incomplete case', () => {
  it('names the missing sections, each linked to its form, and links back to the case', async () => {
    const { id } = await createCase(t.app.db, t.app.keyRing, {
      person: { pseudonym: 'Unfinished', citizenships: ['RU'] },
      assignedTo: holder.id,
      actorId: holder.id,
      now: t.app.clock(),
    });
    for (const url of [
      `/cases/${id}/summary.pdf?profile=partner&lang=en`,
      `/cases/${id}/summary?profile=partner`,
    ]) {
      const res = await a.agent.get(url);
      expect(res.status).toBe(409);
      for (const [form, title] of [
        ['service', 'Service'],
        ['desertion', 'Desertion'],
        ['persecution', 'Persecution'],
        ['currentStay', 'Current stay'],
        ['screening', 'Screening'],
      ])
        expect(res.text).toContain(`<a href="/cases/${id}/edit/${form}">${title}</a>`);
      expect(res.text).toContain(`href="/cases/${id}"`);
    }
  });
});
