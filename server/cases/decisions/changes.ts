// What changed in a case between the decision and now, as the supervisor reads it: one row per field that
// differs, with the form's label and both values as the case page shows them, then how the assessment moved.
import { countryName, type Locale } from '../../../rules/i18n';
import { labels } from '../../../rules/labels';
import { flagTitle } from '../../../rules/titles';
import type { Translate } from '../../i18n';
import type { FormSpec } from '../forms/engine';
import { type ListFormId, listForms, type ScalarFormId, scalarForms } from '../forms/specs';
import { displayValue } from '../forms/view';
import type { CaseParts, Section } from '../parts';
import type { AssessmentBasis } from './digest';

export interface ChangeRow {
  /** The form or list entry ("Screening", "Documents held, entry 2"). */
  where: string;
  field: string;
  before: string;
  after: string;
}

const scalarIds = Object.keys(scalarForms) as ScalarFormId[];
const listIds = Object.keys(listForms) as ListFormId[];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields of one record (a form's value or one list entry) that differ, as rows. */
function recordChanges(
  where: string,
  spec: FormSpec,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  parts: { before: CaseParts; after: CaseParts },
  locale: Locale,
  t: Translate,
): ChangeRow[] {
  return spec.fields
    .filter((field) => !same(before?.[field.name], after?.[field.name]))
    .map((field) => ({
      where,
      field: t(field.label),
      before: before ? displayValue(field, before[field.name], parts.before, locale, t) : '—',
      after: after ? displayValue(field, after[field.name], parts.after, locale, t) : '—',
    }));
}

/** Every field that differs between the case as decided on and the case now, in the case page's order. */
export function changesSince(before: CaseParts, after: CaseParts, locale: Locale, t: Translate): ChangeRow[] {
  const parts = { before, after };
  const rows: ChangeRow[] = [];
  for (const id of scalarIds) {
    const form = scalarForms[id];
    const title = t(`case.form.${id}.title`);
    rows.push(
      ...recordChanges(
        title,
        form.spec,
        form.read(before) as Record<string, unknown> | undefined,
        form.read(after) as Record<string, unknown> | undefined,
        parts,
        locale,
        t,
      ),
    );
  }
  for (const id of listIds) {
    const list = listForms[id];
    const was = list.read(before);
    const now = list.read(after);
    const title = t(`case.list.${id}.title`);
    for (let i = 0; i < Math.max(was.length, now.length); i++) {
      const where = t('decisions.entry', { list: title, n: i + 1 });
      rows.push(...recordChanges(where, list.spec, was[i], now[i], parts, locale, t));
    }
  }
  return rows;
}

/** The sections whose contents differ: codes for the timeline and the audit log. */
export function changedSections(before: CaseParts, after: CaseParts): Section[] {
  const changed = new Set<Section>();
  for (const id of scalarIds) {
    const form = scalarForms[id];
    if (!same(form.read(before), form.read(after))) changed.add(form.section);
  }
  for (const id of listIds) {
    const list = listForms[id];
    if (!same(list.read(before), list.read(after))) changed.add(list.section);
  }
  return [...changed];
}

/** How the assessment moved between the decision and now: risk, recommendation, flags, verdicts. */
export function assessmentChanges(
  before: AssessmentBasis,
  after: AssessmentBasis,
  locale: Locale,
  t: Translate,
): ChangeRow[] {
  const l = labels[locale];
  const where = t('decisions.assessment');
  const rows: ChangeRow[] = [];
  // "FR/asylum_visa" as the case page writes it.
  const place = (code: string) => {
    const [country, pathway] = code.split('/') as [string, keyof typeof l.pathways];
    return `${countryName(country, locale)} · ${l.pathways[pathway] ?? pathway}`;
  };
  const row = (field: string, b: string, a: string) => {
    if (b !== a) rows.push({ where, field, before: b, after: a });
  };
  row(t('decisions.risk'), l.riskLevels[before.riskLevel], l.riskLevels[after.riskLevel]);
  const recommended = (b: AssessmentBasis) =>
    b.pathway ? `${l.actions[b.action]}: ${place(b.pathway)}` : l.actions[b.action];
  row(t('decisions.recommendation'), recommended(before), recommended(after));
  // A flag reads "title (severity)", or "cleared" once a supervisor cleared it.
  const flags = (b: AssessmentBasis) =>
    b.flags
      .map((f) => {
        const [id, severity, cleared] = f.split(':') as [string, keyof typeof l.severities, string?];
        const state = cleared ? t('decisions.flagCleared') : l.severities[severity];
        return `${flagTitle(id, locale)} (${state})`;
      })
      .join('; ') || '—';
  row(t('decisions.flags'), flags(before), flags(after));
  const verdicts = (b: AssessmentBasis) =>
    b.destinations
      .map((d) => {
        const [code, verdict] = d.split(':') as [string, keyof typeof l.verdicts];
        return `${place(code)}: ${l.verdicts[verdict]}`;
      })
      .join('; ') || '—';
  row(t('decisions.verdicts'), verdicts(before), verdicts(after));
  return rows;
}
