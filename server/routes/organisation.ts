// The organisation settings page (admins only): the letterhead and signature role printed on every case
// summary. Stored in the database (server/summary/organisation.ts), each change on the audit log.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readForm } from '../http/forms';
import { adminOnly } from '../policy';
import {
  type Organisation,
  organisationLimits,
  organisationSchema,
  readOrganisation,
  saveOrganisation,
} from '../summary/organisation';

const access = adminOnly;

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const render = (
    reply: FastifyReply,
    page: { values: Record<string, string>; errors: Record<string, string>; saved?: boolean },
    status?: number,
  ) => reply.render('admin/organisation', { ...page, limits: organisationLimits }, status);

  app.get<{ Querystring: { saved?: string } }>(
    '/admin/organisation',
    { config: { access } },
    async (request, reply) => {
      const current: Organisation = await readOrganisation(app.db, app.config.orgName);
      return render(reply, { values: { ...current }, errors: {}, saved: request.query.saved === '1' });
    },
  );

  app.post('/admin/organisation', { config: { access } }, async (request, reply) => {
    const form = readForm(organisationSchema, request.body);
    if (!form.ok) return render(reply, { values: form.values, errors: form.errors }, 400);
    await saveOrganisation(app.db, form.data, {
      actorId: request.user!.id,
      defaultName: app.config.orgName,
      at: app.clock(),
    });
    return reply.redirect('/admin/organisation?saved=1', 303);
  });
}
