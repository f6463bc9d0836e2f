// Everything the case page shows, worked out here so the template only lays it out: the assessment in the
// reader's language, the checklist with links to the forms that complete it, and each section's values.
import { caseStatuses } from '../../db/schema';
import type { Assessment, Severity } from '../../rules/assessment';
import { countryName, type Locale } from '../../rules/i18n';
import type { ChecklistId } from '../../rules/ids';
import { labels } from '../../rules/labels';
import { checklistLabel, flagTitle, ruleTitle } from '../../rules/titles';
import type { SessionUser } from '../auth/sessions';
import type { Translate } from '../i18n';
import { formatDay, formatTime } from '../i18n/dates';
import { isMessageKey, type KeysUnder } from '../i18n/keys';
import { unitMatchesView } from '../reference-data/units';
import { carriedLines, changedSinceView } from './decisions/view';
import { type ListForm, type ListFormId, listForms, type ScalarFormId, scalarForms } from './forms/specs';
import { recordRows } from './forms/view';
import type { RequiredPart } from './parts';
import type { CaseEvent, CasePageData, LoadedCase } from './repository';
import { allowedActions, refusal } from './workflow';

/** The page's sections, in the order of an intake interview. */
const layout: { id: KeysUnder<'case.section.'>; forms: ScalarFormId[]; lists: ListFormId[] }[] = [
  { id: 'person', forms: ['person'], lists: ['dependants'] },
  { id: 'documents', forms: [], lists: ['documents'] },
  { id: 'service', forms: ['service'], lists: ['deployments'] },
  { id: 'desertion', forms: ['desertion', 'persecution'], lists: ['criminalCases'] },
  { id: 'route', forms: ['currentStay'], lists: ['route'] },
  { id: 'destinations', forms: [], lists: ['destinations', 'applications'] },
  { id: 'verification', forms: ['verification'], lists: ['interviews', 'knowledgeChecks', 'openSource'] },
  { id: 'screening', forms: ['screening'], lists: [] },
];

/** Where a required part is filled in. */
const requiredPartForm: Record<RequiredPart, ScalarFormId> = {
  service: 'service',
  desertion: 'desertion',
  persecution: 'persecution',
  currentStay: 'currentStay',
  screening: 'screening',
};

/** The form that completes each checklist item. */
function checklistHref(caseId: string, id: ChecklistId): string {
  const base = `/cases/${caseId}`;
  const links: Record<ChecklistId, string> = {
    DOC_IDENTITY: `${base}/lists/documents/new`,
    DOC_SERVICE_PROOF: `${base}/lists/documents/new`,
    DOC_CRIMINAL_CASE: `${base}#criminalCases`,
    DOC_AUTHENTICITY: `${base}#documents`,
    VERIFY_INTERVIEW: `${base}/lists/interviews/new`,
    VERIFY_KNOWLEDGE_CHECKS: `${base}/lists/knowledgeChecks/new`,
    VERIFY_UNIT_CROSS_CHECK: `${base}/edit/verification`,
    VERIFY_SOCIAL_MEDIA: `${base}/edit/verification`,
    VERIFY_OPEN_SOURCE: `${base}/lists/openSource/new`,
    PASSPORT_TRAVEL_DOCUMENT: `${base}/lists/documents/new`,
  };
  return links[id];
}

const severityOrder: Severity[] = ['critical', 'high', 'warning', 'info'];

function assessmentView(a: Assessment, caseId: string, locale: Locale) {
  const l = labels[locale];
  const label = (id: string) => ruleTitle(id, locale);
  return {
    action: a.recommendation.action,
    actionLabel: l.actions[a.recommendation.action],
    pathway: a.recommendation.pathway
      ? `${countryName(a.recommendation.pathway.country, locale)} · ${l.pathways[a.recommendation.pathway.pathway]}`
      : undefined,
    because: a.recommendation.because.map(label),
    laterSteps: a.recommendation.then.map((action) => l.actions[action]),
    riskLevel: a.riskLevel,
    riskLabel: l.riskLevels[a.riskLevel],
    ruleset: a.ruleset,
    evaluatedOn: a.evaluatedOn,
    flagGroups: severityOrder
      .map((severity) => ({
        severity,
        label: l.severities[severity],
        flags: a.flags
          .filter((f) => f.severity === severity)
          .map((f) => ({
            ...f,
            title: flagTitle(f.id, locale),
            category: l.categories[f.category],
          })),
      }))
      .filter((g) => g.flags.length > 0),
    checklist: a.checklist.map((item) => ({
      ...item,
      statusLabel: l.checklistStatuses[item.status],
      href:
        item.status === 'done' || item.status === 'not_applicable'
          ? undefined
          : checklistHref(caseId, item.id as ChecklistId),
    })),
    destinations: a.destinations.map((d) => ({
      ...d,
      place: `${countryName(d.country, locale)} · ${l.pathways[d.pathway]}`,
      verdictLabel: l.verdicts[d.status],
      missingLabels: d.missing.map(label),
    })),
  };
}

/** The case page's model, from the loaded case and what the repository read beside it (no I/O here). */
export function casePageModel(
  reads: CasePageData,
  loaded: LoadedCase,
  user: SessionUser,
  locale: Locale,
  t: Translate,
) {
  const { row, parts } = loaded;
  const caseId = row.id;
  const { assessed } = reads;
  const review = reviewModel(loaded, user, locale, t, reads.timeline);
  const carried = carriedLines(reads.pending, t, locale);
  // The assessment as of today, in the reader's language; the stored one records what was said at the save.
  const live = assessed.ok ? assessed.assessment : null;
  const decision = reads.decision;
  const changed =
    decision && changedSinceView(decision, { current: row, parts, assessment: live, user, locale, t });

  const sections = layout.map((section) => ({
    id: section.id,
    title: t(`case.section.${section.id}`),
    forms: section.forms.map((formId) => {
      const form = scalarForms[formId];
      const value = form.read(parts) as Record<string, unknown> | undefined;
      return {
        id: formId,
        title: t(`case.form.${formId}.title`),
        editHref: `/cases/${caseId}/edit/${formId}`,
        filled: value !== undefined,
        rows: value ? recordRows(form.spec, value, parts, locale, t) : [],
      };
    }),
    lists: section.lists.map((listId) => {
      const list: ListForm = listForms[listId];
      const items = list.read(parts);
      return {
        id: listId,
        title: t(`case.list.${listId}.title`),
        addLabel: t(`case.list.${listId}.add`),
        addHref: `/cases/${caseId}/lists/${listId}/new`,
        // Applications need a destination to belong to; a full list takes no more (said before it bites).
        canAdd:
          (listId !== 'applications' || parts.destinations.length > 0) &&
          (list.sameList !== undefined || items.length < list.maxEntries),
        limit: t('form.limit.entries', { max: list.maxEntries }),
        // A secret field (a document's number) is never in a list: only in its entry's own form.
        columns: list.spec.fields.filter((f) => !f.secret).map((f) => t(f.label)),
        // Entries are named by id; their place is only their order, changed by moving one up or down.
        items: items.map((item, index) => ({
          cells: recordRows(list.spec, item, parts, locale, t)
            .filter((_, i) => !list.spec.fields[i]?.secret)
            .map((r) => r.value),
          editHref: `/cases/${caseId}/lists/${listId}/${item.id}`,
          removeHref: `/cases/${caseId}/lists/${listId}/${item.id}/remove`,
          moveAction: `/cases/${caseId}/lists/${listId}/${item.id}/move`,
          canMoveUp: items.slice(0, index).some((e) => list.group?.(e) === list.group?.(item)),
          canMoveDown: items.slice(index + 1).some((e) => list.group?.(e) === list.group?.(item)),
        })),
      };
    }),
  }));

  return {
    review,
    changed,
    carried,
    // "Confirm all" and one at a time: for a reviewer who may clear flags on this case.
    carriedHref:
      Object.keys(carried).length > 0 && review.canDecideFlags ? `/cases/${caseId}/carried` : undefined,
    caseRow: row,
    statusLabel: t(`case.status.${row.status}`),
    assigneeName: (row.assignedTo && reads.assigneeName) || t('case.unassigned'),
    isStaff: user.role !== 'caseworker',
    caseworkers: reads.caseworkers,
    missing: assessed.ok
      ? []
      : assessed.missing.map((part) => ({
          label: t(`case.form.${requiredPartForm[part]}.title`),
          href: `/cases/${caseId}/edit/${requiredPartForm[part]}`,
        })),
    assessment: live ? assessmentView(live, caseId, locale) : null,
    unitMatches: parts.service ? unitMatchesView(parts.service, locale) : undefined,
    storedAt: assessed.ok && reads.lastAssessedAt ? formatTime(reads.lastAssessedAt, locale) : undefined,
    sections,
  };
}

/** The review side of the page: what this user may do, open requests, the timeline and comments. */
function reviewModel(
  loaded: LoadedCase,
  user: SessionUser,
  locale: Locale,
  t: Translate,
  events: CaseEvent[],
) {
  const { row } = loaded;
  const l = labels[locale];
  const allowed = allowedActions(user, row);
  const answered = new Set(events.filter((e) => e.kind === 'info_answered').map((e) => e.detail.requestId));
  const actor = (name: string | null) => name ?? t('review.system');
  const flagName = (id: unknown) => flagTitle(String(id), locale);
  // A timeline entry names what it recorded by code; an unknown code (an older version's) shows as written.
  const keyOr = (key: string) => (isMessageKey(key) ? t(key) : key);
  const statusName = (s: unknown) => {
    const status = caseStatuses.find((known) => known === s);
    return status ? t(`case.status.${status}`) : '—';
  };
  const describe = (e: (typeof events)[number]): string => {
    const d = e.detail;
    switch (e.kind) {
      case 'status_changed':
        return t('timeline.status_changed', { from: statusName(d.from), to: statusName(d.to) });
      case 'assessment_changed':
        return t('timeline.assessment_changed', {
          to: l.actions[d.to as keyof typeof l.actions] ?? String(d.to),
          risk: l.riskLevels[d.riskLevel as keyof typeof l.riskLevels] ?? String(d.riskLevel),
        });
      case 'flag_cleared':
      case 'flag_upheld':
        return t(d.confirmsCarried ? 'timeline.flag_confirmed' : `timeline.${e.kind}`, {
          flag: flagName(d.flagId),
        });
      case 'decision_withdrawn':
        return t('timeline.decision_withdrawn', {
          decision: keyOr(`decisions.kind.${String(d.action)}`),
          date: d.decidedAt ? formatDay(String(d.decidedAt), locale) : '—',
          sections:
            ((d.sections as string[] | undefined) ?? [])
              .map((s) => keyOr(s === 'attachments' ? 'att.title' : `case.section.${s}`))
              .join(', ') || '—',
        });
      case 'decisions_carried':
        return t('timeline.decisions_carried', {
          flags: ((d.flagIds as string[] | undefined) ?? []).map(flagName).join(', '),
        });
      case 'referral_approved':
        return t('timeline.referral_approved', {
          pathway: `${countryName(String(d.country), locale)} · ${l.pathways[d.pathway as keyof typeof l.pathways] ?? d.pathway}`,
        });
      default:
        return t(`timeline.${e.kind}`);
    }
  };
  // The latest decision on each flag, cleared or upheld: who, when and why stay visible beside it.
  const flagDecisions: Record<string, { upheld: boolean; text: string }> = {};
  for (const e of events.filter((e) => e.kind === 'flag_cleared' || e.kind === 'flag_upheld')) {
    const upheld = e.kind === 'flag_upheld';
    flagDecisions[String(e.detail.flagId)] = {
      upheld,
      text: t(upheld ? 'review.upheldBy' : 'review.clearedBy', {
        name: actor(e.actorName),
        date: formatTime(e.at, locale),
        reason: e.text ?? '',
      }),
    };
  }
  return {
    version: row.version,
    actions: allowed.filter((a) => !['clear_flag', 'uphold_flag', 'answer_request', 'comment'].includes(a)),
    canDecideFlags: allowed.includes('clear_flag'),
    canAnswer: allowed.includes('answer_request'),
    canComment: allowed.includes('comment'),
    fourEyes: refusal('clear_flag', user, row) === 'four_eyes',
    flagDecisions,
    openRequests: events
      .filter((e) => e.kind === 'info_requested' && !answered.has(e.id))
      .map((e) => ({
        id: e.id,
        by: t('review.requestedBy', { name: actor(e.actorName), date: formatTime(e.at, locale) }),
        items: ((e.detail.items as string[] | undefined) ?? []).map((id) => checklistLabel(id, locale)),
        text: e.text ?? '',
      })),
    timeline: events
      .filter((e) => e.kind !== 'comment')
      .reverse()
      .map((e) => ({ at: e.at, actor: actor(e.actorName), what: describe(e), text: e.text })),
    comments: events
      .filter((e) => e.kind === 'comment')
      .map((e) => ({ at: e.at, actor: actor(e.actorName), text: e.text ?? '' })),
  };
}
