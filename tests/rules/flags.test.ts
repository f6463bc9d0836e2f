/** One row per behaviour: the flag fires at the expected severity, or just does not. Base case: builder.ts. */
import { describe, expect, it } from 'vitest';
import { type CaseFile, evaluate, type FlagId, type Severity } from '../../rules/index';
import { build, TODAY } from './builder';

type Row = [
  name: string,
  id: FlagId,
  severity: Severity | null,
  change: (c: CaseFile) => void,
  today?: string,
];

const deploy = (c: CaseFile, d: Partial<CaseFile['deployments'][number]>) =>
  c.deployments.push({
    from: '2022-03-01',
    to: '2022-03-20',
    region: 'zaporizhzhia',
    endedBy: 'desertion',
    ...d,
  });

const rows: Row[] = [
  // documents
  [
    'forged document',
    'DOC_FORGED',
    'critical',
    (c) => {
      c.documents[0]!.authenticity = 'forged';
    },
  ],
  ['no forged document', 'DOC_FORGED', null, () => {}],
  [
    'document anomalies',
    'DOC_ANOMALIES',
    'high',
    (c) => {
      c.documents[2]!.authenticity = 'anomalies';
    },
  ],
  ['no anomalies', 'DOC_ANOMALIES', null, () => {}],
  [
    'document described only',
    'DOC_DESCRIBED_ONLY',
    'warning',
    (c) => {
      c.documents[2]!.seen = 'none';
    },
  ],
  [
    'a copy counts as seen',
    'DOC_DESCRIBED_ONLY',
    null,
    (c) => {
      c.documents[2]!.seen = 'copy';
    },
  ],
  // unit
  [
    '64 ОМСБр deployed in the Bucha window',
    'UNIT_IMPLICATED',
    'high',
    (c) => {
      c.service.unit = '64 ОМСБр';
      deploy(c, { region: 'kyiv' });
    },
  ],
  [
    'в/ч 51460 ending the day the window starts',
    'UNIT_IMPLICATED',
    'high',
    (c) => {
      c.service.unitNumber = '51460';
      deploy(c, { from: '2022-02-20', to: '2022-02-27' });
    },
  ],
  [
    '64th deployed the day before the window',
    'UNIT_IMPLICATED',
    null,
    (c) => {
      c.service.unitNumber = '51460';
      deploy(c, { from: '2022-02-20', to: '2022-02-26' });
    },
  ],
  [
    'ongoing Wagner deployment reaches today',
    'UNIT_IMPLICATED',
    'high',
    (c) => {
      c.service.unit = 'ЧВК Вагнер';
      deploy(c, { from: '2026-01-01', to: undefined, endedBy: 'ongoing' });
    },
  ],
  [
    '64th never deployed',
    'UNIT_IMPLICATED_NOT_PRESENT',
    'info',
    (c) => {
      c.service.unit = '64th Separate Guards Motor Rifle Brigade';
    },
  ],
  [
    '64th deployed outside the windows',
    'UNIT_IMPLICATED_NOT_PRESENT',
    'info',
    (c) => {
      c.service.unit = '64-я отдельная гвардейская мотострелковая бригада';
      deploy(c, { from: '2023-01-01', to: '2023-02-01' });
    },
  ],
  [
    '64th in the window is not "not present"',
    'UNIT_IMPLICATED_NOT_PRESENT',
    null,
    (c) => {
      c.service.unit = '64 ОМСБр';
      deploy(c, {});
    },
  ],
  ['no unit given', 'UNIT_UNKNOWN', 'info', () => {}],
  [
    'unit not in reference data',
    'UNIT_UNKNOWN',
    'info',
    (c) => {
      c.service.unit = '58th Combined Arms Army signals brigade';
    },
  ],
  [
    'known implicated unit is not unknown',
    'UNIT_UNKNOWN',
    null,
    (c) => {
      c.service.unitNumber = '74268';
    },
  ],
  [
    'unit cross-check inconsistent',
    'UNIT_CROSS_CHECK_FAILED',
    'high',
    (c) => {
      c.verification.unitCrossCheck = 'inconsistent';
    },
  ],
  [
    'unit cross-check unverifiable',
    'UNIT_CROSS_CHECK_FAILED',
    null,
    (c) => {
      c.verification.unitCrossCheck = 'unverifiable';
    },
  ],
  // role
  [
    'assault role',
    'ROLE_HIGH_RISK',
    'high',
    (c) => {
      c.service.role = 'assault';
    },
  ],
  [
    'sniper on one deployment',
    'ROLE_HIGH_RISK',
    'high',
    (c) => {
      deploy(c, { role: 'sniper' });
    },
  ],
  [
    'prison recruit',
    'ROLE_HIGH_RISK',
    'high',
    (c) => {
      c.service.serviceType = 'prison_recruit';
    },
  ],
  [
    'pmc',
    'ROLE_HIGH_RISK',
    'high',
    (c) => {
      c.service.serviceType = 'pmc';
    },
  ],
  [
    'motor rifle is neither',
    'ROLE_HIGH_RISK',
    null,
    (c) => {
      c.service.role = 'motor_rifle';
    },
  ],
  [
    'cook',
    'ROLE_LOW_RISK',
    'info',
    (c) => {
      c.service.role = 'cook';
    },
  ],
  [
    'tank crew is not support',
    'ROLE_LOW_RISK',
    null,
    (c) => {
      c.service.role = 'tank_crew';
    },
  ],
  [
    'PMC cook is not low risk',
    'ROLE_LOW_RISK',
    null,
    (c) => {
      c.service.role = 'cook';
      c.service.serviceType = 'pmc';
    },
  ],
  // deployment
  [
    'Bucha in the window',
    'DEPLOY_ATROCITY_WINDOW',
    'high',
    (c) => {
      deploy(c, { region: 'kyiv', place: 'Bucha' });
    },
  ],
  [
    'Ирпень (Ukrainian spelling) in the window',
    'DEPLOY_ATROCITY_WINDOW',
    'high',
    (c) => {
      deploy(c, { region: 'kyiv', place: 'Ірпінь' });
    },
  ],
  [
    'Izium ending the day the window starts (the assault began in early March 2022)',
    'DEPLOY_ATROCITY_WINDOW',
    'high',
    (c) => {
      deploy(c, { region: 'kharkiv', place: 'Изюм', from: '2022-02-24', to: '2022-03-01' });
    },
  ],
  [
    'Izium ending the day before the window',
    'DEPLOY_ATROCITY_WINDOW',
    null,
    (c) => {
      deploy(c, { region: 'kharkiv', place: 'Izium', from: '2022-02-24', to: '2022-02-28' });
    },
  ],
  [
    'Izium starting the day after its liberation',
    'DEPLOY_ATROCITY_WINDOW',
    null,
    (c) => {
      deploy(c, { region: 'kharkiv', place: 'Izium', from: '2022-09-11', to: '2022-10-01' });
    },
  ],
  [
    'Kyiv region only',
    'DEPLOY_ATROCITY_WINDOW',
    'warning',
    (c) => {
      deploy(c, { region: 'kyiv', place: 'Brovary' });
    },
  ],
  [
    'Donetsk region in the Mariupol window',
    'DEPLOY_ATROCITY_WINDOW',
    'warning',
    (c) => {
      deploy(c, { region: 'donetsk', from: '2022-05-20', to: '2022-06-01' });
    },
  ],
  [
    'Donetsk region after the Mariupol window',
    'DEPLOY_ATROCITY_WINDOW',
    null,
    (c) => {
      deploy(c, { region: 'donetsk', from: '2022-05-21', to: '2022-06-01' });
    },
  ],
  [
    'Bucha in 2023',
    'DEPLOY_ATROCITY_WINDOW',
    null,
    (c) => {
      deploy(c, { region: 'kyiv', place: 'Буча', from: '2023-01-01', to: '2023-02-01' });
    },
  ],
  [
    'went back after leave',
    'DEPLOY_REPEATED',
    'warning',
    (c) => {
      deploy(c, { endedBy: 'leave' });
      deploy(c, { from: '2022-05-01', to: '2022-06-01' });
    },
  ],
  [
    'went back after injury',
    'DEPLOY_REPEATED',
    'warning',
    (c) => {
      deploy(c, { endedBy: 'injury' });
      deploy(c, { from: '2022-05-01', to: '2022-06-01' });
    },
  ],
  [
    'one deployment ended by leave',
    'DEPLOY_REPEATED',
    null,
    (c) => {
      deploy(c, { endedBy: 'leave' });
    },
  ],
  [
    'earlier deployment ended by desertion',
    'DEPLOY_REPEATED',
    null,
    (c) => {
      deploy(c, { endedBy: 'other' });
      deploy(c, { from: '2022-05-01', to: '2022-06-01' });
    },
  ],
  ['never deployed', 'DEPLOY_NONE', 'info', () => {}],
  [
    'deployed',
    'DEPLOY_NONE',
    null,
    (c) => {
      deploy(c, {});
    },
  ],
  // persecution
  ['art. 337 case', 'PERSECUTION_EVIDENCE', 'info', () => {}],
  [
    'art. 275 only',
    'PERSECUTION_EVIDENCE',
    null,
    (c) => {
      c.persecution.criminalCases[0]!.article = '275';
    },
  ],
  [
    'self-inflicted injury',
    'PERSECUTION_SELF_HARM',
    'warning',
    (c) => {
      c.desertion.manner = 'self_inflicted_injury';
    },
  ],
  [
    'left hospital',
    'PERSECUTION_SELF_HARM',
    null,
    (c) => {
      c.desertion.manner = 'left_hospital';
    },
  ],
  [
    'art. 275',
    'PERSECUTION_TREASON_RISK',
    'high',
    (c) => {
      c.persecution.criminalCases[0]!.article = '275';
    },
  ],
  [
    'art. 352.1',
    'PERSECUTION_TREASON_RISK',
    'high',
    (c) => {
      c.persecution.criminalCases[0]!.article = '352.1';
    },
  ],
  [
    'art. 338',
    'PERSECUTION_TREASON_RISK',
    null,
    (c) => {
      c.persecution.criminalCases[0]!.article = '338';
    },
  ],
  [
    'no case, wanted unknown',
    'PERSECUTION_UNDOCUMENTED',
    'warning',
    (c) => {
      c.persecution.criminalCases = [];
      c.persecution.wantedList = 'unknown';
    },
  ],
  [
    'no case but on the domestic list',
    'PERSECUTION_UNDOCUMENTED',
    null,
    (c) => {
      c.persecution.criminalCases = [];
    },
  ],
  [
    'evader without summons',
    'EVADER_NO_CALL_UP',
    'warning',
    (c) => {
      c.desertion.kind = 'evader';
    },
  ],
  [
    'evader with summons seen',
    'EVADER_NO_CALL_UP',
    null,
    (c) => {
      c.desertion.kind = 'evader';
      c.documents.push({
        type: 'call_up_summons',
        seen: 'copy',
        validity: 'valid',
        authenticity: 'consistent',
      });
    },
  ],
  [
    'evader with summons described only',
    'EVADER_NO_CALL_UP',
    'warning',
    (c) => {
      c.desertion.kind = 'evader';
      c.documents.push({
        type: 'call_up_summons',
        seen: 'none',
        validity: 'lost',
        authenticity: 'unchecked',
      });
    },
  ],
  // passport and route
  [
    'passport expired yesterday',
    'PASSPORT_NONE_VALID',
    'warning',
    (c) => {
      c.documents[1]!.expiresOn = '2026-11-21';
    },
  ],
  [
    'passport expiring today is valid',
    'PASSPORT_NONE_VALID',
    null,
    (c) => {
      c.documents[1]!.expiresOn = TODAY;
    },
  ],
  [
    'passport confiscated',
    'PASSPORT_NONE_VALID',
    'warning',
    (c) => {
      c.documents[1]!.validity = 'confiscated';
    },
  ],
  [
    'travel document instead',
    'PASSPORT_NONE_VALID',
    null,
    (c) => {
      c.documents[1]!.type = 'travel_document';
    },
  ],
  [
    'interstate wanted list',
    'WANTED_TRAVEL_RISK',
    'high',
    (c) => {
      c.persecution.wantedList = 'interstate';
    },
  ],
  [
    'removed from a flight',
    'WANTED_TRAVEL_RISK',
    'high',
    (c) => {
      c.route[0]!.incident = 'removed_from_flight';
    },
  ],
  [
    'turned back only',
    'WANTED_TRAVEL_RISK',
    null,
    (c) => {
      c.route[0]!.incident = 'turned_back';
    },
  ],
  [
    'into Georgia on the internal passport',
    'ROUTE_DOCUMENT_IMPLAUSIBLE',
    'warning',
    (c) => {
      c.route[0]!.documentUsed = 'internal_passport';
    },
  ],
  [
    'into an EU state on the internal passport',
    'ROUTE_DOCUMENT_IMPLAUSIBLE',
    'warning',
    (c) => {
      c.route[0]!.to = 'LV';
      c.route[0]!.documentUsed = 'internal_passport';
    },
  ],
  [
    'into Kazakhstan on the internal passport',
    'ROUTE_DOCUMENT_IMPLAUSIBLE',
    null,
    (c) => {
      c.route[0]!.to = 'KZ';
      c.route[0]!.documentUsed = 'internal_passport';
    },
  ],
  // host country
  [
    'in Kazakhstan',
    'HOST_HIGH_RISK',
    'warning',
    (c) => {
      c.currentStay.country = 'KZ';
    },
  ],
  [
    'in Armenia',
    'HOST_HIGH_RISK',
    'warning',
    (c) => {
      c.currentStay.country = 'AM';
    },
  ],
  [
    'in Belarus',
    'HOST_HIGH_RISK',
    'critical',
    (c) => {
      c.currentStay.country = 'BY';
    },
  ],
  ['in Georgia', 'HOST_HIGH_RISK', null, () => {}],
  [
    'stay ends in 31 days',
    'HOST_STAY_ENDING',
    null,
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-23';
    },
  ],
  [
    'stay ends in exactly 30 days',
    'HOST_STAY_ENDING',
    'high',
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-22';
    },
  ],
  [
    'stay ends in 15 days',
    'HOST_STAY_ENDING',
    'high',
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-07';
    },
  ],
  [
    'stay ends in exactly 14 days',
    'HOST_STAY_ENDING',
    'critical',
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-06';
    },
  ],
  [
    'stay ends today',
    'HOST_STAY_ENDING',
    'critical',
    (c) => {
      c.currentStay.stayEndsOn = TODAY;
    },
  ],
  [
    'stay already ended',
    'HOST_STAY_ENDING',
    'critical',
    (c) => {
      c.currentStay.stayEndsOn = '2026-11-01';
    },
  ],
  [
    'no legal basis',
    'HOST_STAY_ENDING',
    'critical',
    (c) => {
      c.currentStay.basis = 'none';
      c.currentStay.stayEndsOn = undefined;
    },
  ],
  [
    'no end date',
    'HOST_STAY_ENDING',
    null,
    (c) => {
      c.currentStay.stayEndsOn = undefined;
    },
  ],
  [
    'deportation order',
    'HOST_INCIDENT',
    'critical',
    (c) => {
      c.currentStay.incidents = ['police_contact', 'deportation_order'];
    },
  ],
  [
    'police contact',
    'HOST_INCIDENT',
    'high',
    (c) => {
      c.currentStay.incidents = ['police_contact'];
    },
  ],
  [
    'surveillance',
    'HOST_INCIDENT',
    'high',
    (c) => {
      c.currentStay.incidents = ['surveillance'];
    },
  ],
  ['no incident', 'HOST_INCIDENT', null, () => {}],
  // timeline
  [
    'deployment before enlistment',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      deploy(c, { from: '2022-01-09', to: '2022-02-01' });
    },
  ],
  [
    'deployment on the day of enlistment',
    'TIMELINE_INCONSISTENT',
    null,
    (c) => {
      deploy(c, { from: '2022-01-10', to: '2022-02-01' });
    },
  ],
  [
    'left before enlisting',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      c.desertion.leftOn = '2021-12-01';
      c.route[0]!.date = '2021-12-02';
    },
  ],
  [
    'evader left before enlisting',
    'TIMELINE_INCONSISTENT',
    null,
    (c) => {
      c.desertion.kind = 'evader';
      c.desertion.leftOn = '2021-12-01';
      c.route[0]!.date = '2021-12-02';
    },
  ],
  [
    'case opened before he left',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      c.persecution.criminalCases[0]!.openedOn = '2023-04-30';
    },
  ],
  [
    'case opened the day he left',
    'TIMELINE_INCONSISTENT',
    null,
    (c) => {
      c.persecution.criminalCases[0]!.openedOn = '2023-05-01';
    },
  ],
  [
    'crossed out of Russia before leaving',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      c.route[0]!.date = '2023-04-30';
    },
  ],
  [
    'refuser crossing before leaving is not checked',
    'TIMELINE_INCONSISTENT',
    null,
    (c) => {
      c.desertion.kind = 'refuser';
      c.route[0]!.date = '2023-04-30';
    },
  ],
  [
    'interview tomorrow',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      c.verification.interviews[0]!.on = '2026-11-23';
    },
  ],
  [
    'interview today',
    'TIMELINE_INCONSISTENT',
    null,
    (c) => {
      c.verification.interviews[0]!.on = TODAY;
    },
  ],
  [
    'deployment ending before it starts',
    'TIMELINE_INCONSISTENT',
    'high',
    (c) => {
      deploy(c, { from: '2022-05-01', to: '2022-04-01' });
    },
  ],
  // verification and screening
  [
    'a knowledge check inconsistent',
    'VERIFY_KNOWLEDGE_FAILED',
    'high',
    (c) => {
      c.verification.knowledgeChecks[0]!.result = 'inconsistent';
    },
  ],
  [
    'a knowledge check unverifiable',
    'VERIFY_KNOWLEDGE_FAILED',
    null,
    (c) => {
      c.verification.knowledgeChecks[0]!.result = 'unverifiable';
    },
  ],
  [
    'pro-war posts',
    'SOCIAL_PRO_WAR',
    'warning',
    (c) => {
      c.verification.socialMedia = 'pro_war_content';
    },
  ],
  [
    'deleted accounts',
    'SOCIAL_PRO_WAR',
    null,
    (c) => {
      c.verification.socialMedia = 'deleted_accounts';
    },
  ],
  [
    'social media contradicts',
    'SOCIAL_CONTRADICTS',
    'high',
    (c) => {
      c.verification.socialMedia = 'contradicts_story';
    },
  ],
  [
    'social media pro-war only',
    'SOCIAL_CONTRADICTS',
    null,
    (c) => {
      c.verification.socialMedia = 'pro_war_content';
    },
  ],
  [
    'open source contradicts',
    'OPEN_SOURCE_CONTRADICTS',
    'high',
    (c) => {
      c.verification.openSource.push({ source: 'media', result: 'contradicts' });
    },
  ],
  [
    'open source finds nothing',
    'OPEN_SOURCE_CONTRADICTS',
    null,
    (c) => {
      c.verification.openSource[0]!.result = 'nothing_found';
    },
  ],
  [
    'admits participation',
    'SCREEN_PARTICIPATION',
    'critical',
    (c) => {
      c.screening.admitsParticipation = true;
    },
  ],
  ['does not admit participation', 'SCREEN_PARTICIPATION', null, () => {}],
  [
    'witnessed abuses',
    'SCREEN_WITNESS',
    'info',
    (c) => {
      c.screening.witnessedAbuses = true;
    },
  ],
  ['witnessed nothing', 'SCREEN_WITNESS', null, () => {}],
  [
    'security indicator',
    'SCREEN_SECURITY',
    'high',
    (c) => {
      c.screening.securityIndicators = ['unexplained_travel'];
    },
  ],
  ['no security indicator', 'SCREEN_SECURITY', null, () => {}],
  [
    'earlier application denied',
    'DEST_PRIOR_DENIAL',
    'info',
    (c) => {
      c.destinations[0]!.applications = [{ type: 'visa', filedOn: '2024-01-10', status: 'denied' }];
    },
  ],
  [
    'earlier application pending',
    'DEST_PRIOR_DENIAL',
    null,
    (c) => {
      c.destinations[0]!.applications = [{ type: 'visa', filedOn: '2024-01-10', status: 'pending' }];
    },
  ],
  // reference data reviewed 2026-11-22: stale after 90 days
  ['reference data 91 days old', 'REFDATA_STALE', 'info', () => {}, '2027-02-21'],
  ['reference data exactly 90 days old', 'REFDATA_STALE', null, () => {}, '2027-02-20'],
];

describe.each(rows)('%s', (_name, id, severity, change, today = TODAY) => {
  it(severity ? `fires ${id} at ${severity}` : `does not fire ${id}`, () => {
    const flags = evaluate(build(change), today).flags.filter((f) => f.id === id);
    if (severity === null) expect(flags).toEqual([]);
    else {
      expect(flags.length).toBeGreaterThan(0);
      expect(flags.map((f) => f.severity)).toContain(severity);
      for (const f of flags) {
        expect(f.facts.length).toBeGreaterThan(0);
        expect(f.message.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('flag details', () => {
  it('DOC_DESCRIBED_ONLY fires once per document never seen', () => {
    const c = build((c) => {
      c.documents[2]!.seen = 'none';
      c.documents[3]!.seen = 'none';
    });
    expect(evaluate(c, TODAY).flags.filter((f) => f.id === 'DOC_DESCRIBED_ONLY')).toHaveLength(2);
  });

  it('TIMELINE_INCONSISTENT lists every contradiction in one flag', () => {
    const c = build((c) => {
      c.persecution.criminalCases[0]!.openedOn = '2023-04-01';
      c.verification.interviews[0]!.on = '2027-01-01';
    });
    const flags = evaluate(c, TODAY).flags.filter((f) => f.id === 'TIMELINE_INCONSISTENT');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.facts).toEqual(
      expect.arrayContaining([
        'persecution.criminalCases[0].openedOn=2023-04-01',
        'verification.interviews[0].on=2027-01-01',
      ]),
    );
    expect(flags[0]!.message).toContain('1 Apr 2023');
    expect(flags[0]!.message).toContain('1 Jan 2027');
    expect(flags[0]!.message).not.toMatch(/deployments\[|\.from|\d{4}-\d{2}-\d{2}/);
    expect(flags[0]!.facts.join(' ')).toContain('2027-01-01');
  });

  it('HOST_HIGH_RISK names the country and cites its source', () => {
    const flag = evaluate(
      build((c) => {
        c.currentStay.country = 'KZ';
      }),
      TODAY,
    ).flags.find((f) => f.id === 'HOST_HIGH_RISK')!;
    expect(flag.facts).toEqual(['currentStay.country=KZ']);
    expect(flag.message).toContain('Kazakhstan');
    expect(flag.source).toMatch(/^https:\/\//);
  });

  it('REFDATA_STALE names the stale files by what they hold, and their dates as facts', () => {
    const flag = evaluate(build(), '2027-06-01').flags.find((f) => f.id === 'REFDATA_STALE')!;
    expect(flag.message).toContain('Host countries');
    expect(flag.facts).toContain('rules/data/host-countries.ts.reviewedOn=2026-11-22');
  });

  it('cleared flags stay, marked cleared', () => {
    const c = build((c) => {
      c.persecution.wantedList = 'interstate';
      c.review = { clearedFlags: ['WANTED_TRAVEL_RISK'] };
    });
    const a = evaluate(c, TODAY);
    expect(a.flags.find((f) => f.id === 'WANTED_TRAVEL_RISK')!.cleared).toBe(true);
    expect(a.riskLevel).toBe('low');
    expect(a.recommendation.action).toBe('refer_for_visa');
  });
});
