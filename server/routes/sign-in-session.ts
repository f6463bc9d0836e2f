// The end of every sign-in path (password alone, password and second factor, forced enrolment): a new
// session, what to tell the user, and the form that was carried through sign-in, if any.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthMethod, PendingStep } from '../../db/schema';
import { appendAudit } from '../audit';
import { createSession, deleteSession } from '../auth/sessions';
import { takeSignInNotice } from '../auth/sign-in-notice';
import { carryProved, parseCarried, resubmit } from '../http/carry';
import { setSessionCookie } from '../http/cookies';
import { safeLocalPath } from '../http/forms';
import { findUser } from '../users';

export interface OpenedSession {
  token: string;
  csrfToken: string;
}

/**
 * Replaces the request's session (if any) with a new one: unfinished when `pending` is set, otherwise signed
 * in, with a fresh step-up and the notice of failed attempts.
 */
export async function openSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  start: { authMethod: AuthMethod; pending?: PendingStep; recoveryCodesLeft?: number },
): Promise<OpenedSession> {
  const { db } = app;
  const now = app.clock();
  if (request.session) await deleteSession(db, request.session.id);
  const user = (await findUser(db, userId))!;
  let notice = start.pending ? null : await takeSignInNotice(db, user, now);
  if (start.recoveryCodesLeft !== undefined) {
    notice = {
      failed: 0,
      lastFailedAt: null,
      lockedAccounts: 0,
      ...notice,
      recoveryCodesLeft: start.recoveryCodesLeft,
    };
  }
  const session = await createSession(db, userId, now, {
    authMethod: start.authMethod,
    pending: start.pending ?? null,
    stepUpAt: start.pending ? null : now,
    device: request.headers['user-agent'] ?? null,
    notice,
  });
  if (!start.pending) {
    await appendAudit(db, {
      actorId: userId,
      action: 'auth.sign_in',
      detail: { method: start.authMethod },
      at: now,
    });
  }
  setSessionCookie(reply, app.config, session.token);
  return session;
}

export interface Carried {
  next?: string;
  replay?: string;
  proof?: string;
}

/**
 * Goes where the user was going. A form carried through sign-in is sent on its own only when proved to be
 * the user's own (server/http/carry.ts); otherwise the user sees what it holds and decides.
 */
export async function finishSignIn(
  app: FastifyInstance,
  reply: FastifyReply,
  userId: string,
  session: OpenedSession,
  carried: Carried,
): Promise<FastifyReply> {
  const next = safeLocalPath(carried.next);
  const fields = carried.replay ? parseCarried(carried.replay) : null;
  if (!fields || fields.length === 0) return reply.redirect(next, 303);
  if (carryProved(carried.proof, userId, next, carried.replay!)) {
    return resubmit(app, reply, session, next, fields);
  }
  return reply.render('confirm-carried', {
    action: next,
    fields,
    csrfToken: session.csrfToken,
    user: null,
    nav: [],
  });
}
