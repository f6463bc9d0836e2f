/** What a caseworker or a consulate reads: one date format per locale, no JSON paths, agreement, corrections. */
import { describe, expect, it } from 'vitest';
import { type CaseFile, evaluate } from '../../rules/index';
import { validFixtures } from '../helpers/fixtures';
import { build, TODAY } from './builder';

const busy = build((c) => {
  c.documents[1]!.authenticity = 'anomalies';
  c.documents[2]!.seen = 'none';
  c.service.unit = 'Шторм-Z';
  c.deployments = [
    { from: '2022-03-01', to: '2022-03-20', region: 'kyiv', place: 'Буча', endedBy: 'leave' },
    { from: '2022-05-01', to: '2022-06-01', region: 'kharkiv', endedBy: 'injury' },
  ];
  c.persecution.criminalCases = [
    { article: '338', stage: 'wanted', evidenceSeen: false, openedOn: '2023-06-01' },
    { article: '337', stage: 'opened', evidenceSeen: true, openedOn: '2023-06-01' },
  ];
  c.persecution.wantedList = 'interstate';
  c.route = [
    {
      date: '2023-05-02',
      from: 'RU',
      to: 'AM',
      mode: 'land',
      documentUsed: 'internal_passport',
      incident: 'removed_from_flight',
    },
  ];
  c.currentStay = {
    country: 'KZ',
    since: '2023-05-02',
    basis: 'visa_free',
    stayEndsOn: '2026-11-30',
    incidents: ['police_contact'],
  };
  c.verification.openSource = [{ source: 'media', result: 'contradicts' }];
  c.destinations = [
    {
      country: 'DE',
      pathway: 'work_visa',
      applications: [{ type: 'visa', filedOn: '2024-01-01', status: 'denied' }],
    },
    { country: 'KZ', pathway: 'asylum_in_country' },
  ];
  c.person.dateOfBirth = '2030-01-01';
});
const cases: [string, CaseFile][] = [...validFixtures(), ['busy', busy]];

describe.each(['en', 'ru'] as const)('every message in %s', (locale) => {
  const texts = cases.flatMap(([, c]) => {
    const a = evaluate(c, TODAY, { locale });
    return [
      ...a.flags.map((f) => f.message),
      ...a.checklist.map((i) => i.detail),
      ...a.destinations.flatMap((d) => d.notes),
    ];
  });
  it('writes dates one way and names no JSON path', () => {
    for (const text of texts) {
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/[a-z]\[\d+\]|\b(service|currentStay|desertion|person)\.[a-z]/);
    }
  });
  it('has no template joints', () => {
    for (const text of texts)
      expect(text).not.toMatch(/в стране: |\(\w+ \(\w\w\)\)|\(Межгос|: Военный|сми\b/);
  });
});

describe('Russian corrections', () => {
  const ru = evaluate(busy, TODAY, { locale: 'ru' });
  it('the Storm units agree as a plural', () => {
    expect(ru.flags.find((f) => f.id === 'UNIT_IMPLICATED')!.message).toContain(
      '«Шторм-V» (определена по распространённому названию «Шторм Z»), публично связанные с',
    );
  });
  it('the German §22 note does not speak of outstanding merit', () => {
    const de = evaluate(
      build((c) => {
        c.destinations = [{ country: 'DE', pathway: 'humanitarian_visa' }];
      }),
      TODAY,
      { locale: 'ru' },
    );
    expect(de.destinations[0]!.notes.join(' ')).toContain('особой заинтересованности');
    expect(de.destinations[0]!.notes.join(' ')).not.toContain('выдающихся заслуг');
  });
  it('the wanted list is in lower case mid-sentence', () => {
    expect(ru.flags.find((f) => f.id === 'WANTED_TRAVEL_RISK')!.message).toContain(
      'межгосударственный розыск СНГ',
    );
  });
  it('the service-proof item names everything that counts', () => {
    expect(evaluate(busy, TODAY).checklist.find((i) => i.id === 'DOC_SERVICE_PROOF')!.label).toBe(
      'See proof of military service (military or officer ID, contract, call-up summons or service certificate)',
    );
  });
  it('several deployments overlap, in agreement', () => {
    expect(evaluate(busy, TODAY).flags.find((f) => f.id === 'UNIT_IMPLICATED')!.message).toContain(
      'deployments 1 Mar 2022 – 20 Mar 2022 and 1 May 2022 – 1 Jun 2022 overlap',
    );
  });
});
