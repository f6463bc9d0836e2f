// The case page, handing a case to another caseworker, and the case's history (supervisors only: admins never
// see a case's contents).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeEntries } from '../../audit/browse';
import { activeCaseworkers } from '../../cases/caseworkers';
import { casePageModel } from '../../cases/page';
import { readForm } from '../../http/forms';
import { caseRoles, reviewers } from '../../policy';
import { caseOf } from '../case-scope';

const assignForm = z.strictObject({ assignee: z.uuid('form.choose') });

export async function casePageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/cases/:id', { config: { access: caseRoles, caseView: 'page' } }, async (request, reply) => {
    const loaded = caseOf(request);
    const reads = await app.cases.pageReads(loaded, request.user!, request.locale);
    const model = casePageModel(reads, loaded, request.user!, request.locale, request.t);
    return reply.render('cases/show', { title: loaded.row.pseudonym, ...model });
  });

  app.post('/cases/:id/assign', { config: { access: reviewers } }, async (request, reply) => {
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
    { config: { access: reviewers, caseView: 'history' } },
    async (request, reply) => {
      const loaded = caseOf(request);
      return reply.render('cases/history', {
        title: request.t('case.history.title'),
        caseRow: loaded.row,
        lines: await describeEntries(
          app.db,
          (ids) => app.cases.referencesOf(ids),
          await app.cases.history(loaded.row.id),
          request.locale,
          request.t,
        ),
      });
    },
  );
}
