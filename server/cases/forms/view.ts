// What a template needs to draw a form's fields and a record's values: labels, options and errors already
// translated, so templates only lay them out.
import { countryCodes } from '../../../rules/data/countries';
import { countryName, type Locale } from '../../../rules/i18n';
import { labels } from '../../../rules/labels';
import type { Translate } from '../../i18n';
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
    return {
      name: field.name,
      kind: field.kind,
      id: `f-${field.name}`,
      label: t(field.label),
      ...(field.hintKey ? { hint: t(field.hintKey) } : {}),
      ...(error ? { error: t(error) } : {}),
      required: field.required ?? false,
      ...(field.inputmode ? { inputmode: field.inputmode } : {}),
      ...(field.suggestUnits ? { suggestions: unitDatalist(locale) } : {}),
      value: typeof raw === 'string' ? raw : '',
      values: Array.isArray(raw) ? raw : [],
      options,
    };
  });
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
