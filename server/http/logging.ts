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

// Quoted text in an error message is usually a value (`invalid input syntax for type uuid: "..."`), except
// right after a word that names a database object (`relation "cases" does not exist`): keep those names.
const quoted =
  /(\b(?:relation|column|table|constraint|index|type|function|schema|trigger|database|role|sequence|extension|operator)\s+)?("[^"\n]*"|'[^'\n]*')/gi;

/** An error message with the query's parameters and every quoted value left out. */
function withoutValues(message: string): string {
  const text = message.split('\nparams:')[0]!;
  // drizzle's "Failed query: <sql>": the statement's text holds identifiers and $n placeholders, no values.
  if (text.startsWith('Failed query: ')) return text.slice(0, 500);
  return text.replace(quoted, (match, name: string | undefined) => (name ? match : '"?"')).slice(0, 500);
}

/**
 * An error as it may be logged: its class, code, message without values (database errors carry the failing
 * query's parameters and the row's values in `message` and `detail`), the cause's class and code, and the
 * stack's frames. Never the values.
 */
export function safeError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const cause =
    err.cause instanceof Error
      ? {
          type: err.cause.name,
          code: (err.cause as { code?: string }).code,
          message: withoutValues(err.cause.message),
        }
      : undefined;
  const stack = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12);
  return {
    type: err.constructor?.name && err.constructor.name !== 'Error' ? err.constructor.name : err.name,
    code: (err as { code?: string }).code,
    message: withoutValues(err.message),
    cause,
    stack: stack.join('\n'),
  };
}
