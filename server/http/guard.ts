// Runs before every handler: a state-changing request must come from our own pages (same origin) and carry
// the session's CSRF token; the route's access policy must admit the user. A signed-out user who submits
// a form is asked to sign in, and the submission is carried through sign-in rather than lost (and sent on
// its own afterwards only when proved to be the user's own: server/http/carry.ts). A sign-in that still owes
// its second factor, or enrolment, reaches only that step's pages, the public ones and signing out. A route
// marked `stepUp` then asks for a fresh second-factor check (server/http/step-up.ts).

import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PendingStep } from '../../db/schema';
import { allows } from '../policy';
import { carryProof } from './carry';
import { askForStepUp, stepUpDue } from './step-up';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Also reachable while a sign-in is unfinished at one of these steps. */
    duringSignIn?: readonly PendingStep[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where an unfinished sign-in continues. */
const pendingStepPath: Record<PendingStep, string> = {
  'second-factor': '/sign-in/second-factor',
  enrol: '/two-factor',
};

export function guard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access ?? 'public'; // the not-found handler
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !isSameOrigin(request)) {
      return reply.render(
        'error',
        { title: request.t('error.forbidden.title'), message: request.t('error.crossSite') },
        403,
      );
    }
    const pending = request.session?.pending;
    if (pending && access !== 'public' && !config?.duringSignIn?.includes(pending)) {
      return reply.redirect(pendingStepPath[pending], 303);
    }
    if (!allows(access, request.user?.role)) {
      if (request.user) {
        return reply.render(
          'error',
          { title: request.t('error.forbidden.title'), message: request.t('error.forbidden.message') },
          403,
        );
      }
      // The path only: a query string may hold what a person typed, and `next` lands in the address bar.
      const path = request.url.split('?')[0]!;
      if (!unsafe) return reply.redirect(`/sign-in?next=${encodeURIComponent(path)}`, 303);
      const replay = JSON.stringify(formFields(request));
      const ended = request.endedSession;
      // Proved only when the form bore the token of the session that has just expired.
      const proof =
        ended && tokenMatches(request, ended.csrfToken) ? carryProof(ended.userId, request.url, replay) : '';
      return reply.render(
        'sign-in',
        { email: '', notice: request.t('signIn.sessionExpired'), next: request.url, replay, proof },
        401,
      );
    }
    if (unsafe && !tokenMatches(request, request.csrfToken)) {
      return reply.render('resubmit', { action: request.url, fields: formFields(request) }, 403);
    }
    if (stepUpDue(app, request)) return askForStepUp(app, request, reply, formFields(request));
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

function tokenMatches(request: FastifyRequest, expected: string): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  const presented =
    request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (typeof presented !== 'string' || !expected) return false;
  const a = new TextEncoder().encode(presented);
  const b = new TextEncoder().encode(expected);
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
