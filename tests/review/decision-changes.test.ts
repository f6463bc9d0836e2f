// What changed since a decision, and whether it alters the assessment: pure functions, tried on real cases.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate';
import { assessmentChanges, changedSections, changesSince } from '../../server/cases/decisions/changes';
import { alteredAspects, assessmentBasis, basisDigest } from '../../server/cases/decisions/digest';
import { disassemble } from '../../server/cases/parts';
import { translator } from '../../server/i18n';
import { fixture } from '../helpers/fixtures';

const today = '2026-11-22';
const en = translator('en');
const ru = translator('ru');

describe('changes since the decision, side by side', () => {
  it('the issue\'s change: "admits participation: yes" is one row with both values, labelled', () => {
    const before = disassemble(fixture('anton'));
    const after = structuredClone(before);
    after.screening!.admitsParticipation = true;
    expect(changesSince(before, after, 'en', en)).toEqual([
      { where: 'Screening', field: expect.stringMatching(/participation/i), before: 'No', after: 'Yes' },
    ]);
    expect(changedSections(before, after)).toEqual(['screening']);
    const [row] = changesSince(before, after, 'ru', ru);
    expect(row).toMatchObject({ before: 'Нет', after: 'Да' });
  });

  it('nothing changed: no rows, no sections', () => {
    const before = disassemble(fixture('anton'));
    expect(changesSince(before, structuredClone(before), 'en', en)).toEqual([]);
    expect(changedSections(before, structuredClone(before))).toEqual([]);
  });

  it('an added, a changed and a removed list entry each show what was and what is, by entry', () => {
    const before = disassemble(fixture('anton'));
    const after = structuredClone(before);
    after.documents.pop();
    after.documents[0] = { ...after.documents[0]!, authenticity: 'forged' };
    after.interviews.push({
      id: '00000000-0000-4000-8000-0000000000a1',
      on: '2026-11-20',
      language: 'ru',
      minutes: 45,
    });
    const rows = changesSince(before, after, 'en', en);
    const n = before.documents.length;
    expect(rows).toContainEqual(
      expect.objectContaining({
        where: 'Documents held, entry 1',
        before: expect.any(String),
        after: 'Forged',
      }),
    );
    // The last entry is gone: each of its fields shows a dash now.
    const gone = rows.filter((r) => r.where === `Documents held, entry ${n}`);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((r) => r.after === '—')).toBe(true);
    expect(gone.some((r) => r.before !== '—')).toBe(true);
    const added = rows.filter((r) => r.where.startsWith('Interviews, entry'));
    expect(added.every((r) => r.before === '—')).toBe(true);
    expect(added.map((r) => r.after)).toContain('45');
    expect(changedSections(before, after).sort()).toEqual(['documents', 'verification']);
  });

  it('a value shows as the case page shows it: countries by name, not code', () => {
    const before = disassemble(fixture('anton'));
    const after = structuredClone(before);
    after.currentStay = { ...after.currentStay!, country: 'AM' };
    const row = changesSince(before, after, 'en', en).find((r) => r.where === 'Current stay');
    expect(row?.after).toMatch(/^Armenia/);
    expect(row?.before).not.toMatch(/^[A-Z]{2}$/);
  });
});

describe('whether a change alters the assessment', () => {
  it('admitting participation alters it: risk, recommendation and flags move, and the rows say how', () => {
    const file = fixture('anton');
    const before = assessmentBasis(evaluate(file, today));
    const changed = structuredClone(file);
    changed.screening.admitsParticipation = true;
    const after = assessmentBasis(evaluate(changed, today));
    expect(basisDigest(after)).not.toBe(basisDigest(before));
    expect(alteredAspects(before, after)).toEqual(expect.arrayContaining(['riskLevel', 'action', 'flags']));
    const rows = assessmentChanges(before, after, 'en', en);
    expect(rows).toContainEqual({
      where: 'Assessment',
      field: 'Risk level',
      before: expect.any(String),
      after: 'Critical',
    });
    expect(rows.find((r) => r.field === 'Recommendation')?.before).toContain('France');
  });

  it('a change the rules do not read leaves the digest as it was: one-step re-approval is possible', () => {
    const file = fixture('anton');
    const changed = structuredClone(file);
    changed.person.fullName = 'A different spelling';
    changed.desertion.statement = `${changed.desertion.statement ?? ''} More detail.`;
    const a = assessmentBasis(evaluate(file, today));
    const b = assessmentBasis(evaluate(changed, today));
    expect(alteredAspects(a, b)).toEqual([]);
    expect(basisDigest(b)).toBe(basisDigest(a));
    expect(assessmentChanges(a, b, 'en', en)).toEqual([]);
  });

  it('the language of the reading does not change the digest, nor the order of flags', () => {
    const file = fixture('yevgeniy');
    const inEnglish = evaluate(file, today, { locale: 'en' });
    const inRussian = evaluate(file, today, { locale: 'ru' });
    expect(basisDigest(assessmentBasis(inRussian))).toBe(basisDigest(assessmentBasis(inEnglish)));
    const reversed = { ...inEnglish, flags: [...inEnglish.flags].reverse() };
    expect(basisDigest(assessmentBasis(reversed))).toBe(basisDigest(assessmentBasis(inEnglish)));
  });

  it('clearing a flag alters the assessment', () => {
    const file = fixture('bucha-unit');
    const cleared = { ...structuredClone(file), review: { clearedFlags: ['UNIT_IMPLICATED' as const] } };
    const a = assessmentBasis(evaluate(file, today));
    const b = assessmentBasis(evaluate(cleared, today));
    expect(alteredAspects(a, b)).toContain('flags');
  });
});
