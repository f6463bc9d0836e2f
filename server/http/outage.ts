// When the database is down, frozen or too slow, a request gets a calm 503 page that keeps what the user
// submitted (the same carry-over as a stale form: views/pages/resubmit.eta) and the log gets one line.
// PostgreSQL's own timeouts (db/client.ts) end most stuck statements; a deadline per request covers a
// server that stopped answering altogether.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { formFields } from './guard';

declare module 'fastify' {
  interface FastifyRequest {
    /** A database failure met before the body was read (the session lookup): answered once it is. */
    outage: Error | null;
  }
}

/** The request ran out of time waiting for the database. */
class DatabaseDeadline extends Error {
  readonly code = 'REQUEST_DEADLINE';
}

// Network failures (the driver's and the OS's codes) and PostgreSQL's SQLSTATEs for "cannot serve now":
// connection exceptions (08), statement/lock/idle timeouts, shutdown, too many connections.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'REQUEST_DEADLINE',
  '57014',
  '55P03',
  '25P03',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The code that marks `error` (or its cause) as the database being unavailable, if it is. */
export function unavailableCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return code;
  }
  return undefined;
}

export function renderUnavailable(request: FastifyRequest, reply: FastifyReply, code: string) {
  request.log.warn({ code }, 'database unavailable: answered 503, the form was kept');
  return reply.header('retry-after', '30').render(
    'resubmit',
    {
      heading: request.t('unavailable.title'),
      message: request.t('unavailable.message'),
      action: request.url,
      link: request.method === 'GET' || request.method === 'HEAD',
      fields: formFields(request),
    },
    503,
  );
}

export function outages(app: FastifyInstance, config: Config): void {
  app.decorateRequest('outage', null);
  // After the body is read, so the page can give back what was typed.
  app.addHook('preHandler', async (request) => {
    if (request.outage) throw request.outage;
  });

  const deadlineMs = config.statementTimeout + config.connectTimeout * 1000 + 2000;
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  app.addHook('onRequest', async (request, reply) => {
    const timer = setTimeout(() => {
      if (!reply.sent) void renderUnavailable(request, reply, new DatabaseDeadline().code);
    }, deadlineMs);
    timer.unref();
    timers.set(request, timer);
  });
  app.addHook('onResponse', async (request) => clearTimeout(timers.get(request)));
}
