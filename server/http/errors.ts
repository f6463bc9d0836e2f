// Friendly 404 and error pages with no stack trace or internal detail; the log keeps the detail (see
// logging.ts for what it leaves out) under a reference the page shows, so support can find it.
import type { FastifyError, FastifyInstance } from 'fastify';
import { safeError } from './logging';

export function errorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    return reply.render(
      'error',
      { title: request.t('error.notFound.title'), message: request.t('error.notFound.message') },
      404,
    );
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: safeError(error) }, 'request failed');
    else request.log.info({ err: { type: error.name, code: error.code } }, 'request refused');
    const t = request.t ?? ((key: string) => key);
    const [title, message] =
      status === 413
        ? [t('error.tooLarge.title'), t('error.tooLarge.message')]
        : status < 500
          ? [t('error.badRequest.title'), t('error.badRequest.message')]
          : [t('error.server.title'), t('error.server.message')];
    try {
      return await reply.render(
        'error',
        { title, message, reference: status >= 500 ? request.id : undefined },
        status,
      );
    } catch (renderError) {
      request.log.error({ err: safeError(renderError) }, 'error page failed to render');
      return reply.code(status).type('text/plain; charset=utf-8').send(`${status} ${title}`);
    }
  });
}
