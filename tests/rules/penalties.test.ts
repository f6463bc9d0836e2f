/** Penalties by date: the 2026 range for prison recruits applies only to desertion on or after 9 Jan 2026. */
import { describe, expect, it } from 'vitest';
import { type CaseFile, evaluate } from '../../rules/index';
import { build, TODAY } from './builder';

const evidence = (change: (c: CaseFile) => void, locale: 'en' | 'ru' = 'en') =>
  evaluate(build(change), TODAY, { locale }).flags.filter((f) => f.id === 'PERSECUTION_EVIDENCE');

const desertion338 =
  (serviceType: CaseFile['service']['serviceType'], leftOn: string | undefined) => (c: CaseFile) => {
    c.service.serviceType = serviceType;
    c.desertion.leftOn = leftOn;
    c.persecution.criminalCases = [
      { article: '338', openedOn: '2026-03-01', stage: 'wanted', evidenceSeen: true },
    ];
  };

describe('PERSECUTION_EVIDENCE states the one maximum that applies', () => {
  it.each([
    ['a prison recruit who left on 9 Jan 2026', 'prison_recruit', '2026-01-09', '10 to 20 years', '5 to 15'],
    ['a prison recruit who left the day before', 'prison_recruit', '2026-01-08', '5 to 15 years', '10 to 20'],
    ['a contract soldier who left after the change', 'contract', '2026-02-01', '5 to 15 years', '10 to 20'],
  ] as const)('%s', (_name, serviceType, leftOn, says, never) => {
    const [flag] = evidence(desertion338(serviceType, leftOn));
    expect(flag!.message).toContain(says);
    expect(flag!.message).not.toContain(never);
  });

  it('cites the source of the penalty that applies', () => {
    expect(evidence(desertion338('prison_recruit', '2026-01-09'))[0]!.source).toContain('tass.ru');
    expect(evidence(desertion338('prison_recruit', '2025-12-01'))[0]!.source).toContain('kiportal.ru');
  });

  it('without the date he left, a case opened before the change can only carry the old range', () => {
    const [flag] = evidence((c) => {
      desertion338('prison_recruit', undefined)(c);
      c.persecution.criminalCases[0]!.openedOn = '2025-12-20';
    });
    expect(flag!.message).toContain('5 to 15 years');
    expect(flag!.message).not.toContain('not recorded');
  });

  it('without the date he left and with a later case, it says the harshest may apply and why', () => {
    const [en] = evidence(desertion338('prison_recruit', undefined));
    expect(en!.message).toContain('10 to 20 years');
    expect(en!.message).toContain('date he left is not recorded');
    const [ru] = evidence(desertion338('prison_recruit', undefined), 'ru');
    expect(ru!.message).toContain('дата ухода не записана');
  });

  it('with several cases, one flag per case and each names the harshest exposure', () => {
    const flags = evidence((c) => {
      c.desertion.leftOn = '2023-05-01';
      c.persecution.criminalCases = [
        { article: '328', stage: 'opened', evidenceSeen: false },
        { article: '338', openedOn: '2023-06-01', stage: 'wanted', evidenceSeen: true },
      ];
    });
    expect(flags).toHaveLength(2);
    expect(flags[0]!.message).toContain('harshest exposure is art. 338 (desertion), up to 15 years');
    expect(flags[1]!.message).toContain('this one carries the harshest exposure');
  });

  it('states the maximum in Russian with one date format', () => {
    const [flag] = evidence(desertion338('prison_recruit', '2026-02-01'), 'ru');
    expect(flag!.message).toContain('максимум — 20 лет');
    expect(flag!.message).toContain('01.03.2026');
    expect(flag!.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
