// The case page and every form that fills a case in: new case, the scalar section forms, and adding,
// editing and removing list entries. All work without JavaScript; every save is checked against the
// version the form was loaded with, so nobody's work is silently overwritten.
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditLog, type CaseStatus, cases, users } from '../../db/schema';
import { personSchema } from '../../rules/case-schema';
import { followDocumentRemoval } from '../attachments/repository';
import { appendAudit } from '../audit';
import { canSeeCase } from '../cases/access';
import { activeCaseworkers } from '../cases/caseworkers';
import {
  type FieldErrors,
  type FormSpec,
  type FormValues,
  readCaseForm,
  toFormValues,
} from '../cases/forms/engine';
import {
  isListForm,
  isScalarForm,
  type ListForm,
  listForms,
  listFull,
  type ScalarForm,
  scalarForms,
} from '../cases/forms/specs';
import { fieldViews, recordRows } from '../cases/forms/view';
import { casePageModel } from '../cases/page';
import type { CaseParts } from '../cases/parts';
import { createCase, type LoadedCase, loadCase, saveSection, todayOf } from '../cases/store';
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

  const recordView = (request: FastifyRequest, caseId: string, view: string) =>
    appendAudit(db, {
      actorId: request.user!.id,
      action: 'case.viewed',
      targetType: 'case',
      targetId: caseId,
      detail: { view },
      at: app.clock(),
    });

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
    await recordView(request, loaded.row.id, 'page');
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

  // --- Forms ---------------------------------------------------------------------------------------------

  interface FormPage {
    loaded: LoadedCase;
    heading: string;
    action: string;
    spec: ScalarForm['spec'];
    values: FormValues;
    errors: FieldErrors;
    version: number;
    removable?: string;
  }
  const renderForm = (request: FastifyRequest, reply: FastifyReply, page: FormPage, status?: number) => {
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
  };

  /** Someone saved the section since this form was loaded: show both, keep what was typed. */
  const renderConflict = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: FormPage,
    theirs: Record<string, unknown> | undefined,
    current: LoadedCase,
  ) => {
    const t = request.t;
    const typed = readCaseForm(page.spec, page.values, current.parts, todayOf(app.clock()));
    return reply.render(
      'cases/conflict',
      {
        title: t('case.conflict.title'),
        caseRow: current.row,
        heading: page.heading,
        theirs: theirs ? recordRows(page.spec, theirs, current.parts, request.locale, t) : null,
        yours: recordRows(
          page.spec,
          typed.ok ? typed.value : undefined,
          current.parts,
          request.locale,
          t,
        ).map((row, i) => ({
          ...row,
          value: typed.ok ? row.value : String(Object.values(page.values)[i] ?? ''),
        })),
        action: page.action,
        version: page.version,
        fields: fieldViews(page.spec, page.values, {}, current.parts, request.locale, t),
      },
      409,
    );
  };

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
      await recordView(request, loaded.row.id, `form:${formId}`);
      return renderForm(request, reply, {
        loaded,
        heading: scalarHeading(request, formId),
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
    async (request, reply) => {
      const { form: formId } = request.params;
      if (!isScalarForm(formId)) return reply.callNotFound();
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const form: ScalarForm = scalarForms[formId];
      const version = versionOf(request.body);
      const read = readCaseForm(form.spec, request.body, loaded.parts, todayOf(app.clock()));
      const page: FormPage = {
        loaded,
        heading: scalarHeading(request, formId),
        action: `/cases/${loaded.row.id}/edit/${formId}`,
        spec: form.spec,
        values: read.values,
        errors: read.ok ? {} : read.errors,
        version,
      };
      if (!read.ok) return renderForm(request, reply, page, 400);
      const result = await saveSection(db, app.keyRing, {
        caseId: loaded.row.id,
        section: form.section,
        changes: form.write(loaded.parts, read.value),
        expectedVersion: version,
        actorId: request.user!.id,
        now: app.clock(),
      });
      if (!result.ok) {
        const current = result.conflict.current;
        return renderConflict(
          request,
          reply,
          { ...page, version: result.conflict.version },
          form.read(current.parts),
          current,
        );
      }
      return reply.redirect(`/cases/${loaded.row.id}#${formId}`, 303);
    },
  );

  // --- List entries --------------------------------------------------------------------------------------

  const listHeading = (request: FastifyRequest, id: string, adding: boolean) =>
    request.t(`case.list.${id}.${adding ? 'add' : 'edit'}` as MessageKey);

  /** The list and, for an entry URL, the entry's index (null when the URL names no such entry). */
  function listTarget(request: CaseRequest, loaded: LoadedCase) {
    const listId = request.params.list ?? '';
    if (!isListForm(listId)) return null;
    const list: ListForm = listForms[listId];
    const items = list.read(loaded.parts);
    if (request.params.index === undefined) return { listId, list, items, index: undefined };
    const index = /^\d{1,4}$/.test(request.params.index) ? Number(request.params.index) : -1;
    return index >= 0 && index < items.length ? { listId, list, items, index } : null;
  }

  app.get<{ Params: { id: string; list: string } }>(
    '/cases/:id/lists/:list/new',
    { config: { access } },
    async (request, reply) => {
      if (!isListForm(request.params.list)) return reply.callNotFound();
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const target = listTarget(request, loaded)!;
      return renderForm(request, reply, {
        loaded,
        heading: listHeading(request, target.listId, true),
        action: `/cases/${loaded.row.id}/lists/${target.listId}`,
        spec: target.list.spec,
        values: toFormValues(target.list.spec, undefined),
        errors: {},
        version: loaded.versions[target.list.section],
      });
    },
  );

  app.get<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index',
    { config: { access } },
    async (request, reply) => {
      if (!isListForm(request.params.list)) return reply.callNotFound();
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      await recordView(request, loaded.row.id, `form:${target.listId}`);
      return renderForm(request, reply, {
        loaded,
        heading: listHeading(request, target.listId, false),
        action: `/cases/${loaded.row.id}/lists/${target.listId}/${target.index}`,
        spec: target.list.spec,
        values: toFormValues(target.list.spec, target.items[target.index]),
        errors: {},
        version: loaded.versions[target.list.section],
        removable: `/cases/${loaded.row.id}/lists/${target.listId}/${target.index}/remove`,
      });
    },
  );

  // Adding (no index) and editing (index) share one handler.
  const saveEntry = async (request: CaseRequest, reply: FastifyReply) => {
    const listId = request.params.list ?? '';
    if (!isListForm(listId)) return reply.callNotFound();
    const loaded = await visibleCase(request, reply);
    if (!loaded) return reply;
    const list: ListForm = listForms[listId];
    const items = [...list.read(loaded.parts)];
    const version = versionOf(request.body);
    const adding = request.params.index === undefined;
    const index = adding || !/^\d{1,4}$/.test(request.params.index ?? '') ? -1 : Number(request.params.index);
    // An entry that is not there: gone since the form was loaded (the save below reports the conflict),
    // or never there at all.
    const stale = version !== loaded.versions[list.section];
    if (!adding && index >= items.length && !stale) return reply.callNotFound();
    if (!adding && index < 0) return reply.callNotFound();
    const read = readCaseForm(list.spec, request.body, loaded.parts, todayOf(app.clock()));
    const page: FormPage = {
      loaded,
      heading: listHeading(request, listId, adding),
      action: adding
        ? `/cases/${loaded.row.id}/lists/${listId}`
        : `/cases/${loaded.row.id}/lists/${listId}/${index}`,
      spec: list.spec,
      values: read.values,
      errors: read.ok ? {} : read.errors,
      version,
    };
    if (!read.ok) return renderForm(request, reply, page, 400);
    if (adding && listFull(list, items, read.value))
      return renderForm(request, reply, { ...page, errors: { _form: 'form.listFull' } }, 400);
    if (adding) items.push(read.value);
    else if (index < items.length) items[index] = read.value;
    const result = await saveSection(db, app.keyRing, {
      caseId: loaded.row.id,
      section: list.section,
      changes: list.write(loaded.parts, items),
      expectedVersion: version,
      actorId: request.user!.id,
      now: app.clock(),
    });
    if (!result.ok) {
      const current = result.conflict.current;
      const theirs = adding ? undefined : list.read(current.parts)[index];
      return renderConflict(request, reply, { ...page, version: result.conflict.version }, theirs, current);
    }
    return reply.redirect(`/cases/${loaded.row.id}#${listId}`, 303);
  };
  app.post<{ Params: { id: string; list: string } }>(
    '/cases/:id/lists/:list',
    { config: { access } },
    saveEntry,
  );
  app.post<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index',
    { config: { access } },
    saveEntry,
  );

  /** Asks before removing an entry; shown again, marked, when the list changed in the meantime. */
  const renderRemove = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { loaded: LoadedCase; listId: string; list: ListForm; index: number; changed?: boolean },
  ) => {
    const { loaded, listId, list, index } = page;
    return reply.render(
      'cases/remove',
      {
        title: request.t('case.remove.title'),
        caseRow: loaded.row,
        heading: request.t(`case.list.${listId}.item` as MessageKey),
        rows: recordRows(list.spec, list.read(loaded.parts)[index], loaded.parts, request.locale, request.t),
        action: `/cases/${loaded.row.id}/lists/${listId}/${index}/remove`,
        version: loaded.versions[list.section],
        changed: page.changed ?? false,
      },
      page.changed ? 409 : undefined,
    );
  };

  app.get<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index/remove',
    { config: { access } },
    async (request, reply) => {
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      return renderRemove(request, reply, { loaded, ...target, index: target.index });
    },
  );

  app.post<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index/remove',
    { config: { access } },
    async (request, reply) => {
      const loaded = await visibleCase(request, reply);
      if (!loaded) return reply;
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      const result = await saveSection(db, app.keyRing, {
        caseId: loaded.row.id,
        section: target.list.section,
        changes: target.list.write(
          loaded.parts,
          target.items.filter((_, i) => i !== target.index),
        ),
        expectedVersion: versionOf(request.body),
        actorId: request.user!.id,
        now: app.clock(),
      });
      if (!result.ok) {
        const current = result.conflict.current;
        return renderRemove(request, reply, {
          loaded: current,
          ...target,
          index: target.index,
          changed: true,
        });
      }
      // Scans follow their document entry; those of the removed entry stay with the case as a whole.
      if (target.listId === 'documents') await followDocumentRemoval(db, loaded.row.id, target.index);
      return reply.redirect(`/cases/${loaded.row.id}#${target.listId}`, 303);
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

function versionOf(body: unknown): number {
  const raw = (body as Record<string, unknown> | undefined)?._version;
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}

export type { CaseStatus };
