// Everything the case page shows, worked out here so the template only lays it out: the assessment in the
// reader's language, the checklist with links to the forms that complete it, and each section's values.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../../db/schema';
import type { Assessment, Severity } from '../../rules/assessment';
import { evaluate } from '../../rules/evaluate';
import { countryName, type Locale } from '../../rules/i18n';
import type { ChecklistId } from '../../rules/ids';
import { labels } from '../../rules/labels';
import type { SessionUser } from '../auth/sessions';
import type { MessageKey, Translate } from '../i18n';
import { type ListFormId, listForms, type ScalarFormId, scalarForms } from './forms/specs';
import { recordRows } from './forms/view';
import { assemble, type RequiredPart } from './parts';
import { type LoadedCase, latestStoredAssessment, todayOf } from './store';

/** The page's sections, in the order of an intake interview. */
const layout: { id: string; forms: ScalarFormId[]; lists: ListFormId[] }[] = [
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
  const label = (id: string) =>
    (l.flags as Record<string, string>)[id] ?? (l.checklist as Record<string, string>)[id] ?? id;
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
            title: l.flags[f.id as keyof typeof l.flags] ?? f.id,
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

export async function casePageModel(
  app: FastifyInstance,
  loaded: LoadedCase,
  user: SessionUser,
  locale: Locale,
  t: Translate,
) {
  const { row, parts } = loaded;
  const caseId = row.id;
  const [assignee] = row.assignedTo
    ? await app.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, row.assignedTo))
    : [];
  const assembled = assemble(parts, row.reference);
  // The assessment as of today, in the reader's language; the stored one records what was said at the save.
  const live = assembled.ok ? evaluate(assembled.file, todayOf(app.clock()), { locale }) : null;
  const stored = assembled.ok ? await latestStoredAssessment(app.db, app.keyRing, caseId) : null;

  const sections = layout.map((section) => ({
    id: section.id,
    title: t(`case.section.${section.id}` as MessageKey),
    forms: section.forms.map((formId) => {
      const form = scalarForms[formId];
      const value = form.read(parts) as Record<string, unknown> | undefined;
      return {
        id: formId,
        title: t(`case.form.${formId}.title` as MessageKey),
        editHref: `/cases/${caseId}/edit/${formId}`,
        filled: value !== undefined,
        rows: value ? recordRows(form.spec, value, parts, locale, t) : [],
      };
    }),
    lists: section.lists.map((listId) => {
      const list = listForms[listId];
      const items = list.read(parts);
      return {
        id: listId,
        title: t(`case.list.${listId}.title` as MessageKey),
        addLabel: t(`case.list.${listId}.add` as MessageKey),
        addHref: `/cases/${caseId}/lists/${listId}/new`,
        // Applications need a destination to belong to.
        canAdd: listId !== 'applications' || parts.destinations.length > 0,
        columns: list.spec.fields.map((f) => t(`case.field.${list.spec.id}.${f.name}` as MessageKey)),
        items: items.map((item, index) => ({
          cells: recordRows(list.spec, item, parts, locale, t).map((r) => r.value),
          editHref: `/cases/${caseId}/lists/${listId}/${index}`,
          removeHref: `/cases/${caseId}/lists/${listId}/${index}/remove`,
        })),
      };
    }),
  }));

  return {
    caseRow: row,
    statusLabel: t(`case.status.${row.status}` as MessageKey),
    assigneeName: assignee?.displayName ?? t('case.unassigned'),
    isStaff: user.role !== 'caseworker',
    caseworkers:
      user.role === 'caseworker'
        ? []
        : await app.db
            .select({ id: users.id, displayName: users.displayName })
            .from(users)
            .where(eq(users.role, 'caseworker')),
    missing: assembled.ok
      ? []
      : assembled.missing.map((part) => ({
          label: t(`case.form.${requiredPartForm[part]}.title` as MessageKey),
          href: `/cases/${caseId}/edit/${requiredPartForm[part]}`,
        })),
    assessment: live ? assessmentView(live, caseId, locale) : null,
    storedAt: stored?.evaluatedAt.toISOString().replace('T', ' ').slice(0, 16),
    sections,
  };
}
