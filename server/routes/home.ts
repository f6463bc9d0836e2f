import type { FastifyInstance } from 'fastify';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { access: 'signed-in' } }, async (_request, reply) => reply.render('home'));

  // For load balancers and the Dockerfile's HEALTHCHECK: 200 only when the database answers.
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const up = await app.database.ping();
    return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'database unavailable' });
  });
}
