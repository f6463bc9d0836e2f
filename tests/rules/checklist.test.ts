/** Checklist items, destination verdicts and the recommendation, one row per behaviour. */
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type CaseFile,
  type ChecklistId,
  type ChecklistStatus,
  evaluate,
  type Verdict,
} from '../../rules/index';
import { build, TODAY } from './builder';

type ItemRow = [name: string, id: ChecklistId, status: ChecklistStatus, change: (c: CaseFile) => void];

const items: ItemRow[] = [
  ['internal passport seen', 'DOC_IDENTITY', 'done', () => {}],
  [
    'passports only described',
    'DOC_IDENTITY',
    'todo',
    (c) => {
      c.documents[0]!.seen = 'none';
      c.documents[1]!.seen = 'none';
    },
  ],
  ['military ID seen', 'DOC_SERVICE_PROOF', 'done', () => {}],
  [
    'call-up summons copy',
    'DOC_SERVICE_PROOF',
    'done',
    (c) => {
      c.documents[2]!.type = 'call_up_summons';
      c.documents[2]!.seen = 'copy';
    },
  ],
  [
    'discharge papers are not proof',
    'DOC_SERVICE_PROOF',
    'todo',
    (c) => {
      c.documents[2]!.type = 'discharge_papers';
    },
  ],
  ['every case evidenced', 'DOC_CRIMINAL_CASE', 'done', () => {}],
  [
    'a case without papers',
    'DOC_CRIMINAL_CASE',
    'todo',
    (c) => {
      c.persecution.criminalCases.push({ article: '338', stage: 'wanted', evidenceSeen: false });
    },
  ],
  [
    'no case claimed',
    'DOC_CRIMINAL_CASE',
    'not_applicable',
    (c) => {
      c.persecution.criminalCases = [];
    },
  ],
  ['every seen document consistent', 'DOC_AUTHENTICITY', 'done', () => {}],
  [
    'an unchecked document',
    'DOC_AUTHENTICITY',
    'todo',
    (c) => {
      c.documents[3]!.authenticity = 'unchecked';
    },
  ],
  [
    'an unchecked document never seen does not count',
    'DOC_AUTHENTICITY',
    'done',
    (c) => {
      c.documents[3]!.authenticity = 'unchecked';
      c.documents[3]!.seen = 'none';
    },
  ],
  [
    'no document seen',
    'DOC_AUTHENTICITY',
    'todo',
    (c) => {
      c.documents = [];
    },
  ],
  ['one interview', 'VERIFY_INTERVIEW', 'done', () => {}],
  [
    'no interview',
    'VERIFY_INTERVIEW',
    'todo',
    (c) => {
      c.verification.interviews = [];
    },
  ],
  ['3 consistent checks', 'VERIFY_KNOWLEDGE_CHECKS', 'done', () => {}],
  [
    '2 consistent checks',
    'VERIFY_KNOWLEDGE_CHECKS',
    'todo',
    (c) => {
      c.verification.knowledgeChecks.pop();
    },
  ],
  [
    '3 consistent and one inconsistent',
    'VERIFY_KNOWLEDGE_CHECKS',
    'blocked',
    (c) => {
      c.verification.knowledgeChecks.push({ topic: 'x', result: 'inconsistent' });
    },
  ],
  ['cross-check consistent', 'VERIFY_UNIT_CROSS_CHECK', 'done', () => {}],
  [
    'cross-check unverifiable',
    'VERIFY_UNIT_CROSS_CHECK',
    'todo',
    (c) => {
      c.verification.unitCrossCheck = 'unverifiable';
    },
  ],
  [
    'cross-check inconsistent',
    'VERIFY_UNIT_CROSS_CHECK',
    'blocked',
    (c) => {
      c.verification.unitCrossCheck = 'inconsistent';
    },
  ],
  [
    'social media checked',
    'VERIFY_SOCIAL_MEDIA',
    'done',
    (c) => {
      c.verification.socialMedia = 'deleted_accounts';
    },
  ],
  [
    'social media not done',
    'VERIFY_SOCIAL_MEDIA',
    'todo',
    (c) => {
      c.verification.socialMedia = 'not_done';
    },
  ],
  ['an open-source check', 'VERIFY_OPEN_SOURCE', 'done', () => {}],
  [
    'no open-source check',
    'VERIFY_OPEN_SOURCE',
    'todo',
    (c) => {
      c.verification.openSource = [];
    },
  ],
  ['valid passport', 'PASSPORT_TRAVEL_DOCUMENT', 'done', () => {}],
  [
    'passport valid, expiry passed',
    'PASSPORT_TRAVEL_DOCUMENT',
    'todo',
    (c) => {
      c.documents[1]!.expiresOn = '2026-11-21';
    },
  ],
  [
    'passport lost',
    'PASSPORT_TRAVEL_DOCUMENT',
    'todo',
    (c) => {
      c.documents[1]!.validity = 'lost';
    },
  ],
];

describe.each(items)('checklist: %s', (_name, id, status, change) => {
  it(`${id} is ${status}`, () => {
    expect(evaluate(build(change), TODAY).checklist.find((i) => i.id === id)!.status).toBe(status);
  });
});

it('PASSPORT_TRAVEL_DOCUMENT explains how to obtain a document when missing', () => {
  const item = evaluate(
    build((c) => {
      c.documents[1]!.validity = 'expired';
    }),
    TODAY,
  ).checklist.find((i) => i.id === 'PASSPORT_TRAVEL_DOCUMENT')!;
  expect(item.detail).toContain('Reiseausweis');
  expect(item.detail).toContain('humanitarian or asylum visa');
});

type DestRow = [
  name: string,
  destination: CaseFile['destinations'][number],
  verdict: Verdict,
  change?: (c: CaseFile) => void,
];

const unverified = (c: CaseFile) => {
  c.verification.openSource = [];
};
const noPassport = (c: CaseFile) => {
  c.documents[1]!.validity = 'expired';
};

const destinations: DestRow[] = [
  ['France, verified', { country: 'FR', pathway: 'asylum_visa' }, 'feasible'],
  ['France, verified, no passport', { country: 'FR', pathway: 'asylum_visa' }, 'feasible', noPassport],
  ['France, not verified', { country: 'FR', pathway: 'asylum_visa' }, 'needs_documents', unverified],
  ['France, work visa', { country: 'FR', pathway: 'work_visa' }, 'unlikely'],
  [
    'Germany work visa with offer and passport',
    { country: 'DE', pathway: 'work_visa', employerOffer: true },
    'feasible',
  ],
  ['Germany work visa without offer', { country: 'DE', pathway: 'work_visa' }, 'needs_documents'],
  [
    'Germany work visa without passport',
    { country: 'DE', pathway: 'work_visa', employerOffer: true },
    'needs_documents',
    noPassport,
  ],
  ['Germany study visa with passport', { country: 'DE', pathway: 'study_visa' }, 'feasible'],
  ['Germany humanitarian visa', { country: 'DE', pathway: 'humanitarian_visa' }, 'unlikely'],
  ['asylum in Georgia while there', { country: 'GE', pathway: 'asylum_in_country' }, 'feasible'],
  ['asylum in Germany from Georgia', { country: 'DE', pathway: 'asylum_in_country' }, 'not_available'],
  ['US asylum visa', { country: 'US', pathway: 'asylum_visa' }, 'not_available'],
  ['UK work visa', { country: 'GB', pathway: 'work_visa' }, 'not_available'],
  ['Netherlands humanitarian visa', { country: 'NL', pathway: 'humanitarian_visa' }, 'not_available'],
  ['Poland humanitarian visa', { country: 'PL', pathway: 'humanitarian_visa' }, 'not_available'],
  ['Finland work visa', { country: 'FI', pathway: 'work_visa' }, 'not_available'],
  ['Canada resettlement', { country: 'CA', pathway: 'resettlement' }, 'unlikely'],
];

describe.each(destinations)('destination: %s', (_name, destination, verdict, change = () => {}) => {
  it(`is ${verdict}`, () => {
    const a = evaluate(
      build((c) => {
        c.destinations = [destination];
        change(c);
      }),
      TODAY,
    );
    expect(a.destinations[0]!.status).toBe(verdict);
    expect(a.destinations[0]!.notes.length).toBeGreaterThan(0);
  });
});

it('a destination that needs documents lists the missing items', () => {
  const a = evaluate(
    build((c) => {
      c.destinations = [{ country: 'DE', pathway: 'work_visa', employerOffer: true }];
      unverified(c);
      noPassport(c);
    }),
    TODAY,
  );
  expect(a.destinations[0]!.missing).toEqual(['VERIFY_OPEN_SOURCE', 'PASSPORT_TRAVEL_DOCUMENT']);
});

type RecRow = [name: string, action: Action, then: Action[], change: (c: CaseFile) => void];

const recommendations: RecRow[] = [
  ['verified, France feasible', 'refer_for_visa', [], () => {}],
  [
    'verified, nothing feasible',
    'refer_local_legal_aid',
    [],
    (c) => {
      c.destinations = [{ country: 'US', pathway: 'asylum_visa' }];
    },
  ],
  [
    'verified, no destination',
    'refer_local_legal_aid',
    [],
    (c) => {
      c.destinations = [];
    },
  ],
  ['not verified', 'complete_verification', ['refer_for_visa'], unverified],
  [
    'high flag',
    'supervisor_review',
    ['refer_for_visa'],
    (c) => {
      c.service.role = 'assault';
    },
  ],
  [
    'high flag, not verified',
    'supervisor_review',
    ['complete_verification', 'refer_for_visa'],
    (c) => {
      c.service.role = 'assault';
      unverified(c);
    },
  ],
  [
    'critical non-host flag',
    'supervisor_review',
    ['refer_for_visa'],
    (c) => {
      c.screening.admitsParticipation = true;
    },
  ],
  [
    'in Belarus',
    'urgent_protection',
    ['refer_for_visa'],
    (c) => {
      c.currentStay.country = 'BY';
    },
  ],
  [
    'stay ends in 14 days',
    'urgent_protection',
    ['refer_for_visa'],
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-06';
    },
  ],
  [
    'stay ends in 20 days: high, not urgent',
    'supervisor_review',
    ['refer_for_visa'],
    (c) => {
      c.currentStay.stayEndsOn = '2026-12-12';
    },
  ],
  [
    'urgent, then review, then verification, then legal aid',
    'urgent_protection',
    ['supervisor_review', 'complete_verification', 'refer_local_legal_aid'],
    (c) => {
      c.currentStay.incidents = ['detention'];
      c.screening.securityIndicators = ['other'];
      c.destinations = [{ country: 'DE', pathway: 'humanitarian_visa' }];
      unverified(c);
    },
  ],
];

describe.each(recommendations)('recommendation: %s', (_name, action, then, change) => {
  it(`is ${action} then ${then.join(', ') || 'nothing'}`, () => {
    const { recommendation } = evaluate(build(change), TODAY);
    expect(recommendation.action).toBe(action);
    expect(recommendation.then).toEqual(then);
    // Legal aid may rest on nothing but the absence of a feasible destination.
    if (action !== 'refer_local_legal_aid') expect(recommendation.because.length).toBeGreaterThan(0);
  });
});

describe('recommendation details', () => {
  it("refers to the first feasible destination in the person's order", () => {
    const { recommendation } = evaluate(
      build((c) => {
        c.destinations = [
          { country: 'DE', pathway: 'humanitarian_visa' },
          { country: 'DE', pathway: 'study_visa' },
          { country: 'FR', pathway: 'asylum_visa' },
        ];
      }),
      TODAY,
    );
    expect(recommendation.pathway).toEqual({ country: 'DE', pathway: 'study_visa' });
  });

  it('urgent protection is decided by the host-country flags', () => {
    const { recommendation } = evaluate(
      build((c) => {
        c.currentStay.basis = 'none';
      }),
      TODAY,
    );
    expect(recommendation.because).toEqual(['HOST_STAY_ENDING']);
  });

  it('complete_verification names the unfinished items', () => {
    const { recommendation } = evaluate(build(unverified), TODAY);
    expect(recommendation.because).toEqual(['VERIFY_OPEN_SOURCE']);
  });

  it('riskLevel follows the most severe uncleared flag', () => {
    expect(evaluate(build(), TODAY).riskLevel).toBe('low');
    expect(
      evaluate(
        build((c) => {
          c.verification.socialMedia = 'pro_war_content';
        }),
        TODAY,
      ).riskLevel,
    ).toBe('medium');
    expect(
      evaluate(
        build((c) => {
          c.service.role = 'sniper';
        }),
        TODAY,
      ).riskLevel,
    ).toBe('high');
    expect(
      evaluate(
        build((c) => {
          c.documents[0]!.authenticity = 'forged';
        }),
        TODAY,
      ).riskLevel,
    ).toBe('critical');
  });
});
