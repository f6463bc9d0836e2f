// Friendly 404 and error pages with no stack trace or internal detail; the log keeps the detail (see
// logging.ts for what it leaves out) under a reference the page shows, so support can find it. A database
// outage is not an error of the request: it gets the calm 503 page that keeps the form (outage.ts).
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Translate } from '../i18n';
import { bodyLimits } from './input';
import { renderUnavailable, unavailableCode } from './outage';

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

/** Says which limit was passed, so the user knows what to send instead. */
function tooLargeMessage(error: FastifyError, t: Translate | ((key: string) => string)): string {
  if (error.code === 'WP_TOO_MANY_FIELDS') return t('error.tooManyFields');
  const limits = t('error.tooLarge.limits', {
    form: kib(bodyLimits.formBytes),
    file: kib(bodyLimits.jsonBytes),
  });
  return `${t('error.tooLarge.message')} ${limits}`;
}

export function errorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    return reply.render(
      'error',
      { title: request.t('error.notFound.title'), message: request.t('error.notFound.message') },
      404,
    );
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const outage = unavailableCode(error);
    if (outage) return renderUnavailable(request, reply, outage);
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    // The logger's serializer (logging.ts) makes the error safe to log: pass the error itself, once.
    if (status >= 500) request.log.error({ err: error, reference: request.id }, 'request failed');
    else request.log.info({ err: { type: error.name, code: error.code } }, 'request refused');
    const t = request.t ?? ((key: string) => key);
    const [title, message] =
      error.code === 'WP_NOT_UTF8'
        ? [t('error.notUtf8.title'), t('error.notUtf8.message')]
        : status === 413
          ? [t('error.tooLarge.title'), tooLargeMessage(error, t)]
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
      request.log.error({ err: renderError, reference: request.id }, 'error page failed to render');
      return reply.code(status).type('text/plain; charset=utf-8').send(`${status} ${title}`);
    }
  });
}
