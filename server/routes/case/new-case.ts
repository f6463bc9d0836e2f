// A new case: the identity form's first two fields and, for supervisors, who it is assigned to.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { personSchema } from '../../../rules/case-schema';
import { activeCaseworkers } from '../../cases/caseworkers';
import {
  type FieldErrors,
  type FormSpec,
  type FormValues,
  readCaseForm,
  toFormValues,
} from '../../cases/forms/engine';
import { scalarForms } from '../../cases/forms/specs';
import { fieldViews } from '../../cases/forms/view';
import type { CaseParts } from '../../cases/parts';
import { todayOf } from '../../cases/repository';
import { caseRoles } from '../../policy';

/** A new case starts with the identity form's first two fields, judged by the same schema. */
const newCaseFields = ['pseudonym', 'citizenships'];
const newCaseSpec: FormSpec = {
  id: 'person',
  schema: personSchema.pick({ pseudonym: true, citizenships: true }),
  fields: scalarForms.person.spec.fields.filter((f) => newCaseFields.includes(f.name)),
};

export async function newCaseRoutes(app: FastifyInstance): Promise<void> {
  const access = caseRoles;
  const caseworkers = () => activeCaseworkers(app.db).execute();

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const t = request.t;
    const empty = {} as CaseParts;
    return reply.render(
      'cases/new',
      {
        title: t('case.new.title'),
        fields: fieldViews(newCaseSpec, values, errors, empty, request.locale, t),
        assignees: request.user!.role === 'caseworker' ? [] : await caseworkers(),
        assignee: values.assignee ?? '',
        assigneeError: errors.assignee ? t(errors.assignee) : undefined,
        formError: errors._form ? t(errors._form) : undefined,
      },
      status,
    );
  };

  app.get('/cases/new', { config: { access } }, async (request, reply) =>
    renderNew(request, reply, toFormValues(newCaseSpec, undefined), {}),
  );

  app.post('/cases', { config: { access, once: true } }, async (request, reply) => {
    const me = request.user!;
    const body = { ...(request.body as Record<string, unknown>) };
    const assigneeRaw = typeof body.assignee === 'string' ? body.assignee : '';
    delete body.assignee;
    const form = readCaseForm(newCaseSpec, body, {} as CaseParts, todayOf(app.clock()));
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    let assignedTo = me.id;
    if (me.role !== 'caseworker') {
      const chosen = (await caseworkers()).find((c) => c.id === assigneeRaw);
      if (chosen) assignedTo = chosen.id;
      else errors.assignee = 'form.choose';
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      return renderNew(request, reply, { ...form.values, assignee: assigneeRaw }, errors, 400);
    }
    const person = form.value as { pseudonym: string; citizenships: CaseParts['person']['citizenships'] };
    const { id } = await app.cases.create({ person, assignedTo, actorId: me.id });
    return reply.redirect(`/cases/${id}`, 303);
  });
}
