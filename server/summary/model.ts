// A case summary as data: the title block, the marks every page carries, and the sections in the order an
// official reads them. The PDF (pdf.ts) and the printable page (views/pages/summary/show.eta) both lay out
// this one model, so they cannot say different things; redaction happens here, once.
import { countryName } from '../../rules/i18n';
import { labels } from '../../rules/labels';
import { formatDay, formatTime } from '../i18n/dates';
import { profileRules } from './profiles';
import { scrubber } from './redact';
import { caseSections } from './sections-case';
import { reviewSections } from './sections-review';
import { type Context, type Letterhead, mapSectionText, type Summary, type SummaryInput } from './shape';

export function buildSummary(input: SummaryInput): Summary {
  const { t, profile, record, assessment } = input;
  const rules = profileRules[profile];
  const scrub = scrubber(input.file, rules, t('summary.withheld'), input.locale);
  const ctx: Context = { ...input, rules };
  const approval = record.approval;
  const l = labels[input.locale];
  const profileLabel = t(`summary.profile.${profile}`);
  const status = approval
    ? t('summary.approvedBy', { name: approval.by, date: formatDay(approval.at, input.locale) })
    : t('summary.notApproved');
  const sections = [...caseSections(ctx), ...reviewSections(ctx)].map((s) => mapSectionText(s, scrub));
  return {
    locale: input.locale,
    profile,
    reference: input.reference,
    pseudonym: input.file.person.pseudonym,
    title: t('summary.title'),
    orgName: input.organisation.name,
    letterhead: letterheadOf(input),
    facts: [
      { label: t('summary.org'), value: input.organisation.name },
      { label: t('summary.reference'), value: input.reference },
      { label: t('case.field.person.pseudonym'), value: input.file.person.pseudonym },
      { label: t('summary.generatedOn'), value: formatTime(input.now, input.locale) },
      { label: t('summary.generatedBy'), value: `${input.generatedBy.name} (${input.generatedBy.role})` },
      {
        label: t('summary.ruleset'),
        value: `${assessment.ruleset} (${formatDay(assessment.evaluatedOn, input.locale)})`,
      },
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

function letterheadOf({ organisation: o }: SummaryInput): Letterhead {
  return { name: o.name, lines: [o.address, o.contact].filter((l) => l.length > 0) };
}
