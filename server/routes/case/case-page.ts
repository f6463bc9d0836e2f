// The case page, handing a case to another caseworker, and the case's history (supervisors and admins).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activeCaseworkers } from '../../cases/caseworkers';
import { casePageModel } from '../../cases/page';
import { readForm } from '../../http/forms';
import { anyRole, staff } from '../../policy';
import { caseOf } from '../case-scope';

const assignForm = z.strictObject({ assignee: z.uuid('form.choose') });

export async function casePageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/cases/:id', { config: { access: anyRole, caseView: 'page' } }, async (request, reply) => {
    const loaded = caseOf(request);
    const model = await casePageModel(app, loaded, request.user!, request.locale, request.t);
    return reply.render('cases/show', { title: loaded.row.pseudonym, ...model });
  });

  app.post('/cases/:id/assign', { config: { access: staff } }, async (request, reply) => {
    const loaded = caseOf(request);
    const form = readForm(assignForm, request.body);
    const target = form.ok
      ? (await activeCaseworkers(app.db).execute()).find((c) => c.id === form.data.assignee)
      : undefined;
    if (target) await app.cases.assign(loaded.row.id, target.id, request.user!.id);
    return reply.redirect(`/cases/${loaded.row.id}`, 303);
  });

  app.get(
    '/cases/:id/history',
    { config: { access: staff, caseView: 'history' } },
    async (request, reply) => {
      const loaded = caseOf(request);
      return reply.render('cases/history', {
        title: request.t('case.history.title'),
        caseRow: loaded.row,
        rows: await app.cases.history(loaded.row.id),
      });
    },
  );
}
