// Logs keep what an operator needs and nothing a security service would want: no cookies, no form bodies,
// no query strings (searches may hold a pseudonym), and route patterns instead of raw paths (set-up links
// carry tokens).
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

export function loggerOptions(config: Config) {
  return {
    level: config.env === 'test' ? 'silent' : config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'body',
        '*.password',
        '*.body',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: FastifyRequest) => ({ id: req.id, method: req.method, route: routePattern(req) }),
      err: safeError,
    },
  };
}

function routePattern(req: FastifyRequest): string {
  return req.routeOptions?.url ?? 'unmatched';
}

/**
 * An error as it may be logged. Database errors carry the failing query's parameters and the row's values
 * in `message` and `detail`: keep the query shape and the code, drop the values.
 */
export function safeError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const message = err.message.split('\nparams:')[0]!.slice(0, 500);
  const cause =
    err.cause instanceof Error
      ? { type: err.cause.name, code: (err.cause as { code?: string }).code }
      : undefined;
  const stack = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12);
  return { type: err.name, code: (err as { code?: string }).code, message, cause, stack: stack.join('\n') };
}
