/**
 * Where a reference fact comes from. Every fact cites a public source a consulate can follow (a URL, its
 * publisher, and when it was published), or is marked `unsourced` with the reason, and the messages built on
 * it say so. Never an internal file name: tests/rules/sources.test.ts fails on anything else.
 */
import type { Locale, Text } from './i18n';

export type Source = {
  url: string;
  /** Who published it ("Reuters", "BBC Russian"); a republisher is named after the original. */
  publisher: string;
  /** When it was published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
};

/** A fact no public source has been found for yet: shown as such, never passed off as sourced. */
export type Unsourced = { unsourced: true; why: Text };

export type Citation = Source | Unsourced;

export const isUnsourced = (c: Citation): c is Unsourced => 'unsourced' in c;

/** The URL a flag cites (the assessment's `source`), or none for an unsourced fact. */
export const citationUrl = (c: Citation | undefined): string | undefined =>
  c === undefined || isUnsourced(c) ? undefined : c.url;

/** Appended to a message that rests on an unsourced fact. */
const unsourcedNote: Text = {
  en: 'No public source is recorded for this yet: check it before relying on it.',
  ru: 'Публичный источник для этого пока не указан: проверьте, прежде чем на это полагаться.',
};

/** " No public source…" when the citation is unsourced, else nothing. */
export function unsourcedSuffix(c: Citation | undefined, locale: Locale): string {
  return c !== undefined && isUnsourced(c) ? ` ${unsourcedNote[locale]}` : '';
}

/**
 * How a page or the summary cites a source: "Publisher, date: URL" in English; in Russian the address alone
 * (publishers' names are in their own languages), or why the fact has no source.
 */
export function citationText(c: Citation, locale: Locale): string {
  if (isUnsourced(c)) return c.why[locale];
  return locale === 'en' ? `${c.publisher}, ${c.date}: ${c.url}` : c.url;
}
