/** Every message and label exists in English and in Russian, and the registry covers the whole catalogue. */
import { describe, expect, it } from 'vitest';
import { checklistIds, enumerations, evaluate, flagIds, labels, locales } from '../../rules/index';
import { checklistRules, destinationRules, flagRules } from '../../rules/registry';
import { build, TODAY } from './builder';

describe('registry', () => {
  it('has exactly one flag rule per catalogue id, in catalogue order', () => {
    expect(flagRules.map((r) => r.id)).toEqual([...flagIds]);
  });
  it('has exactly one checklist rule per catalogue id, in catalogue order', () => {
    expect(checklistRules.map((r) => r.id)).toEqual([...checklistIds]);
  });
  it('every rule documents itself', () => {
    for (const r of [...flagRules, ...checklistRules, ...destinationRules])
      expect(r.doc.length).toBeGreaterThan(10);
  });
  it('the last destination rule applies to everything', () => {
    expect(
      destinationRules.at(-1)!.applies({ country: 'JP', pathway: 'study_visa' }, undefined as never),
    ).toBe(true);
  });
});

describe('messages in both languages', () => {
  it('every flag and checklist rule has wording in every locale', () => {
    for (const rule of flagRules)
      for (const locale of locales) expect(typeof rule.message[locale]).toBe('function');
    for (const rule of checklistRules)
      for (const locale of locales) expect(typeof rule.detail[locale]).toBe('function');
  });

  it('every label exists, non-empty, in every locale', () => {
    for (const [name, values] of Object.entries(enumerations)) {
      for (const locale of locales) {
        const set = labels[locale][name as keyof typeof enumerations] as Record<string, string>;
        expect(Object.keys(set).sort()).toEqual([...values].sort());
        for (const v of values) expect(set[v]?.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('fired flags read differently in Russian, in Cyrillic', () => {
    const c = build((c) => {
      c.documents[0]!.authenticity = 'forged';
      c.documents[2]!.seen = 'none';
      c.service.unit = '64 ОМСБр';
      c.deployments = [
        { from: '2022-03-01', to: '2022-03-20', region: 'kyiv', place: 'Bucha', endedBy: 'leave' },
      ];
      c.currentStay.country = 'KZ';
      c.currentStay.stayEndsOn = '2026-11-30';
      c.screening.securityIndicators = ['other'];
      c.verification.knowledgeChecks[0]!.result = 'inconsistent';
    });
    const en = evaluate(c, '2027-06-01', { locale: 'en' });
    const ru = evaluate(c, '2027-06-01', { locale: 'ru' });
    expect(ru.flags.map((f) => f.id)).toEqual(en.flags.map((f) => f.id));
    en.flags.forEach((f, i) => {
      expect(ru.flags[i]!.message).not.toBe(f.message);
      expect(ru.flags[i]!.message).toMatch(/[а-яё]{4}/);
    });
    ru.checklist.forEach((item) => {
      expect(item.label).toMatch(/[а-яё]/);
      expect(item.detail).toMatch(/[а-яё]/);
    });
    expect(evaluate(c, TODAY, { locale: 'ru' }).destinations[0]!.notes.join(' ')).toMatch(/[а-яё]/);
  });
});
