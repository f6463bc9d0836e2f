// What a template needs to draw a form's fields and a record's values: labels, options and errors already
// translated, so templates only lay them out.
import { countryCodes } from '../../../rules/data/countries';
import { countryName, type Locale } from '../../../rules/i18n';
import { labels } from '../../../rules/labels';
import { fieldSchema, maxOf } from '../../../rules/limits';
import type { MessageKey, Translate } from '../../i18n';
import { formatDay } from '../../i18n/dates';
import { unitDatalist } from '../../reference-data/units';
import type { CaseParts } from '../parts';
import { type Field, type FieldErrors, type FormSpec, type FormValues, optionsOf } from './engine';

interface OptionView {
  value: string;
  label: string;
}

export interface FieldView {
  name: string;
  kind: Field['kind'];
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required: boolean;
  inputmode?: string;
  /** The limit, said before it bites ("Up to 200 characters."). */
  limit?: string;
  /** The most characters of a long text, for its live counter (views/static/forms.js). */
  maxLength?: number;
  /** Reference units to suggest: the datalist behind the input. */
  suggestions?: OptionView[];
  /** The one value of a single input. */
  value: string;
  /** The values of a multiple input (checkboxes, country slots). */
  values: string[];
  options: OptionView[];
}

const sortedCountries: Record<Locale, OptionView[]> = {
  en: countryOptions('en'),
  ru: countryOptions('ru'),
};
function countryOptions(locale: Locale): OptionView[] {
  return countryCodes
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

function optionLabel(field: Field, value: string, parts: CaseParts, locale: Locale): string {
  if (field.optionLabel) return field.optionLabel(value, parts, locale);
  const set = field.labels ? (labels[locale][field.labels] as Record<string, string>) : undefined;
  return set?.[value] ?? value;
}

export function fieldViews(
  spec: FormSpec,
  values: FormValues,
  errors: FieldErrors,
  parts: CaseParts,
  locale: Locale,
  t: Translate,
): FieldView[] {
  return spec.fields.map((field) => {
    const raw = values[field.name];
    let options: OptionView[] = [];
    if (field.kind === 'country' || field.kind === 'countries') options = sortedCountries[locale];
    else if (field.kind === 'boolean') {
      options = [
        { value: 'yes', label: t('case.yes') },
        { value: 'no', label: t('case.no') },
      ];
    } else if (field.kind === 'select' || field.kind === 'checkboxes') {
      options = optionsOf(field, parts).map((value) => ({
        value,
        label: optionLabel(field, value, parts, locale),
      }));
    }
    const error = errors[field.name];
    const schema = fieldSchema(spec.schema, field.name);
    const max = schema ? maxOf(schema) : undefined;
    const value = typeof raw === 'string' ? raw : '';
    return {
      name: field.name,
      kind: field.kind,
      id: `f-${field.name}`,
      label: t(field.label),
      ...hintOf(field, t),
      ...(error ? { error: errorText(error, max, value, t) } : {}),
      required: field.required ?? false,
      ...(field.inputmode || field.kind === 'date' ? { inputmode: 'numeric' } : {}),
      ...(max === undefined ? {} : { limit: limitText(field, max, t) }),
      ...(max !== undefined && field.kind === 'textarea' ? { maxLength: max } : {}),
      ...(field.suggestUnits ? { suggestions: unitDatalist(locale) } : {}),
      value,
      values: Array.isArray(raw) ? raw : [],
      options,
    };
  });
}

/** The field's own hint and, for a date, the format it takes. */
function hintOf(field: FormSpec['fields'][number], t: Translate): { hint?: string } {
  const own = field.hintKey ? t(field.hintKey) : '';
  const format = field.kind === 'date' ? t('form.dateHint') : '';
  const hint = [own, format].filter(Boolean).join(' ');
  return hint ? { hint } : {};
}

function limitText(field: Field, max: number, t: Translate): string {
  const n = max.toLocaleString('en').replaceAll(',', '\u202F');
  if (field.kind === 'number') return t('form.limit.value', { max: n });
  if (field.kind === 'text' || field.kind === 'textarea') return t('form.limit.characters', { max: n });
  return t('form.limit.entries', { max: n });
}

/** A limit's error says the limit (and how far over it the text is). */
function errorText(error: MessageKey, max: number | undefined, value: string, t: Translate): string {
  if (max !== undefined && error === 'form.tooLong')
    return t('form.tooLongMax', { max, count: value.trim().length });
  if (max !== undefined && error === 'form.tooBig') return t('form.tooBig', { max });
  return t(error);
}

/** A stored value as a reader sees it. */
export function displayValue(
  field: Field,
  value: unknown,
  parts: CaseParts,
  locale: Locale,
  t: Translate,
): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field.kind) {
    case 'boolean':
      return value ? t('case.yes') : t('case.no');
    case 'country':
      return countryName(String(value), locale);
    case 'countries':
      return (value as string[]).map((c) => countryName(c, locale)).join(', ');
    case 'checkboxes':
      return (value as string[]).map((v) => optionLabel(field, v, parts, locale)).join(', ');
    case 'references':
      return (value as string[]).join(', ');
    case 'select':
      return optionLabel(field, String(value), parts, locale);
    case 'date':
      return formatDay(String(value), locale);
    default:
      return String(value);
  }
}

export interface RecordRow {
  label: string;
  value: string;
}

/** Label and shown value of every field of a record, for the case page and the conflict page. */
export function recordRows(
  spec: FormSpec,
  value: Record<string, unknown> | undefined,
  parts: CaseParts,
  locale: Locale,
  t: Translate,
): RecordRow[] {
  return spec.fields.map((field) => ({
    label: t(field.label),
    value: displayValue(field, value?.[field.name], parts, locale, t),
  }));
}
