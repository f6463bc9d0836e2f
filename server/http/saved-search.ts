// A search term (often a pseudonym) never travels in a URL, so never into the browser's history, a proxy's
// log, the sign-in redirect's `next` or our access log. The filter form posts it; it is kept here, in a
// short-lived cookie encrypted like case fields and bound to the user, and the list's URL carries only an
// opaque id that means nothing without that cookie.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DecryptionError, decryptField, encryptField } from '../crypto/field-encryption';

const TTL_MS = 30 * 60_000;
/** Searches kept at once: a few tabs' worth; the oldest goes first. */
const KEEP = 8;
export const searchIdPattern = /^[A-Za-z0-9_-]{16}$/;

const savedSchema = z.array(z.object({ id: z.string(), term: z.string(), at: z.number() })).max(KEEP);
type Saved = z.infer<typeof savedSchema>;

const cookieName = (request: FastifyRequest) =>
  request.server.config.secureCookies ? '__Host-waypost_search' : 'waypost_search';
// Bound to the user: a search saved in a shared browser opens for no one else.
const context = (request: FastifyRequest) => ({ table: 'cookie', column: 'search', row: request.user!.id });

function read(request: FastifyRequest): Saved {
  const stored = request.cookies[cookieName(request)];
  if (!stored || !request.user) return [];
  try {
    const parsed = savedSchema.safeParse(
      JSON.parse(decryptField(request.server.keyRing, context(request), stored)),
    );
    const fresh = request.server.clock().getTime() - TTL_MS;
    return parsed.success ? parsed.data.filter((s) => s.at >= fresh) : [];
  } catch (error) {
    if (error instanceof DecryptionError || error instanceof SyntaxError) return [];
    throw error;
  }
}

/** Keeps the term for this user and answers the opaque id that names it. */
export function saveSearch(request: FastifyRequest, reply: FastifyReply, term: string): string {
  const id = randomBytes(12).toString('base64url');
  const kept = [{ id, term, at: request.server.clock().getTime() }, ...read(request)].slice(0, KEEP);
  const value = encryptField(request.server.keyRing, context(request), JSON.stringify(kept));
  reply.setCookie(cookieName(request), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.config.secureCookies,
    maxAge: TTL_MS / 1000,
  });
  return id;
}

/** The term an id names, or undefined when it expired, was never this user's, or the cookie is gone. */
export function findSearch(request: FastifyRequest, id: string): string | undefined {
  return read(request).find((s) => s.id === id)?.term;
}
