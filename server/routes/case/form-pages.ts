// What the case's form routes share: the form page, the conflict page shown when someone saved the section
// since the form was loaded (both versions side by side, what was typed kept), and the form's version.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors, FormValues } from '../../cases/forms/engine';
import { readCaseForm } from '../../cases/forms/engine';
import type { ScalarForm } from '../../cases/forms/specs';
import { fieldViews, recordRows } from '../../cases/forms/view';
import type { LoadedCase } from '../../cases/repository';

export interface FormPage {
  loaded: LoadedCase;
  heading: string;
  action: string;
  spec: ScalarForm['spec'];
  values: FormValues;
  errors: FieldErrors;
  version: number;
  removable?: string;
}

export function renderForm(request: FastifyRequest, reply: FastifyReply, page: FormPage, status?: number) {
  const t = request.t;
  return reply.render(
    'cases/form',
    {
      title: `${page.heading} · ${page.loaded.row.pseudonym}`,
      heading: page.heading,
      caseRow: page.loaded.row,
      action: page.action,
      version: page.version,
      fields: fieldViews(page.spec, page.values, page.errors, page.loaded.parts, request.locale, t),
      formError: page.errors._form ? t(page.errors._form) : undefined,
      errorCount: Object.keys(page.errors).length,
      removable: page.removable,
    },
    status,
  );
}

/** Someone saved the section since this form was loaded: show both, keep what was typed. */
export function renderConflict(
  request: FastifyRequest,
  reply: FastifyReply,
  page: FormPage,
  theirs: Record<string, unknown> | undefined,
  current: LoadedCase,
) {
  const t = request.t;
  const typed = readCaseForm(page.spec, page.values, current.parts);
  return reply.render(
    'cases/conflict',
    {
      title: t('case.conflict.title'),
      caseRow: current.row,
      heading: page.heading,
      theirs: theirs ? recordRows(page.spec, theirs, current.parts, request.locale, t) : null,
      yours: recordRows(page.spec, typed.ok ? typed.value : undefined, current.parts, request.locale, t).map(
        (row, i) => ({
          ...row,
          value: typed.ok ? row.value : String(Object.values(page.values)[i] ?? ''),
        }),
      ),
      action: page.action,
      version: page.version,
      fields: fieldViews(page.spec, page.values, {}, current.parts, request.locale, t),
    },
    409,
  );
}

/** The section version the form was loaded with (-1 when missing or not a number: never current). */
export function versionOf(body: unknown): number {
  const raw = (body as Record<string, unknown> | undefined)?._version;
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}
