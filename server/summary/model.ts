// A case summary as data: the title block, the marks every page carries, and the sections in the order an
// official reads them. The PDF (pdf.ts) and the printable page (views/pages/summary/show.eta) both lay out
// this one model, so they cannot say different things; redaction happens here, once.
import type { Assessment } from '../../rules/assessment';
import type { CaseFile } from '../../rules/case-schema';
import { countryName, type Locale } from '../../rules/i18n';
import { labels } from '../../rules/labels';
import type { Translate } from '../i18n';
import { type Profile, profileRules } from './profiles';
import type { ReviewRecord } from './record';
import { scrubber } from './redact';
import { type Context, caseSections } from './sections-case';
import { reviewSections } from './sections-review';

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
  | { kind: 'heading'; text: string };

export interface Section {
  id: string;
  title: string;
  /** Starts on a page of its own in the PDF (the annex). */
  newPage?: boolean;
  blocks: Block[];
}

export interface Summary {
  locale: Locale;
  profile: Profile;
  reference: string;
  pseudonym: string;
  title: string;
  orgName: string;
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

export interface SummaryInput {
  file: CaseFile;
  reference: string;
  assessment: Assessment;
  record: ReviewRecord;
  profile: Profile;
  locale: Locale;
  t: Translate;
  orgName: string;
  generatedBy: { name: string; role: string };
  now: Date;
}

export const isoMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function buildSummary(input: SummaryInput): Summary {
  const { t, profile, record, assessment } = input;
  const rules = profileRules[profile];
  const scrub = scrubber(input.file, rules, t('summary.withheld'));
  const ctx: Context = { ...input, rules };
  const approval = record.approval;
  const l = labels[input.locale];
  const profileLabel = t(`summary.profile.${profile}`);
  const status = approval
    ? t('summary.approvedBy', { name: approval.by, date: isoDay(approval.at) })
    : t('summary.notApproved');
  const sections = [...caseSections(ctx), ...reviewSections(ctx)].map((s) => scrubSection(s, scrub));
  return {
    locale: input.locale,
    profile,
    reference: input.reference,
    pseudonym: input.file.person.pseudonym,
    title: t('summary.title'),
    orgName: input.orgName,
    facts: [
      { label: t('summary.org'), value: input.orgName },
      { label: t('summary.reference'), value: input.reference },
      { label: t('case.field.person.pseudonym'), value: input.file.person.pseudonym },
      { label: t('summary.generatedOn'), value: isoMinute(input.now) },
      { label: t('summary.generatedBy'), value: `${input.generatedBy.name} (${input.generatedBy.role})` },
      { label: t('summary.ruleset'), value: `${assessment.ruleset} (${assessment.evaluatedOn})` },
      { label: t('summary.profile'), value: profileLabel },
      { label: t('summary.status'), value: status },
    ],
    approved: approval !== null,
    marks: {
      profile: t('summary.profileMark', { profile: profileLabel }),
      draft: approval ? null : t('summary.draft'),
      approval: approval ? status : null,
      page: t('summary.pageOf'),
    },
    sections,
    index: {
      service: `${l.serviceTypes[input.file.service.serviceType]}, ${l.roles[input.file.service.role]}`,
      host: countryName(input.file.currentStay.country, input.locale),
      pathway: approval
        ? `${countryName(approval.country, input.locale)} · ${l.pathways[approval.pathway]}`
        : t('summary.notApproved'),
    },
  };
}

function scrubSection(section: Section, scrub: (text: string) => string): Section {
  const blocks = section.blocks.map((b): Block => {
    switch (b.kind) {
      case 'facts':
        return { ...b, rows: b.rows.map((r) => ({ label: r.label, value: scrub(r.value) })) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map(scrub)) };
      case 'text':
        return { ...b, text: scrub(b.text) };
      case 'items':
        return {
          ...b,
          items: b.items.map((i) => ({ ...i, title: scrub(i.title), lines: i.lines.map(scrub) })),
        };
      default:
        return b;
    }
  });
  return { ...section, blocks };
}
