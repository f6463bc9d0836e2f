// The scalar section forms of a case (identity, service, desertion...): shown filled in, and saved merged
// with whatever others saved meanwhile (server/cases/edits.ts): nobody's work is silently overwritten, and
// only a field both people changed is asked about.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type RecordEdit, saveRecord } from '../../cases/edits';
import { type FieldErrors, readCaseForm, toFormValues } from '../../cases/forms/engine';
import { isScalarForm, type ScalarForm, type ScalarFormId, scalarForms } from '../../cases/forms/specs';
import { todayOf } from '../../cases/repository';
import { caseRoles } from '../../policy';
import { caseOf } from '../case-scope';
import {
  baseOf,
  type FormPage,
  rawBase,
  renderConflict,
  renderForm,
  savesOf,
  submittedBase,
  versionOf,
} from './form-pages';

type FormRequest = FastifyRequest<{ Params: { id: string; form: string } }>;

const heading = (request: FastifyRequest, id: ScalarFormId) => request.t(`case.form.${id}.title`);

/** A section's form as an edit of one record: a form not filled in yet is an empty record. */
const recordEdit = (form: ScalarForm, today: string): RecordEdit => ({
  section: form.section,
  names: form.spec.fields.map((f) => f.name),
  read: (parts) => form.read(parts) ?? {},
  valid: (value, parts) => readCaseForm(form.spec, toFormValues(form.spec, value), parts, today).ok,
  write: (parts, value) => form.write(parts, value),
});

export async function caseSectionRoutes(app: FastifyInstance): Promise<void> {
  const access = caseRoles;

  app.get<{ Params: { id: string; form: string } }>(
    '/cases/:id/edit/:form',
    { config: { access, caseView: ({ form }) => `form:${form}` } },
    async (request: FormRequest, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = caseOf(request);
      const form: ScalarForm = scalarForms[formId];
      const value = form.read(loaded.parts);
      return renderForm(request, reply, {
        caseRow: loaded.row,
        parts: loaded.parts,
        heading: heading(request, formId),
        action: `/cases/${loaded.row.id}/edit/${formId}`,
        spec: form.spec,
        values: toFormValues(form.spec, value),
        errors: {},
        version: loaded.versions[form.section],
        base: baseOf(form.spec, value),
      });
    },
  );

  app.post<{ Params: { id: string; form: string } }>(
    '/cases/:id/edit/:form',
    { config: { access } },
    async (request: FormRequest, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = caseOf(request);
      const form: ScalarForm = scalarForms[formId];
      const version = versionOf(request.body);
      const read = readCaseForm(form.spec, request.body, loaded.parts, todayOf(app.clock()));
      const action = `/cases/${loaded.row.id}/edit/${formId}`;
      const page = (errors: FieldErrors): FormPage => ({
        caseRow: loaded.row,
        parts: loaded.parts,
        heading: heading(request, formId),
        action,
        spec: form.spec,
        values: read.values,
        errors,
        version,
        base: rawBase(request.body),
      });
      if (!read.ok) return renderForm(request, reply, page(read.errors), 400);
      const base = submittedBase(request.body);
      const outcome = await saveRecord(
        savesOf(app, request),
        loaded.row.id,
        recordEdit(form, todayOf(app.clock())),
        {
          version,
          base,
          mine: read.value,
        },
      );
      if (outcome.kind === 'saved') return reply.redirect(`/cases/${loaded.row.id}#${formId}`, 303);
      if (outcome.kind === 'conflict') {
        return renderConflict(request, reply, {
          caseRow: outcome.current.row,
          parts: outcome.current.parts,
          heading: heading(request, formId),
          action,
          spec: form.spec,
          version: outcome.current.versions[form.section],
          base,
          mine: read.value,
          theirs: outcome.theirs,
          merge: outcome.merge,
        });
      }
      return renderForm(request, reply, page({ _form: 'conflict.busy' }), 409);
    },
  );
}
