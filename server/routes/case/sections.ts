// The scalar section forms of a case (identity, service, desertion...): shown filled in, saved under the
// section's version so nobody's work is silently overwritten.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readCaseForm, toFormValues } from '../../cases/forms/engine';
import { isScalarForm, type ScalarForm, scalarForms } from '../../cases/forms/specs';
import type { MessageKey } from '../../i18n';
import { anyRole } from '../../policy';
import { caseOf } from '../case-scope';
import { type FormPage, renderConflict, renderForm, versionOf } from './form-pages';

type FormRequest = FastifyRequest<{ Params: { id: string; form: string } }>;

const heading = (request: FastifyRequest, id: string) => request.t(`case.form.${id}.title` as MessageKey);

export async function caseSectionRoutes(app: FastifyInstance): Promise<void> {
  const access = anyRole;

  app.get<{ Params: { id: string; form: string } }>(
    '/cases/:id/edit/:form',
    { config: { access, caseView: ({ form }) => `form:${form}` } },
    async (request: FormRequest, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = caseOf(request);
      const form: ScalarForm = scalarForms[formId];
      return renderForm(request, reply, {
        loaded,
        heading: heading(request, formId),
        action: `/cases/${loaded.row.id}/edit/${formId}`,
        spec: form.spec,
        values: toFormValues(form.spec, form.read(loaded.parts)),
        errors: {},
        version: loaded.versions[form.section],
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
      const read = readCaseForm(form.spec, request.body, loaded.parts);
      const page: FormPage = {
        loaded,
        heading: heading(request, formId),
        action: `/cases/${loaded.row.id}/edit/${formId}`,
        spec: form.spec,
        values: read.values,
        errors: read.ok ? {} : read.errors,
        version,
      };
      if (!read.ok) return renderForm(request, reply, page, 400);
      const result = await app.cases.saveSection({
        caseId: loaded.row.id,
        section: form.section,
        changes: form.write(loaded.parts, read.value),
        expectedVersion: version,
        actorId: request.user!.id,
      });
      if (!result.ok) {
        const current = result.conflict.current;
        const conflict = { ...page, version: result.conflict.version };
        return renderConflict(request, reply, conflict, form.read(current.parts), current);
      }
      return reply.redirect(`/cases/${loaded.row.id}#${formId}`, 303);
    },
  );
}
