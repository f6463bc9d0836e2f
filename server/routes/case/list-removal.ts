// Removing an entry from a case's list: asked first (the page shows the entry), then saved under the
// section's version; shown again, marked, when the list changed in the meantime.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { followDocumentRemoval } from '../../attachments/repository';
import type { ListForm } from '../../cases/forms/specs';
import { recordRows } from '../../cases/forms/view';
import type { LoadedCase } from '../../cases/repository';
import type { MessageKey } from '../../i18n';
import { anyRole } from '../../policy';
import { caseOf } from '../case-scope';
import { versionOf } from './form-pages';
import { listTarget } from './list-entries';

function renderRemove(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { loaded: LoadedCase; listId: string; list: ListForm; index: number; changed?: boolean },
) {
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
}

export async function caseListRemovalRoutes(app: FastifyInstance): Promise<void> {
  const access = anyRole;

  app.get<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index/remove',
    { config: { access, caseView: ({ list }) => `remove:${list}` } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      return renderRemove(request, reply, { loaded, ...target, index: target.index });
    },
  );

  app.post<{ Params: { id: string; list: string; index: string } }>(
    '/cases/:id/lists/:list/:index/remove',
    { config: { access } },
    async (request, reply) => {
      const loaded = caseOf(request);
      const target = listTarget(request, loaded);
      if (!target || target.index === undefined) return reply.callNotFound();
      const result = await app.cases.saveSection({
        caseId: loaded.row.id,
        section: target.list.section,
        changes: target.list.write(
          loaded.parts,
          target.items.filter((_, i) => i !== target.index),
        ),
        expectedVersion: versionOf(request.body),
        actorId: request.user!.id,
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
      if (target.listId === 'documents') await followDocumentRemoval(app.db, loaded.row.id, target.index);
      return reply.redirect(`/cases/${loaded.row.id}#${target.listId}`, 303);
    },
  );
}
