// Removing an entry from a case's list, and moving one up or down. An entry is named by its id: a removal
// asks first (the page shows the entry), and is carried out on the list as it is saved now unless the entry
// changed since the page showed it (then it is shown again, as it is now); a move changes only its order.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { onCurrent } from '../../cases/edits';
import { findEntry, isEntryId, moveEntry, removeEntry } from '../../cases/entries';
import type { EntryValue, ListForm, ListFormId } from '../../cases/forms/specs';
import { recordRows } from '../../cases/forms/view';
import { differing } from '../../cases/merge';
import type { LoadedCase } from '../../cases/repository';
import { caseRoles } from '../../policy';
import { baseOf, savesOf, submittedBase } from './form-pages';
import { backTo, type EntryParams, entryRouteOf, fieldsOf, heading, listOf, listUrl } from './list-entries';

type RemoveOutcome = { kind: 'done' } | { kind: 'changed'; current: LoadedCase; entry: EntryValue };

export async function caseListRemovalRoutes(app: FastifyInstance): Promise<void> {
  const access = caseRoles;

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
    { config: { access, caseView: ({ list }) => `remove:${list}` } },
    async (request, reply) => {
      const found = await listOf(request, reply);
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
      const found = await entryRouteOf(request, reply);
      if (!found) return reply;
      const { loaded, listId, list, entryId } = found;
      const base = submittedBase(request.body);
      const names = list.spec.fields.map((f) => f.name);
      const outcome = await onCurrent<RemoveOutcome>(
        savesOf(app, request),
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
      const found = await entryRouteOf(request, reply);
      if (!found) return reply;
      const { loaded, listId, list, entryId } = found;
      const direction = (request.body as Record<string, unknown> | undefined)?.direction;
      if (direction !== 'up' && direction !== 'down') return reply.callNotFound();
      // Order only: nothing to merge. An entry removed meanwhile has nowhere to go.
      await onCurrent(savesOf(app, request), loaded.row.id, list.section, (current) => {
        const moved = moveEntry(list.read(current.parts), entryId, direction, list.group);
        return moved ? { save: list.write(current.parts, moved), result: null } : { stop: null };
      });
      return backTo(reply, loaded, listId);
    },
  );
}
