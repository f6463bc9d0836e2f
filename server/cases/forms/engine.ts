// Forms for the parts of a case. A form is a list of fields over one object of the case file; the object's
// zod schema (rules/case-schema.ts) stays the judge of validity. This module turns stored values into what
// the inputs show, and what was typed back into values, with one message per field to show beside it.
import type { z } from 'zod';
import { countryCodes } from '../../../rules/data/countries';
import type { DateCheck } from '../../../rules/date-checks';
import { readTypedDate, typedDate } from '../../../rules/date-input';
import type { Locale } from '../../../rules/i18n';
import type { Enumerations } from '../../../rules/labels';
import type { MessageKey } from '../../i18n';
import { isMessageKey, type KeysUnder } from '../../i18n/keys';
import type { CaseParts } from '../parts';
import { fieldMessages } from './messages';

type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'number'
  | 'select'
  | 'country'
  | 'boolean'
  | 'checkboxes'
  | 'countries'
  | 'references';

export interface Field {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Values of a select or checkbox set; a function when they depend on the case (e.g. its destinations). */
  options?: readonly string[] | ((parts: CaseParts) => readonly string[]);
  /** Where option labels come from: an enumeration of rules/labels.ts. */
  labels?: keyof Enumerations;
  /** Has a hint under its label (`case.hint.FORM.NAME`). */
  hint?: boolean;
  /** Input mode and pattern hints for the browser (validation is still on the server). */
  inputmode?: 'numeric';
  /** Suggests reference units as he types (server-side; a datalist of every name without script). */
  suggestUnits?: boolean;
  /** Secret like a name (a document's number): shown in its own form and record, never in a list's table. */
  secret?: boolean;
  /** Labels for options that are not an enumeration (e.g. which destination an application belongs to). */
  optionLabel?: (value: string, parts: CaseParts, locale: Locale) => string;
}

/** A field of a built form: with the keys of its label and, when it has one, its hint. */
type FormField = Field & { label: MessageKey; hintKey?: MessageKey };

export interface FormSpec {
  /** Names the form in URLs and in translation keys (`case.field.ID.NAME`). */
  id: string;
  fields: FormField[];
  schema: z.ZodType;
  /** Dates of this part that cannot be right (an event after today...): errors beside those fields. */
  dates?: DateCheck;
}

/**
 * Each field as given when the catalogue has its label (`case.field.ID.NAME`) and, for a field with a hint,
 * the hint (`case.hint.ID.NAME`); otherwise a type naming the missing key, so a form cannot be declared
 * with a field nobody can read the name of.
 */
type Worded<Id extends string, F extends readonly Field[]> = {
  [I in keyof F]: F[I] extends { name: infer N extends string }
    ? N extends KeysUnder<`case.field.${Id}.`>
      ? F[I] extends { hint: true }
        ? N extends KeysUnder<`case.hint.${Id}.`>
          ? F[I]
          : `no translation key case.hint.${Id}.${N}`
        : F[I]
      : `no translation key case.field.${Id}.${N}`
    : never;
};

/** A form over `schema`, its fields' labels and hints checked against the catalogue by the type checker. */
export function formSpec<const Id extends string, const F extends readonly Field[]>(
  id: Id,
  schema: z.ZodType,
  fields: F & Worded<Id, F>,
  dates?: DateCheck,
): FormSpec {
  return { id, schema, fields: fields.map((field: Field) => worded(id, field)), ...(dates ? { dates } : {}) };
}

function worded(id: string, field: Field): FormField {
  const label = `case.field.${id}.${field.name}`;
  const hint = `case.hint.${id}.${field.name}`;
  // formSpec's type has proved both keys exist; this only tells the type checker so.
  if (!isMessageKey(label)) throw new Error(`No translation for ${label}`);
  if (!field.hint) return { ...field, label };
  if (!isMessageKey(hint)) throw new Error(`No translation for ${hint}`);
  return { ...field, label, hintKey: hint };
}

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, MessageKey>;

const COUNTRY_SLOTS = 3;
const codes = new Set<string>(countryCodes);

export function optionsOf(field: Field, parts: CaseParts): readonly string[] {
  return typeof field.options === 'function' ? field.options(parts) : (field.options ?? []);
}

/** What each input shows for a stored value (undefined: an empty form). */
export function toFormValues(spec: FormSpec, value: Record<string, unknown> | undefined): FormValues {
  const out: FormValues = {};
  for (const field of spec.fields) {
    const v = value?.[field.name];
    switch (field.kind) {
      case 'boolean':
        out[field.name] = v === true ? 'yes' : v === false ? 'no' : '';
        break;
      case 'checkboxes':
        out[field.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'countries': {
        const list = Array.isArray(v) ? v.map(String) : [];
        out[field.name] = Array.from(
          { length: Math.max(COUNTRY_SLOTS, list.length) },
          (_, i) => list[i] ?? '',
        );
        break;
      }
      case 'references':
        out[field.name] = Array.isArray(v) ? v.join(', ') : '';
        break;
      case 'date':
        out[field.name] = typeof v === 'string' ? typedDate(v) : '';
        break;
      default:
        out[field.name] = v === undefined || v === null ? '' : String(v);
    }
  }
  return out;
}

const asList = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (x): x is string => typeof x === 'string',
  );

export type ReadResult =
  | { ok: true; value: Record<string, unknown>; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Reads a submitted form. Fields the form does not have are refused (no mass assignment); every typed value
 * comes back in `values`, so a form with errors shows exactly what the user typed.
 */
export function readCaseForm(spec: FormSpec, body: unknown, parts: CaseParts, today: string): ReadResult {
  const raw = { ...((body && typeof body === 'object' ? body : {}) as Record<string, unknown>) };
  delete raw._csrf;
  delete raw._version;
  delete raw._base;
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const known = new Set(spec.fields.map((f) => f.name));
  if (Object.keys(raw).some((name) => !known.has(name))) errors._form = 'form.unknownField';

  const value: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const given = raw[field.name];
    if (field.kind === 'checkboxes' || field.kind === 'countries') {
      const list = asList(given).map((s) => s.trim());
      values[field.name] = list;
      const chosen = [...new Set(list.filter(Boolean))];
      const allowed =
        field.kind === 'countries'
          ? (c: string) => codes.has(c)
          : (c: string) => optionsOf(field, parts).includes(c);
      if (chosen.some((c) => !allowed(c)))
        errors[field.name] = field.kind === 'countries' ? 'form.country' : 'form.choose';
      else if (field.required && chosen.length === 0) errors[field.name] = 'form.requiredOne';
      else value[field.name] = chosen;
      continue;
    }
    // One input sends one value: a list where one is expected is refused, not emptied.
    const list = Array.isArray(given);
    const text = typeof given === 'string' ? given : (asList(given)[0] ?? '');
    values[field.name] = text;
    if (list || (given !== undefined && typeof given !== 'string')) {
      errors[field.name] = 'form.oneValue';
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      if (field.required)
        errors[field.name] =
          field.kind === 'select' || field.kind === 'boolean' ? 'form.choose' : 'form.required';
      continue;
    }
    switch (field.kind) {
      case 'date': {
        const date = readTypedDate(trimmed);
        if (date === undefined) errors[field.name] = 'form.date';
        else value[field.name] = date;
        break;
      }
      case 'number':
        if (!/^\d{1,6}$/.test(trimmed)) errors[field.name] = 'form.number';
        else value[field.name] = Number(trimmed);
        break;
      case 'select':
        if (!optionsOf(field, parts).includes(trimmed)) errors[field.name] = 'form.choose';
        else value[field.name] = trimmed;
        break;
      case 'country':
        if (!codes.has(trimmed)) errors[field.name] = 'form.country';
        else value[field.name] = trimmed;
        break;
      case 'boolean':
        if (trimmed !== 'yes' && trimmed !== 'no') errors[field.name] = 'form.choose';
        else value[field.name] = trimmed === 'yes';
        break;
      case 'references': {
        const refs = trimmed
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((r) => r.toUpperCase());
        if (refs.some((r) => !/^WP-\d{4}-\d{4,}$/.test(r))) errors[field.name] = 'form.references';
        else value[field.name] = refs;
        break;
      }
      default:
        value[field.name] = trimmed;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };

  // The schema has the last word: lengths, digits-only unit numbers, rules across fields; then the dates.
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) {
    const data = parsed.data as Record<string, unknown>;
    for (const problem of spec.dates?.(data, today) ?? [])
      errors[problem.field] ??= fieldMessages[problem.message] ?? 'form.invalid';
    return Object.keys(errors).length === 0
      ? { ok: true, value: data, values }
      : { ok: false, errors, values };
  }
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '_form');
    errors[known.has(name) ? name : '_form'] ??= messageFor(issue);
  }
  return { ok: false, errors, values };
}

/** The schema's own wording as a translated message; limits are said by the view, which knows them. */
function messageFor(issue: z.core.$ZodIssue): MessageKey {
  if (issue.code === 'too_big') return issue.origin === 'number' ? 'form.tooBig' : 'form.tooLong';
  return fieldMessages[issue.message] ?? 'form.invalid';
}
