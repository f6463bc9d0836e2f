/**
 * A small, valid, verified case that fires only info flags and is referred to France; tests change what they
 * need with `build(c => { ... })`, one row per behaviour.
 */
import { type CaseFile, parseCaseFile } from '../../rules/index';

export const TODAY = '2026-11-22';

export const baseCase: CaseFile = {
  format: 'waypost-case/1',
  person: { pseudonym: 'Base', citizenships: ['RU'] },
  documents: [
    { type: 'internal_passport', seen: 'original', validity: 'valid', authenticity: 'consistent' },
    {
      type: 'international_passport',
      seen: 'original',
      validity: 'valid',
      authenticity: 'consistent',
      expiresOn: '2030-01-01',
    },
    { type: 'military_id', seen: 'original', validity: 'valid', authenticity: 'consistent' },
    { type: 'criminal_case_file', seen: 'copy', validity: 'valid', authenticity: 'consistent' },
  ],
  service: {
    serviceType: 'contract',
    branch: 'ground_forces',
    role: 'communications',
    enlistedOn: '2022-01-10',
  },
  deployments: [],
  desertion: { kind: 'deserter', leftOn: '2023-05-01', manner: 'awol_from_base' },
  persecution: {
    criminalCases: [{ article: '337', openedOn: '2023-06-01', stage: 'charged', evidenceSeen: true }],
    wantedList: 'domestic',
  },
  route: [
    {
      date: '2023-05-02',
      from: 'RU',
      to: 'GE',
      mode: 'land',
      documentUsed: 'international_passport',
      incident: 'none',
    },
  ],
  currentStay: {
    country: 'GE',
    since: '2023-05-02',
    basis: 'visa_free',
    stayEndsOn: '2027-06-01',
    incidents: [],
  },
  destinations: [{ country: 'FR', pathway: 'asylum_visa' }],
  verification: {
    interviews: [{ on: '2026-10-01', language: 'ru', minutes: 90 }],
    knowledgeChecks: [
      { topic: 'dining hall', result: 'consistent' },
      { topic: 'memorial', result: 'consistent' },
      { topic: 'call sign', result: 'consistent' },
    ],
    unitCrossCheck: 'consistent',
    socialMedia: 'nothing_found',
    openSource: [{ source: 'court_records', result: 'confirms' }],
  },
  screening: { witnessedAbuses: false, admitsParticipation: false, securityIndicators: [] },
};

/** A copy of the base case with `change` applied; throws if the result is not a valid case file. */
export function build(change: (c: CaseFile) => void = () => {}): CaseFile {
  const c = structuredClone(baseCase);
  change(c);
  const parsed = parseCaseFile(c);
  if (!parsed.ok) throw new Error(`test case invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
