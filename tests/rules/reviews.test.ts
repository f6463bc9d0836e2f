/** REFDATA_STALE reads the review dates an admin recorded (passed in), so no deploy is needed to keep data current. */
import { describe, expect, it } from 'vitest';
import { evaluate, referenceDataFiles, staleAfter, staleFiles } from '../../rules/index';
import { build } from './builder';

const reviewedInCode = referenceDataFiles[0]!.reviewedOn;
const dayAfterStale = new Date(Date.parse(reviewedInCode) + (staleAfter.value + 1) * 86_400_000)
  .toISOString()
  .slice(0, 10);

describe('reference-data reviews', () => {
  it('without reviews, every file is stale one day after the threshold', () => {
    expect(staleFiles(dayAfterStale)).toHaveLength(referenceDataFiles.length);
  });

  it('a recent admin review of a file takes it off the stale list', () => {
    const reviews = { 'rules/data/host-countries.ts': dayAfterStale };
    const stale = staleFiles(dayAfterStale, reviews).map((f) => f.file.file);
    expect(stale).not.toContain('rules/data/host-countries.ts');
    expect(stale).toContain('rules/data/implicated-units.ts');
  });

  it('an admin review older than the code date changes nothing', () => {
    expect(staleFiles(dayAfterStale, { 'rules/data/host-countries.ts': '2020-01-01' })).toHaveLength(
      referenceDataFiles.length,
    );
  });

  it('when every file has been reviewed, REFDATA_STALE does not fire', () => {
    const reviews = Object.fromEntries(referenceDataFiles.map((f) => [f.file, dayAfterStale]));
    const ids = (r?: Record<string, string>) =>
      evaluate(build(), dayAfterStale, { reviews: r }).flags.map((f) => f.id);
    expect(ids()).toContain('REFDATA_STALE');
    expect(ids(reviews)).not.toContain('REFDATA_STALE');
  });

  it("the rule's doc is built from its threshold", async () => {
    const { flagRules } = await import('../../rules/registry');
    const rule = flagRules.find((r) => r.id === 'REFDATA_STALE')!;
    expect(rule.doc).toContain(`${staleAfter.value} days`);
    expect(rule.parameters?.staleAfter?.value).toBe(staleAfter.value);
  });
});
