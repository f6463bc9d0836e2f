// A multipart body from someone the route does not admit is refused before it is read: the plugins that
// take files register this, so no file of an outsider is ever buffered, let alone decoded.
import type { FastifyInstance } from 'fastify';
import { allows } from '../policy';

export function refuseUnadmittedMultipart(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!String(request.headers['content-type'] ?? '').startsWith('multipart/')) return;
    if (allows(request.routeOptions.config?.access ?? 'public', request.user?.role)) return;
    return reply.render(
      'error',
      { title: request.t('error.forbidden.title'), message: request.t('error.forbidden.message') },
      request.user ? 403 : 401,
    );
  });
}
