// How request bodies become values: form posts and JSON are read as bytes and refused, never repaired, when
// they are not valid UTF-8 (a browser never sends that; a replacement character saved in its place would
// silently alter what was sent), and bodies larger than the limits below are refused with 413 before they
// are read. The limits are stated in the README's "Limits" section.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const bodyLimits = {
  /** A form post: the longest form (a 10,000-character statement in Cyrillic is about 60 KB encoded). */
  formBytes: 256 * 1024,
  /** Fields of one form post: the largest form has about 20; a carried form a few more. */
  formFields: 500,
  /** A case file, uploaded or POSTed as JSON. */
  jsonBytes: 1024 * 1024,
} as const;

/** Refused input, answered with a 400 or 413 page that says why (server/http/errors.ts). */
class InputError extends Error {
  constructor(
    readonly code: 'WP_NOT_UTF8' | 'WP_TOO_MANY_FIELDS',
    readonly statusCode: 400 | 413,
  ) {
    super(code === 'WP_NOT_UTF8' ? 'body is not valid UTF-8' : 'too many form fields');
    this.name = 'InputError';
  }
}

const refused = (error: unknown): Error =>
  error instanceof Error ? error : new InputError('WP_NOT_UTF8', 400);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError('WP_NOT_UTF8', 400);
  }
}

/** One percent-encoded name or value; `%FF` and other sequences that decode to no character are refused. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw new InputError('WP_NOT_UTF8', 400);
  }
}

/** `a=1&b=2&b=3` as `{ a: '1', b: ['2', '3'] }` (a repeated name is a list, as browsers send checkboxes). */
function parseFormBody(text: string): Record<string, string | string[]> {
  const pairs = text === '' ? [] : text.split('&');
  if (pairs.length > bodyLimits.formFields) throw new InputError('WP_TOO_MANY_FIELDS', 413);
  const out = new Map<string, string | string[]>();
  for (const pair of pairs) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    const value = at < 0 ? '' : decodeComponent(pair.slice(at + 1));
    const before = out.get(name);
    out.set(name, before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]);
  }
  // Own properties only: a field named `__proto__` stays a field.
  return Object.fromEntries(out);
}

export function strictBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: bodyLimits.formBytes },
    (_request: FastifyRequest, body: Buffer, done) => {
      try {
        done(null, parseFormBody(decodeUtf8(body)));
      } catch (error) {
        done(refused(error), undefined);
      }
    },
  );
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: bodyLimits.jsonBytes },
    (request: FastifyRequest, body: Buffer, done) => {
      let text: string;
      try {
        text = decodeUtf8(body);
      } catch (error) {
        done(refused(error), undefined);
        return;
      }
      json(request, text, done);
    },
  );
}
