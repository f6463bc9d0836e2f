// Adding and editing the entries of a case's lists (documents, deployments, route legs...), each saved
// under its section's version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCaseForm, toFormValues } from '../../cases/forms/engine';
import { isListForm, type ListForm, listForms } from '../../cases/forms/specs';
import type { LoadedCase } from '../../cases/repository';
import type { MessageKey } from '../../i18n';
import { anyRole } from '../../policy';
import { caseOf } from '../case-scope';
import { type FormPage, renderConflict, renderForm, versionOf } from './form-pages';

export type EntryRequest = FastifyRequest<{ Params: { id: string; list?: string; index?: string } }>;

const heading = (request: FastifyRequest, id: string, adding: boolean) =>
  request.t(`case.list.${id}.${adding ? 'add' : 'edit'}` as MessageKey);

/** The list and, for an entry URL, the entry's index (null when the URL names no such entry). */
export function listTarget(request: EntryRequest, loaded: LoadedCase) {
  const listId = request.params.list ?? '';
  if (!isListForm(listId)) return null;
  const list: ListForm = listForms[listId];
  const items = list.read(loaded.parts);
  if (request.params.index === undefined) return { listId, list, items, index: undefined };
  const index = /^\d{1,4}$/.test(request.params.index) ? Number(request.params.index) : -1;
  return index >= 0 && index < items.length ? { listId, list, items, index } : null;
}

export async function caseListEntryRoutes(app: FastifyInstance): Promise<void> {
  const access = anyRole;

  app.get<{ Params: { id: string; list: string } }>(
    '/cases/:id/lists/:list/new',
    { config: { access, caseView: ({ list }) => `new:${list}` } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const target = listTarget(request, loaded);
      if (!target) return reply.callNotFound();
      return renderForm(request, reply, {
        loaded,
        heading: heading(request, target.listId, true),
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
    { config: { access, caseView: ({ list }) => `form:${list}` } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      return renderForm(request, reply, {
        loaded,
        heading: heading(request, target.listId, false),
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
  const saveEntry = async (request: EntryRequest, reply: FastifyReply) => {
    const listId = request.params.list ?? '';
    if (!isListForm(listId)) return reply.callNotFound();
    const loaded = caseOf(request);
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
    const read = readCaseForm(list.spec, request.body, loaded.parts);
    const base = `/cases/${loaded.row.id}/lists/${listId}`;
    const page: FormPage = {
      loaded,
      heading: heading(request, listId, adding),
      action: adding ? base : `${base}/${index}`,
      spec: list.spec,
      values: read.values,
      errors: read.ok ? {} : read.errors,
      version,
    };
    if (!read.ok) return renderForm(request, reply, page, 400);
    if (adding) items.push(read.value);
    else if (index < items.length) items[index] = read.value;
    const result = await app.cases.saveSection({
      caseId: loaded.row.id,
      section: list.section,
      changes: list.write(loaded.parts, items),
      expectedVersion: version,
      actorId: request.user!.id,
    });
    if (!result.ok) {
      const current = result.conflict.current;
      const theirs = adding ? undefined : list.read(current.parts)[index];
      return renderConflict(request, reply, { ...page, version: result.conflict.version }, theirs, current);
    }
    return reply.redirect(`/cases/${loaded.row.id}#${listId}`, 303);
  };
  app.post('/cases/:id/lists/:list', { config: { access, once: true } }, saveEntry);
  app.post('/cases/:id/lists/:list/:index', { config: { access } }, saveEntry);
}
