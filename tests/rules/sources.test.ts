/**
 * Every reference fact and every rule cites a public source a consulate can follow (URL, publisher, date), or
 * is marked `unsourced` with the reason in both languages; never an internal file name.
 */
import { describe, expect, it } from 'vitest';
import { type Citation, evaluate, isUnsourced, referenceDataFiles } from '../../rules/index';
import { checklistRules, destinationRules, flagRules } from '../../rules/registry';
import { build } from './builder';

/** Why a citation is not acceptable, or undefined when it is. */
function problem(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return `not a citation: ${JSON.stringify(c)}`;
  const cited = c as Citation;
  if (isUnsourced(cited))
    return cited.why.en.trim() && cited.why.ru.trim() ? undefined : 'unsourced without a reason';
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(cited.url)) return `not a URL: ${cited.url}`;
  if (!cited.publisher.trim()) return `no publisher: ${cited.url}`;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(cited.date)) return `no date: ${cited.url}`;
  return undefined;
}

const everyCitation: [string, unknown][] = [
  ...referenceDataFiles.flatMap((file) =>
    file.facts().map((f): [string, unknown] => [`${file.file}: ${f.fact.en}`, f.source]),
  ),
  ...[...flagRules, ...checklistRules].flatMap((r): [string, unknown][] =>
    r.source ? [[r.id, r.source]] : [],
  ),
  ...destinationRules.map((r): [string, unknown] => [r.id, r.source]),
];

describe('sources', () => {
  it('the check rejects what is not a public source', () => {
    expect(problem('domain.md: Host countries (Kyrgyzstan)')).toMatch(/not a citation/);
    expect(problem({ url: 'Seed 004 (BBC Russian)', publisher: 'BBC', date: '2024' })).toMatch(/not a URL/);
    expect(problem({ url: 'https://example.org/a', publisher: '', date: '2024' })).toMatch(/no publisher/);
    expect(problem({ url: 'https://example.org/a', publisher: 'X', date: 'recent' })).toMatch(/no date/);
    expect(problem({ unsourced: true, why: { en: '', ru: '' } })).toMatch(/without a reason/);
  });

  it('every reference fact is listed, each with a source', () => {
    for (const file of referenceDataFiles) expect(file.facts().length, file.file).toBeGreaterThan(0);
    expect(everyCitation.length).toBeGreaterThan(50);
  });

  it.each(everyCitation)('%s', (_what, citation) => {
    expect(problem(citation)).toBeUndefined();
  });

  it('no citation names an internal file or a seed', () => {
    const text = JSON.stringify(everyCitation.map(([, c]) => c));
    expect(text).not.toMatch(/domain\.md|rules\.md|Seed \d{3}/i);
  });

  it('flags cite URLs, and one resting on an unsourced fact says so in both languages', () => {
    const c = build((c) => {
      c.documents[2]!.authenticity = 'anomalies';
      c.currentStay.country = 'BY';
    });
    for (const locale of ['en', 'ru'] as const) {
      const a = evaluate(c, '2026-11-22', { locale });
      for (const f of a.flags) if (f.source) expect(f.source).toMatch(/^https?:\/\//);
      const anomalies = a.flags.find((f) => f.id === 'DOC_ANOMALIES')!;
      expect(anomalies.source).toBeUndefined();
      expect(anomalies.message).toMatch(locale === 'en' ? /No public source/ : /Публичный источник/);
      expect(a.flags.find((f) => f.id === 'HOST_HIGH_RISK')!.message).toMatch(
        locale === 'en' ? /No public source/ : /Публичный источник/,
      );
    }
  });
});
