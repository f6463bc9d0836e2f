// Adding and editing the entries of a case's lists (documents, deployments, route legs...). An entry is named
// by its stable id in the URL and its form; a save applies to the list as it is saved now
// (server/cases/edits.ts): an entry someone edited meanwhile is merged with this edit, asking only about the
// fields both changed; one they removed is said to be gone, with what was typed, and can be added back.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { onCurrent, type RecordEdit, saveRecord } from '../../cases/edits';
import { findEntry, isEntryId, replaceEntry } from '../../cases/entries';
import { type FieldErrors, readCaseForm, toFormValues } from '../../cases/forms/engine';
import {
  type EntryValue,
  isListForm,
  type ListForm,
  type ListFormId,
  listForms,
  listFull,
} from '../../cases/forms/specs';
import type { Fields } from '../../cases/merge';
import { type LoadedCase, todayOf } from '../../cases/repository';
import { caseRoles } from '../../policy';
import { caseOf } from '../case-scope';
import {
  baseOf,
  type FormPage,
  rawBase,
  renderConflict,
  renderForm,
  renderGone,
  savesOf,
  submittedBase,
  versionOf,
} from './form-pages';

export type ListParams = { id: string; list: string };
export type EntryParams = ListParams & { entry: string };
type AddOutcome = { kind: 'saved' } | { kind: 'invalid'; current: LoadedCase; errors: FieldErrors };

/** An entry's values without its id: what its form edits. */
export const fieldsOf = ({ id: _, ...value }: EntryValue): Fields => value;

export const heading = (
  request: FastifyRequest,
  listId: ListFormId,
  what: 'add' | 'edit' | 'item' | 'title',
) => request.t(`case.list.${listId}.${what}`);
export const listUrl = (loaded: LoadedCase, listId: string) => `/cases/${loaded.row.id}/lists/${listId}`;
export const backTo = (reply: FastifyReply, loaded: LoadedCase, listId: string) =>
  reply.redirect(`/cases/${loaded.row.id}#${listId}`, 303);

/** The case and the list the URL names; null (not-found sent) for a list that does not exist. */
export async function listOf(request: FastifyRequest<{ Params: ListParams }>, reply: FastifyReply) {
  const listId = request.params.list;
  if (!isListForm(listId)) {
    await reply.callNotFound();
    return null;
  }
  return { loaded: caseOf(request), listId, list: listForms[listId] as ListForm };
}

/** The list and the entry id the URL names; null (not-found sent) when no such entry can exist. */
export async function entryRouteOf(request: FastifyRequest<{ Params: EntryParams }>, reply: FastifyReply) {
  const found = await listOf(request, reply);
  if (!found) return null;
  const entryId = request.params.entry;
  if (!isEntryId(entryId)) {
    await reply.callNotFound();
    return null;
  }
  return { ...found, entryId };
}

export async function caseListEntryRoutes(app: FastifyInstance): Promise<void> {
  const access = caseRoles;

  const formPage = (loaded: LoadedCase, page: Omit<FormPage, 'caseRow' | 'parts'>): FormPage => ({
    caseRow: loaded.row,
    parts: loaded.parts,
    ...page,
  });

  app.get<{ Params: ListParams }>(
    '/cases/:id/lists/:list/new',
    { config: { access, caseView: ({ list }) => `new:${list}` } },
    async (request, reply) => {
      const found = await listOf(request, reply);
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
    { config: { access, once: true } },
    async (request, reply) => {
      const found = await listOf(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const read = readCaseForm(list.spec, request.body, loaded.parts, todayOf(app.clock()));
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
      if (listFull(list, list.read(loaded.parts), read.value))
        return renderForm(request, reply, page({ _form: 'form.listFull' }, loaded), 400);
      const id = randomUUID();
      // Added to the list as it is now, checked against it (an application's destination may be gone).
      const outcome = await onCurrent<AddOutcome>(
        savesOf(app, request),
        loaded.row.id,
        list.section,
        (current) => {
          const again = readCaseForm(list.spec, read.values, current.parts, todayOf(app.clock()));
          if (!again.ok) return { stop: { kind: 'invalid', current, errors: again.errors } };
          // The case format's limit on the list, said on the form before it bites; a forced add is refused.
          if (listFull(list, list.read(current.parts), again.value))
            return { stop: { kind: 'invalid', current, errors: { _form: 'form.listFull' } } };
          const entries = [...list.read(current.parts), { ...again.value, id }];
          return { save: list.write(current.parts, entries), result: { kind: 'saved' } };
        },
      );
      if (outcome.kind === 'saved') return backTo(reply, loaded, listId);
      if (outcome.kind === 'invalid')
        return renderForm(request, reply, page(outcome.errors, outcome.current), 409);
      return renderForm(request, reply, page({ _form: 'conflict.busy' }, loaded), 409);
    },
  );

  // --- Editing ---------------------------------------------------------------------------------------------

  app.get<{ Params: EntryParams }>(
    '/cases/:id/lists/:list/:entry',
    { config: { access, caseView: ({ list }) => `form:${list}` } },
    async (request, reply) => {
      const found = await listOf(request, reply);
      if (!found) return reply;
      const { loaded, listId, list } = found;
      const entry = isEntryId(request.params.entry)
        ? findEntry(list.read(loaded.parts), request.params.entry)
        : undefined;
      if (!entry) return reply.callNotFound();
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
      const found = await entryRouteOf(request, reply);
      if (!found) return reply;
      const { loaded, listId, list, entryId } = found;
      const version = versionOf(request.body);
      // Never there at all (the list has not changed since the form was loaded), rather than removed since.
      const there = findEntry(list.read(loaded.parts), entryId);
      if (!there && version === loaded.versions[list.section]) return reply.callNotFound();
      const read = readCaseForm(list.spec, request.body, loaded.parts, todayOf(app.clock()));
      const action = `${listUrl(loaded, listId)}/${entryId}`;
      const page = (errors: FieldErrors) =>
        formPage(loaded, {
          heading: heading(request, listId, 'edit'),
          action,
          spec: list.spec,
          values: read.values,
          errors,
          version,
          base: rawBase(request.body),
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
        valid: (value, parts) =>
          readCaseForm(list.spec, toFormValues(list.spec, value), parts, todayOf(app.clock())).ok,
        write: (parts, value) =>
          list.write(parts, replaceEntry(list.read(parts), entryId, { ...value, id: entryId })!),
      };
      const outcome = await saveRecord(savesOf(app, request), loaded.row.id, edit, {
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
}
