// Runs before every handler: a state-changing request must come from our own pages (same origin) and carry
// the session's CSRF token; the route's access policy must admit the user. A signed-out user who submits
// a form is asked to sign in, and the submission is carried through sign-in rather than lost.

import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allows } from '../policy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function guard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config?.access ?? 'public'; // the not-found handler
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !isSameOrigin(request)) {
      return reply.render(
        'error',
        { title: request.t('error.forbidden.title'), message: request.t('error.crossSite') },
        403,
      );
    }
    if (!allows(access, request.user?.role)) {
      if (request.user) {
        return reply.render(
          'error',
          { title: request.t('error.forbidden.title'), message: request.t('error.forbidden.message') },
          403,
        );
      }
      if (!unsafe) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      return reply.render(
        'sign-in',
        {
          email: '',
          notice: request.t('signIn.sessionExpired'),
          next: request.url,
          replay: JSON.stringify(formFields(request)),
        },
        401,
      );
    }
    if (unsafe && !csrfTokenValid(request)) {
      return reply.render('resubmit', { action: request.url, fields: formFields(request) }, 403);
    }
  });
}

function isSameOrigin(request: FastifyRequest): boolean {
  // Sec-Fetch-Site is set by the browser itself and survives our no-referrer policy: trust it first.
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  // Under `Referrer-Policy: no-referrer` browsers send `Origin: null` even for our own forms, so an opaque
  // origin proves nothing either way: the session-bound token below decides.
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  return true;
}

function csrfTokenValid(request: FastifyRequest): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  const presented =
    request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (typeof presented !== 'string' || !request.csrfToken) return false;
  const a = new TextEncoder().encode(presented);
  const b = new TextEncoder().encode(request.csrfToken);
  return a.length === b.length && constantTimeEqual(a, b);
}

/** The submitted form as name/value pairs, minus the token and anything that is a password. */
export function formFields(request: FastifyRequest): [string, string][] {
  const body = request.body;
  if (!body || typeof body !== 'object') return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf' || /password/i.test(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') pairs.push([name, v]);
    }
  }
  return pairs;
}

export type { FastifyReply };
