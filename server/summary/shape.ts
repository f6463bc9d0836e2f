// What a summary is made of: the blocks its sections hold, the title block, the letterhead and the signature,
// and what building one takes. The section builders, the model and the PDF all read these shapes; keeping
// them apart from the builders is what keeps the summary modules free of import cycles.
import type { Assessment } from '../../rules/assessment';
import type { CaseFile } from '../../rules/case-schema';
import type { Locale } from '../../rules/i18n';
import type { Translate } from '../i18n';
import type { Organisation } from './organisation';
import type { Profile, ProfileRules } from './profiles';
import type { ReviewRecord } from './record';

export interface Fact {
  label: string;
  value: string;
}
export type Tone = 'critical' | 'high' | 'warning' | 'info' | 'ok';
export interface Item {
  title: string;
  tone: Tone;
  lines: string[];
}

export type Block =
  | { kind: 'facts'; rows: Fact[] }
  /** `widths`: each column's share of the line, adding up to 1. */
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] }
  | { kind: 'text'; text: string; quote?: boolean }
  | { kind: 'items'; items: Item[] }
  | { kind: 'heading'; text: string }
  /** The approving supervisor's name, role and date, above a line to sign on. */
  | { kind: 'signature'; rows: Fact[]; line: string };

export interface Section {
  id: string;
  title: string;
  /** Starts on a page of its own in the PDF (the annex). */
  newPage?: boolean;
  blocks: Block[];
}

/** The organisation's letterhead as printed: its name, then the lines under it (address, contact). */
export interface Letterhead {
  name: string;
  lines: string[];
}

export interface Summary {
  locale: Locale;
  profile: Profile;
  reference: string;
  pseudonym: string;
  title: string;
  orgName: string;
  letterhead: Letterhead;
  /** Who, when, which rules, which profile, approved or not: the title block. */
  facts: Fact[];
  approved: boolean;
  marks: {
    /** "Profile: partner (...)": on every page. */
    profile: string;
    /** "DRAFT - not approved" until a supervisor approved the referral. */
    draft: string | null;
    /** "Approved by ... on ...": on every page of the final version. */
    approval: string | null;
    /** "Page {n} of {m}". */
    page: string;
  };
  sections: Section[];
  /** The case's line in a group's cover index. */
  index: { service: string; host: string; pathway: string };
}

/** What a page of the PDF says at its top and bottom: the summary (or cover) it belongs to. */
export interface PageMarks {
  head: string;
  reference: string;
  profile: string;
  draft: string | null;
  approval: string | null;
  page: string;
}

/** A group's cover index: one row per case; `pages` is filled in once the cases are laid out. */
export interface Cover {
  title: string;
  letterhead: Letterhead;
  facts: Fact[];
  intro: string;
  heading: string;
  columns: string[];
  widths: number[];
  rows: string[][];
  marks: PageMarks;
}

export interface SummaryInput {
  file: CaseFile;
  reference: string;
  assessment: Assessment;
  record: ReviewRecord;
  profile: Profile;
  /** The summary's language, chosen at export; `t` speaks it. */
  locale: Locale;
  t: Translate;
  organisation: Organisation;
  generatedBy: { name: string; role: string };
  now: Date;
  /** Scans attached to each document entry (index to count), as the rules counted them. */
  documentScans: ReadonlyMap<number, number>;
}

export interface Context extends SummaryInput {
  rules: ProfileRules;
}

/** The section with `f` applied to every text a reader sees in it (not to column headings or labels). */
export function mapSectionText(section: Section, f: (text: string) => string): Section {
  const blocks = section.blocks.map((b): Block => {
    switch (b.kind) {
      case 'facts':
        return { ...b, rows: b.rows.map((r) => ({ label: r.label, value: f(r.value) })) };
      case 'signature':
        return { ...b, rows: b.rows.map((r) => ({ label: r.label, value: f(r.value) })) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map(f)) };
      case 'text':
        return { ...b, text: f(b.text) };
      case 'items':
        return { ...b, items: b.items.map((i) => ({ ...i, title: f(i.title), lines: i.lines.map(f) })) };
      default:
        return b;
    }
  });
  return { ...section, blocks };
}
