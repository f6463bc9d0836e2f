/** Properties over generated valid case files (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleCountries } from '../../rules/cli/sample-data';
import * as s from '../../rules/index';
import {
  actions,
  assessmentSchema,
  type CaseFile,
  evaluate,
  flagIds,
  parseCaseFile,
  riskLevels,
} from '../../rules/index';

const date = fc
  .record({
    y: fc.integer({ min: 2015, max: 2028 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
// The benchmarks' sample countries, plus Canada.
const country = fc.constantFrom(...sampleCountries, 'CA');
const unit = fc.constantFrom(
  undefined,
  '64 ОМСБр',
  '58th Combined Arms Army signals brigade',
  'ЧВК Вагнер',
  '234 дшп',
  'rota',
);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Random but valid case files: every enumeration, optional fields absent or present. */
const caseFileArb: fc.Arbitrary<CaseFile> = fc
  .record({
    documents: fc.array(
      fc.record({
        type: fc.constantFrom(...s.documentTypes),
        seen: fc.constantFrom(...s.documentSeenValues),
        validity: fc.constantFrom(...s.documentValidities),
        authenticity: fc.constantFrom(...s.documentAuthenticities),
        expiresOn: opt(date),
      }),
      { maxLength: 6 },
    ),
    service: fc.record({
      serviceType: fc.constantFrom(...s.serviceTypes),
      branch: fc.constantFrom(...s.branches),
      role: fc.constantFrom(...s.roles),
      unit,
      unitNumber: opt(fc.constantFrom('51460', '74268', '12345')),
      enlistedOn: opt(date),
    }),
    deployments: fc.array(
      fc.record({
        from: date,
        to: date,
        region: fc.constantFrom(...s.regions),
        place: opt(fc.constantFrom('Bucha', 'Изюм', 'Brovary', 'Mariupol')),
        role: opt(fc.constantFrom(...s.roles)),
        endedBy: fc.constantFrom(...s.deploymentEndings),
      }),
      { maxLength: 3 },
    ),
    desertion: fc.record({
      kind: fc.constantFrom(...s.desertionKinds),
      leftOn: opt(date),
      manner: fc.constantFrom(...s.desertionManners),
    }),
    persecution: fc.record({
      criminalCases: fc.array(
        fc.record({
          article: fc.constantFrom(...s.criminalArticles),
          openedOn: opt(date),
          stage: fc.constantFrom(...s.criminalCaseStages),
          evidenceSeen: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      wantedList: fc.constantFrom(...s.wantedLists),
    }),
    route: fc.array(
      fc.record({
        date,
        from: country,
        to: country,
        mode: fc.constantFrom(...s.routeModes),
        documentUsed: fc.constantFrom(...s.routeDocuments),
        incident: fc.constantFrom(...s.routeIncidents),
      }),
      { maxLength: 3 },
    ),
    currentStay: fc.record({
      country,
      since: date,
      basis: fc.constantFrom(...s.stayBases),
      stayEndsOn: opt(date),
      incidents: fc.subarray([...s.stayIncidents]),
    }),
    destinations: fc.array(
      fc.record({
        country,
        pathway: fc.constantFrom(...s.pathways),
        employerOffer: opt(fc.boolean()),
        applications: opt(
          fc.array(
            fc.record({
              type: fc.constant('visa'),
              filedOn: date,
              status: fc.constantFrom(...s.applicationStatuses),
            }),
            { maxLength: 2 },
          ),
        ),
      }),
      { maxLength: 3 },
    ),
    verification: fc.record({
      interviews: fc.array(
        fc.record({ on: date, language: fc.constant('ru'), minutes: fc.integer({ min: 1, max: 300 }) }),
        { maxLength: 2 },
      ),
      knowledgeChecks: fc.array(
        fc.record({ topic: fc.constant('dining hall'), result: fc.constantFrom(...s.knowledgeCheckResults) }),
        { maxLength: 4 },
      ),
      unitCrossCheck: fc.constantFrom(...s.unitCrossCheckResults),
      socialMedia: fc.constantFrom(...s.socialMediaResults),
      openSource: fc.array(
        fc.record({
          source: fc.constantFrom(...s.openSourceSources),
          result: fc.constantFrom(...s.openSourceResults),
        }),
        { maxLength: 2 },
      ),
    }),
    screening: fc.record({
      witnessedAbuses: fc.boolean(),
      admitsParticipation: fc.boolean(),
      securityIndicators: fc.subarray([...s.securityIndicators]),
    }),
    cleared: fc.subarray([...flagIds]),
  })
  .map(({ cleared, ...rest }) => {
    // JSON round trip drops the `undefined` optional fields, as a real case file would.
    const c = JSON.parse(
      JSON.stringify({
        format: 'waypost-case/1',
        person: { pseudonym: 'P', citizenships: ['RU'] },
        ...rest,
        review: { clearedFlags: cleared },
      }),
    );
    const parsed = parseCaseFile(c);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  });

const rank = (level: string) => riskLevels.indexOf(level as (typeof riskLevels)[number]);

describe('evaluate over generated case files', () => {
  it('never throws, returns a valid assessment with one of the five actions', () => {
    fc.assert(
      fc.property(caseFileArb, date, fc.constantFrom('en' as const, 'ru' as const), (c, today, locale) => {
        const a = evaluate(c, today, { locale });
        expect(assessmentSchema.safeParse(a).success).toBe(true);
        expect(actions).toContain(a.recommendation.action);
        expect(a.evaluatedOn).toBe(today);
      }),
      { numRuns: 300 },
    );
  });

  it('clearing every flag never raises the risk level', () => {
    fc.assert(
      fc.property(caseFileArb, date, (c, today) => {
        const before = evaluate(c, today);
        const after = evaluate({ ...c, review: { clearedFlags: [...flagIds] } }, today);
        expect(rank(after.riskLevel)).toBeLessThanOrEqual(rank(before.riskLevel));
        expect(after.riskLevel).toBe('low');
      }),
      { numRuns: 200 },
    );
  });
});
