// The case page and every form that fills a case in: new case, the scalar section forms, and adding,
// editing and removing list entries. All work without JavaScript; every save is checked against the
// version the form was loaded with, so nobody's work is silently overwritten.
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditLog, type CaseStatus, cases, users } from '../../db/schema';
import { personSchema } from '../../rules/case-schema';
import { appendAudit } from '../audit';
import { canSeeCase } from '../cases/access';
import { activeCaseworkers } from '../cases/caseworkers';
import { type RecordEdit, saveRecord } from '../cases/edits';
import {
  type FieldErrors,
  type FormSpec,
  type FormValues,
  readCaseForm,
  toFormValues,
} from '../cases/forms/engine';
import {
  baseOf,
  type FormPage,
  recordView,
  renderConflict,
  renderForm,
  submittedBase,
  versionOf,
} from '../cases/forms/pages';
import { isScalarForm, type ScalarForm, scalarForms } from '../cases/forms/specs';
import { fieldViews } from '../cases/forms/view';
import { casePageModel } from '../cases/page';
import type { CaseParts } from '../cases/parts';
import { createCase, type LoadedCase, loadCase, saveSection } from '../cases/store';
import { readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import { anyRole, staff } from '../policy';

type CaseRequest = FastifyRequest<{ Params: { id: string; form?: string; list?: string; index?: string } }>;

/** A new case starts with the identity form's first two fields, judged by the same schema. */
const newCaseFields = ['pseudonym', 'citizenships'];
const newCaseSpec: FormSpec = {
  id: 'person',
  schema: personSchema.pick({ pseudonym: true, citizenships: true }),
  fields: scalarForms.person.spec.fields.filter((f) => newCaseFields.includes(f.name)),
};
const assignForm = z.strictObject({ assignee: z.uuid('form.choose') });

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app;
  const access = anyRole;

  /** The case the URL names, if this user may see it; otherwise the not-found page has been sent. */
  async function visibleCase(request: CaseRequest, reply: FastifyReply): Promise<LoadedCase | null> {
    const loaded = await loadCase(db, app.keyRing, request.params.id);
    if (!loaded || !canSeeCase(request.user!, loaded.row)) {
      await reply.callNotFound();
      return null;
    }
    return loaded;
  }

  const caseworkers = () => activeCaseworkers(db).execute();

  // --- New case ------------------------------------------------------------------------------------------

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

  app.post('/cases', { config: { access } }, async (request, reply) => {
    const me = request.user!;
    const body = { ...(request.body as Record<string, unknown>) };
    const assigneeRaw = typeof body.assignee === 'string' ? body.assignee : '';
    delete body.assignee;
    const form = readCaseForm(newCaseSpec, body, {} as CaseParts);
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
    const { id } = await createCase(db, app.keyRing, {
      person,
      assignedTo,
      actorId: me.id,
      now: app.clock(),
    });
    return reply.redirect(`/cases/${id}`, 303);
  });

  // --- The case page -------------------------------------------------------------------------------------

  app.get<{ Params: { id: string } }>('/cases/:id', { config: { access } }, async (request, reply) => {
    const loaded = await visibleCase(request, reply);
    if (!loaded) return reply;
    await recordView(app, request, loaded.row.id, 'page');
    const model = await casePageModel(app, loaded, request.user!, request.locale, request.t);
    return reply.render('cases/show', { title: loaded.row.pseudonym, ...model });
  });

  app.post<{ Params: { id: string } }>(
    '/cases/:id/assign',
    { config: { access: staff } },
    async (request, reply) => {
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const form = readForm(assignForm, request.body);
      const target = form.ok ? (await caseworkers()).find((c) => c.id === form.data.assignee) : undefined;
      if (!target) return reply.redirect(`/cases/${loaded.row.id}`, 303);
      const now = app.clock();
      await db.transaction(async (tx) => {
        await tx
          .update(cases)
          .set({ assignedTo: target.id, updatedAt: now })
          .where(eq(cases.id, loaded.row.id));
        await appendAudit(tx, {
          actorId: request.user!.id,
          action: 'case.assigned',
          targetType: 'case',
          targetId: loaded.row.id,
          detail: { to: target.id },
          at: now,
        });
      });
      return reply.redirect(`/cases/${loaded.row.id}`, 303);
    },
  );

  // --- Section forms --------------------------------------------------------------------------------------
  // List entries have their own routes (case-entries.ts).

  const scalarHeading = (request: FastifyRequest, id: string) =>
    request.t(`case.form.${id}.title` as MessageKey);

  app.get<{ Params: { id: string; form: string } }>(
    '/cases/:id/edit/:form',
    { config: { access } },
    async (request, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const form: ScalarForm = scalarForms[formId];
      const value = form.read(loaded.parts);
      await recordView(app, request, loaded.row.id, `form:${formId}`);
      return renderForm(request, reply, {
        caseRow: loaded.row,
        parts: loaded.parts,
        heading: scalarHeading(request, formId),
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
    async (request, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const form: ScalarForm = scalarForms[formId];
      const version = versionOf(request.body);
      const read = readCaseForm(form.spec, request.body, loaded.parts);
      const rawBase = (request.body as Record<string, unknown> | undefined)?._base;
      const page = (errors: FieldErrors): FormPage => ({
        caseRow: loaded.row,
        parts: loaded.parts,
        heading: scalarHeading(request, formId),
        action: `/cases/${loaded.row.id}/edit/${formId}`,
        spec: form.spec,
        values: read.values,
        errors,
        version,
        base: typeof rawBase === 'string' ? rawBase : '',
      });
      if (!read.ok) return renderForm(request, reply, page(read.errors), 400);
      const edit: RecordEdit = {
        section: form.section,
        names: form.spec.fields.map((f) => f.name),
        // A form not filled in yet is an empty record: filling it in meanwhile is a change like any other.
        read: (parts) => form.read(parts) ?? {},
        valid: (value, parts) => readCaseForm(form.spec, toFormValues(form.spec, value), parts).ok,
        write: (parts, value) => form.write(parts, value),
      };
      const outcome = await saveRecord(
        {
          load: (caseId) => loadCase(db, app.keyRing, caseId),
          save: (input) =>
            saveSection(db, app.keyRing, { ...input, actorId: request.user!.id, now: app.clock() }),
        },
        loaded.row.id,
        edit,
        { version, base: submittedBase(request.body), mine: read.value },
      );
      if (outcome.kind === 'saved') return reply.redirect(`/cases/${loaded.row.id}#${formId}`, 303);
      if (outcome.kind === 'conflict') {
        return renderConflict(request, reply, {
          caseRow: outcome.current.row,
          parts: outcome.current.parts,
          heading: scalarHeading(request, formId),
          action: `/cases/${loaded.row.id}/edit/${formId}`,
          spec: form.spec,
          version: outcome.current.versions[form.section],
          base: submittedBase(request.body),
          mine: read.value,
          theirs: outcome.theirs,
          merge: outcome.merge,
        });
      }
      return renderForm(request, reply, page({ _form: 'conflict.busy' }), 409);
    },
  );

  // --- History (supervisors and admins) ------------------------------------------------------------------
  app.get<{ Params: { id: string } }>(
    '/cases/:id/history',
    { config: { access: staff } },
    async (request, reply) => {
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const rows = await db
        .select({ entry: auditLog, actor: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, loaded.row.id)))
        .orderBy(desc(auditLog.id))
        .limit(200);
      return reply.render('cases/history', {
        title: request.t('case.history.title'),
        caseRow: loaded.row,
        rows,
      });
    },
  );
}

export type { CaseStatus };
