// What the case's form routes share: the form page, the conflict page shown when someone saved the same
// record meanwhile (what each side changed marked, only the fields both changed asked about), the page for an
// entry removed while it was being edited, and how a form carries the section's version and the record it
// was loaded with (its base), so a save can be merged with what others saved (server/cases/edits.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseSaves } from '../../cases/edits';
import { type FieldErrors, type FormSpec, type FormValues, toFormValues } from '../../cases/forms/engine';
import { displayValue, fieldViews } from '../../cases/forms/view';
import { type Fields, type Merge, sameValue } from '../../cases/merge';
import type { CaseParts } from '../../cases/parts';
import type { CaseRow } from '../../cases/repository';

/** The form's fields of a record, as the base a form carries (other keys, such as an entry's id, left out). */
export function baseOf(spec: FormSpec, record: Fields | undefined): string {
  return JSON.stringify(Object.fromEntries(spec.fields.map((f) => [f.name, record?.[f.name] ?? null])));
}

/** The base a submitted form carried; undefined when it carried none or it is not a record. */
export function submittedBase(body: unknown): Fields | undefined {
  const raw = (body as Record<string, unknown> | undefined)?._base;
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Fields) : undefined;
  } catch {
    return undefined;
  }
}

/** The section version the form was loaded with (-1 when missing or not a number: never current). */
export function versionOf(body: unknown): number {
  const raw = (body as Record<string, unknown> | undefined)?._version;
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}

/** Edits by this request's user reach the case through the repository. */
export const savesOf = (app: FastifyInstance, request: FastifyRequest): CaseSaves => ({
  load: (caseId) => app.cases.load(caseId),
  save: (input) => app.cases.saveSection({ ...input, actorId: request.user!.id }),
});

/** The raw base a submitted form carried, to carry again when the form comes back with errors. */
export function rawBase(body: unknown): string {
  const raw = (body as Record<string, unknown> | undefined)?._base;
  return typeof raw === 'string' ? raw : '';
}

export interface FormPage {
  caseRow: CaseRow;
  parts: CaseParts;
  heading: string;
  action: string;
  spec: FormSpec;
  values: FormValues;
  errors: FieldErrors;
  version: number;
  /** The record the form was first loaded with, as baseOf wrote it. */
  base: string;
  removable?: string;
}

export function renderForm(request: FastifyRequest, reply: FastifyReply, page: FormPage, status?: number) {
  const t = request.t;
  return reply.render(
    'cases/form',
    {
      title: `${page.heading} · ${page.caseRow.pseudonym}`,
      heading: page.heading,
      caseRow: page.caseRow,
      action: page.action,
      version: page.version,
      base: page.base,
      fields: fieldViews(page.spec, page.values, page.errors, page.parts, request.locale, t),
      formError: page.errors._form ? t(page.errors._form) : undefined,
      errorCount: Object.keys(page.errors).length,
      removable: page.removable,
    },
    status,
  );
}

export interface ConflictPage {
  caseRow: CaseRow;
  parts: CaseParts;
  heading: string;
  action: string;
  spec: FormSpec;
  version: number;
  base: Fields | undefined;
  mine: Fields;
  theirs: Fields;
  merge: Merge;
}

type RowState = 'both' | 'theirs' | 'mine' | 'same' | 'differs';

/** Both versions side by side, the differing fields marked; only the fields both changed are asked for. */
export function renderConflict(request: FastifyRequest, reply: FastifyReply, page: ConflictPage) {
  const { t, locale } = request;
  const { spec, base, mine, theirs, merge, parts } = page;
  const show = (name: string, v: unknown) =>
    displayValue(spec.fields.find((f) => f.name === name)!, v, parts, locale, t);
  const rows = spec.fields.map((field) => {
    const { name } = field;
    const byThem = base !== undefined && !sameValue(base[name], theirs[name]);
    const byMe = base !== undefined && !sameValue(base[name], mine[name]);
    const state: RowState = merge.conflicts.includes(name)
      ? base === undefined
        ? 'differs'
        : 'both'
      : byThem && !sameValue(mine[name], theirs[name])
        ? 'theirs'
        : byMe
          ? 'mine'
          : 'same';
    return {
      label: t(field.label),
      before: base === undefined ? undefined : show(name, base[name]),
      theirs: show(name, theirs[name]),
      mine: show(name, mine[name]),
      state,
      stateLabel: t(`conflict.state.${state}`),
    };
  });
  const asked = { ...spec, fields: spec.fields.filter((f) => merge.conflicts.includes(f.name)) };
  const fields = fieldViews(asked, toFormValues(spec, mine), {}, parts, locale, t).map((f) => ({
    ...f,
    hint: t('conflict.savedValue', { value: show(f.name, theirs[f.name]) }),
  }));
  const merged = toFormValues(spec, merge.merged);
  const hidden = spec.fields
    .filter((f) => !merge.conflicts.includes(f.name))
    .flatMap((f) => {
      const v = merged[f.name] ?? '';
      return (Array.isArray(v) ? v : [v]).map((value) => ({ name: f.name, value }));
    });
  return reply.render(
    'cases/conflict',
    {
      title: t('conflict.title'),
      caseRow: page.caseRow,
      heading: page.heading,
      hasBase: base !== undefined,
      rows,
      fields,
      hidden,
      action: page.action,
      version: page.version,
      // Saving from this page merges against what is saved now: that is the new base.
      base: baseOf(spec, theirs),
    },
    409,
  );
}

/** The entry being edited was removed meanwhile: show what was typed and offer to add it back. */
export function renderGone(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { caseRow: CaseRow; parts: CaseParts; item: string; addAction: string; spec: FormSpec; mine: Fields },
) {
  const { t, locale } = request;
  const { spec, mine, parts } = page;
  const values = toFormValues(spec, mine);
  return reply.render(
    'cases/entry-gone',
    {
      title: t('conflict.gone.title'),
      caseRow: page.caseRow,
      item: page.item,
      rows: spec.fields.map((f) => ({
        label: t(f.label),
        value: displayValue(f, mine[f.name], parts, locale, t),
      })),
      hidden: spec.fields.flatMap((f) => {
        const v = values[f.name] ?? '';
        return (Array.isArray(v) ? v : [v]).map((value) => ({ name: f.name, value }));
      }),
      action: page.addAction,
    },
    409,
  );
}
