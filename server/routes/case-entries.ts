// List entries of a case: adding, editing, removing and moving one, each named by its stable id in the URL
// and applied to the list as it is saved now (server/cases/edits.ts). Editing an entry someone else edited
// meanwhile merges the two; editing one they removed says so and offers to add it back. All without script.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { visibleCase } from '../attachments/case-access';
import { type CaseSaves, onCurrent, type RecordEdit, saveRecord } from '../cases/edits';
import { findEntry, isEntryId, moveEntry, removeEntry, replaceEntry } from '../cases/entries';
import { type FieldErrors, readCaseForm, toFormValues } from '../cases/forms/engine';
import {
  baseOf,
  type FormPage,
  recordView,
  renderConflict,
  renderForm,
  renderGone,
  submittedBase,
  versionOf,
} from '../cases/forms/pages';
import { type EntryValue, isListForm, type ListForm, type ListFormId, listForms } from '../cases/forms/specs';
import { recordRows } from '../cases/forms/view';
import { differing, type Fields } from '../cases/merge';
import { type LoadedCase, loadCase, saveSection } from '../cases/store';
import type { MessageKey } from '../i18n';
import { anyRole } from '../policy';

type ListParams = { id: string; list: string };
type AddOutcome = { kind: 'saved' } | { kind: 'invalid'; current: LoadedCase; errors: FieldErrors };
type RemoveOutcome = { kind: 'done' } | { kind: 'changed'; current: LoadedCase; entry: EntryValue };
type EntryParams = ListParams & { entry: string };

/** An entry's values without its id: what its form edits. */
const fieldsOf = ({ id: _, ...value }: EntryValue): Fields => value;

export async function caseEntryRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app;
  const access = anyRole;

  const saves = (request: FastifyRequest): CaseSaves => ({
    load: (caseId) => loadCase(db, app.keyRing, caseId),
    save: (input) => saveSection(db, app.keyRing, { ...input, actorId: request.user!.id, now: app.clock() }),
  });

  const heading = (request: FastifyRequest, listId: ListFormId, what: 'add' | 'edit' | 'item' | 'title') =>
    request.t(`case.list.${listId}.${what}` as MessageKey);
  const listUrl = (loaded: LoadedCase, listId: string) => `/cases/${loaded.row.id}/lists/${listId}`;
  const backTo = (reply: FastifyReply, loaded: LoadedCase, listId: string) =>
    reply.redirect(`/cases/${loaded.row.id}#${listId}`, 303);

  /** The case and list the URL names, if this user may see them; otherwise not-found has been sent. */
  async function target(request: FastifyRequest<{ Params: ListParams }>, reply: FastifyReply) {
    const listId = request.params.list;
    if (!isListForm(listId)) {
      await reply.callNotFound();
      return null;
    }
    const loaded = await visibleCase(app, request, reply);
    return loaded ? { loaded, listId, list: listForms[listId] as ListForm } : null;
  }

  const formPage = (loaded: LoadedCase, page: Omit<FormPage, 'caseRow' | 'parts'>): FormPage => ({
    caseRow: loaded.row,
    parts: loaded.parts,
    ...page,
  });

  // --- Adding ----------------------------------------------------------------------------------------------

  app.get<{ Params: ListParams }>(
    '/cases/:id/lists/:list/new',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      return renderForm(
        request,
        reply,
        formPage(loaded, {
          heading: heading(request, listId, 'add'),
          action: listUrl(loaded, listId),
          spec: list.spec,
          values: toFormValues(list.spec, undefined),
          errors: {},
          version: loaded.versions[list.section],
          base: '',
        }),
      );
    },
  );

  app.post<{ Params: ListParams }>(
    '/cases/:id/lists/:list',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const read = readCaseForm(list.spec, request.body, loaded.parts);
      const page = (errors: FieldErrors, on: LoadedCase) =>
        formPage(on, {
          heading: heading(request, listId, 'add'),
          action: listUrl(loaded, listId),
          spec: list.spec,
          values: read.values,
          errors,
          version: on.versions[list.section],
          base: '',
        });
      if (!read.ok) return renderForm(request, reply, page(read.errors, loaded), 400);
      const id = randomUUID();
      // Added to the list as it is now, checked against it (an application's destination may be gone).
      const outcome = await onCurrent<AddOutcome>(saves(request), loaded.row.id, list.section, (current) => {
        const again = readCaseForm(list.spec, read.values, current.parts);
        if (!again.ok) return { stop: { kind: 'invalid', current, errors: again.errors } };
        const entries = [...list.read(current.parts), { ...again.value, id }];
        return { save: list.write(current.parts, entries), result: { kind: 'saved' } };
      });
      if (outcome.kind === 'saved') return backTo(reply, loaded, listId);
      if (outcome.kind === 'invalid')
        return renderForm(request, reply, page(outcome.errors, outcome.current), 409);
      return renderForm(request, reply, page({ _form: 'conflict.busy' }, loaded), 409);
    },
  );

  // --- Editing ---------------------------------------------------------------------------------------------

  app.get<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const entry = isEntryId(request.params.entry)
        ? findEntry(list.read(loaded.parts), request.params.entry)
        : undefined;
      if (!entry) return reply.callNotFound();
      await recordView(app, request, loaded.row.id, `form:${listId}`);
      return renderForm(
        request,
        reply,
        formPage(loaded, {
          heading: heading(request, listId, 'edit'),
          action: `${listUrl(loaded, listId)}/${entry.id}`,
          spec: list.spec,
          values: toFormValues(list.spec, entry),
          errors: {},
          version: loaded.versions[list.section],
          base: baseOf(list.spec, entry),
          removable: `${listUrl(loaded, listId)}/${entry.id}/remove`,
        }),
      );
    },
  );

  app.post<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const entryId = request.params.entry;
      if (!isEntryId(entryId)) return reply.callNotFound();
      const version = versionOf(request.body);
      // Never there at all (the list has not changed since the form was loaded), rather than removed since.
      const there = findEntry(list.read(loaded.parts), entryId);
      if (!there && version === loaded.versions[list.section]) return reply.callNotFound();
      const read = readCaseForm(list.spec, request.body, loaded.parts);
      const action = `${listUrl(loaded, listId)}/${entryId}`;
      const rawBase = (request.body as Record<string, unknown> | undefined)?._base;
      const page = (errors: FieldErrors) =>
        formPage(loaded, {
          heading: heading(request, listId, 'edit'),
          action,
          spec: list.spec,
          values: read.values,
          errors,
          version,
          base: typeof rawBase === 'string' ? rawBase : '',
          removable: `${action}/remove`,
        });
      if (!read.ok) return renderForm(request, reply, page(read.errors), 400);

      const edit: RecordEdit = {
        section: list.section,
        names: list.spec.fields.map((f) => f.name),
        read: (parts) => {
          const entry = findEntry(list.read(parts), entryId);
          return entry ? fieldsOf(entry) : null;
        },
        valid: (value, parts) => readCaseForm(list.spec, toFormValues(list.spec, value), parts).ok,
        write: (parts, value) =>
          list.write(parts, replaceEntry(list.read(parts), entryId, { ...value, id: entryId })!),
      };
      const outcome = await saveRecord(saves(request), loaded.row.id, edit, {
        version,
        base: submittedBase(request.body),
        mine: read.value,
      });
      switch (outcome.kind) {
        case 'saved':
          return backTo(reply, loaded, listId);
        case 'conflict':
          return renderConflict(request, reply, {
            caseRow: outcome.current.row,
            parts: outcome.current.parts,
            heading: heading(request, listId, 'title'),
            action,
            spec: list.spec,
            version: outcome.current.versions[list.section],
            base: submittedBase(request.body),
            mine: read.value,
            theirs: outcome.theirs,
            merge: outcome.merge,
          });
        case 'gone':
          return renderGone(request, reply, {
            caseRow: outcome.current.row,
            parts: outcome.current.parts,
            item: heading(request, listId, 'item'),
            addAction: listUrl(loaded, listId),
            spec: list.spec,
            mine: read.value,
          });
        default:
          return renderForm(request, reply, page({ _form: 'conflict.busy' }), 409);
      }
    },
  );

  // --- Removing and moving ---------------------------------------------------------------------------------

  /** Asks before removing an entry, showing it as it is now; `changed` when it changed since the page showed it. */
  const renderRemove = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { loaded: LoadedCase; listId: ListFormId; list: ListForm; entry: EntryValue; changed: boolean },
  ) => {
    const { loaded, listId, list, entry } = page;
    return reply.render(
      'cases/remove',
      {
        title: request.t('case.remove.title'),
        caseRow: loaded.row,
        heading: heading(request, listId, 'item'),
        rows: recordRows(list.spec, entry, loaded.parts, request.locale, request.t),
        action: `${listUrl(loaded, listId)}/${entry.id}/remove`,
        base: baseOf(list.spec, entry),
        changed: page.changed,
      },
      page.changed ? 409 : undefined,
    );
  };

  app.get<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry/remove',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const entry = isEntryId(request.params.entry)
        ? findEntry(found.list.read(found.loaded.parts), request.params.entry)
        : undefined;
      if (!entry) return reply.callNotFound();
      return renderRemove(request, reply, { ...found, entry, changed: false });
    },
  );

  app.post<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry/remove',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const entryId = request.params.entry;
      if (!isEntryId(entryId)) return reply.callNotFound();
      const base = submittedBase(request.body);
      const names = list.spec.fields.map((f) => f.name);
      const outcome = await onCurrent<RemoveOutcome>(
        saves(request),
        loaded.row.id,
        list.section,
        (current) => {
          const entries = list.read(current.parts);
          const entry = findEntry(entries, entryId);
          // Removed meanwhile: what was asked for is done.
          if (!entry) return { stop: { kind: 'done' } };
          // Edited meanwhile: the page showed something else; show it as it is now and ask again.
          if (base && differing(names, base, fieldsOf(entry)).length > 0)
            return { stop: { kind: 'changed', current, entry } };
          return {
            save: list.write(current.parts, removeEntry(entries, entryId)!),
            result: { kind: 'done' },
          };
        },
      );
      if (outcome.kind === 'changed')
        return renderRemove(request, reply, {
          loaded: outcome.current,
          listId,
          list,
          entry: outcome.entry,
          changed: true,
        });
      if (outcome.kind === 'busy') return reply.redirect(`${listUrl(loaded, listId)}/${entryId}/remove`, 303);
      return backTo(reply, loaded, listId);
    },
  );

  app.post<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry/move',
    { config: { access } },
    async (request, reply) => {
      const found = await target(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const entryId = request.params.entry;
      const direction = (request.body as Record<string, unknown> | undefined)?.direction;
      if (!isEntryId(entryId) || (direction !== 'up' && direction !== 'down')) return reply.callNotFound();
      // Order only: nothing to merge. An entry removed meanwhile has nowhere to go.
      await onCurrent(saves(request), loaded.row.id, list.section, (current) => {
        const moved = moveEntry(list.read(current.parts), entryId, direction, list.group);
        return moved ? { save: list.write(current.parts, moved), result: null } : { stop: null };
      });
      return backTo(reply, loaded, listId);
    },
  );
}
