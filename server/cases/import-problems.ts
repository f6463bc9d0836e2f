// A refused case file's problems told as the forms would tell them: the section, the form (and which entry
// of a list), the field's label and the problem, in the reader's language, in the order of the case page;
// never as the file's paths (`deployments[1].from`).
import type { MessageKey, Translate } from '../i18n';
import { isListForm, isScalarForm, listForms, scalarForms } from './forms/specs';
import { type Section, sectionNames } from './parts';

interface ImportProblemLine {
  section: string;
  /** The form, and for a list the entry's number: "Deployments in the war zone, entry 2". */
  where: string;
  field: string;
  problem: string;
}

export interface ImportProblemGroup {
  section: string;
  lines: ImportProblemLine[];
}

/** `deployments[1].from` -> ['deployments', 1, 'from']. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
}

interface Place {
  section?: Section;
  formTitle?: MessageKey;
  entry?: number;
  field?: MessageKey;
  /** A field name the forms do not have (an unknown field): shown quoted, as typed in the file. */
  unknown?: string;
}

/** The form a path falls in: the innermost list entry on it, or else the scalar form it starts with. */
function place(path: (string | number)[]): Place {
  for (let i = path.length - 2; i >= 0; i--) {
    const id = path[i];
    const index = path[i + 1];
    if (typeof id !== 'string' || typeof index !== 'number' || !isListForm(id)) continue;
    const form = listForms[id];
    const name = path[i + 2];
    const field = form.spec.fields.find((f) => f.name === name);
    return {
      section: form.section,
      formTitle: `case.list.${id}.title`,
      entry: index + 1,
      ...(field ? { field: field.label } : {}),
      ...(typeof name === 'string' && !field ? { unknown: name } : {}),
    };
  }
  const [first, name] = path;
  if (typeof first === 'string' && isScalarForm(first)) {
    const form = scalarForms[first];
    const field = form.spec.fields.find((f) => f.name === name);
    return {
      section: form.section,
      formTitle: `case.form.${first}.title`,
      ...(field ? { field: field.label } : {}),
      ...(typeof name === 'string' && !field ? { unknown: name } : {}),
    };
  }
  if (first === 'review') return { section: 'review' };
  return typeof first === 'string' && first !== '(root)' ? { unknown: first } : {};
}

/** Groups problems by section in the case page's order; `message` is already in the reader's language. */
export function describeImportProblems(
  problems: { path: string; message: string }[],
  t: Translate,
): ImportProblemGroup[] {
  const whole = t('cases.import.where.file');
  const located = problems.map((p) => {
    const at = place(segments(p.path));
    const section =
      at.section === 'review'
        ? t('cases.import.where.review')
        : at.section
          ? t(`case.section.${at.section}`)
          : whole;
    const form = at.formTitle ? t(at.formTitle) : whole;
    const line: ImportProblemLine = {
      section,
      where: at.entry ? t('cases.import.where.entry', { form, n: at.entry }) : form,
      field: at.field
        ? t(at.field)
        : at.unknown
          ? t('cases.import.where.unknownField', { name: at.unknown })
          : t('cases.import.where.wholeForm'),
      problem: p.message,
    };
    return { order: at.section ? sectionNames.indexOf(at.section) : -1, line };
  });
  const groups: ImportProblemGroup[] = [];
  for (const { line } of located.sort((a, b) => a.order - b.order)) {
    const last = groups.at(-1);
    if (last?.section === line.section) last.lines.push(line);
    else groups.push({ section: line.section, lines: [line] });
  }
  return groups;
}
