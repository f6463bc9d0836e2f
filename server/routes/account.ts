// The signed-in user's own account: language, password and sessions. The language switch also works signed
// out. Second factors have their own pages (server/routes/two-factor.ts).
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { locales, users } from '../../db/schema';
import { appendAudit } from '../audit';
import { verifyPassword } from '../auth/passwords';
import { factorsOf } from '../auth/second-factor';
import {
  clearNotice,
  createSession,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessions,
  listSessions,
} from '../auth/sessions';
import { setLocaleCookie, setSessionCookie } from '../http/cookies';
import { type FieldErrors, readForm, safeLocalPath } from '../http/forms';
import { findUser, setPassword } from '../users';
import { newPasswordError, newPasswordFields } from './auth';

const languageForm = z.strictObject({
  locale: z.enum(locales, 'form.invalid'),
  next: z.string().max(2000).optional(),
});
const changePasswordForm = z.strictObject({
  currentPassword: z.string().min(1, 'form.required'),
  ...newPasswordFields,
});

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app;

  app.post('/language', { config: { access: 'public' } }, async (request, reply) => {
    const form = readForm(languageForm, request.body);
    if (!form.ok) return reply.redirect('/', 303);
    setLocaleCookie(reply, config, form.data.locale);
    if (request.user) {
      await db.update(users).set({ locale: form.data.locale }).where(eq(users.id, request.user.id));
    }
    return reply.redirect(safeLocalPath(form.data.next), 303);
  });

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; notice?: string },
    status?: number,
  ) => {
    const me = request.user!;
    const [sessions, factors] = await Promise.all([
      listSessions(db, me.id, app.clock()),
      factorsOf(db, me.id),
    ]);
    return reply.render(
      'account',
      {
        errors: extra.errors ?? {},
        saved: extra.notice === 'password_changed',
        sessionsEnded: extra.notice === 'sessions_ended',
        sessions: sessions.map((s) => ({ ...s, current: s.id === request.session!.id })),
        factors,
      },
      status,
    );
  };

  app.get<{ Querystring: { notice?: string } }>(
    '/account',
    { config: { access: 'signed-in' } },
    async (request, reply) => accountPage(request, reply, { notice: request.query.notice }),
  );

  // Ending sessions: one by its id (only the user's own), or every other one.
  app.post<{ Params: { id: string } }>(
    '/account/sessions/:id/end',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const me = request.user!;
      const own = (await listSessions(db, me.id, app.clock())).some((s) => s.id === request.params.id);
      if (!own || request.params.id === request.session!.id) return reply.callNotFound();
      await deleteSession(db, request.params.id);
      await appendAudit(db, {
        actorId: me.id,
        action: 'auth.session_ended',
        detail: { count: 1 },
        at: app.clock(),
      });
      return reply.redirect('/account?notice=sessions_ended#sessions', 303);
    },
  );

  app.post('/account/sessions/end-others', { config: { access: 'signed-in' } }, async (request, reply) => {
    const me = request.user!;
    await deleteOtherSessions(db, me.id, request.session!.id);
    await appendAudit(db, {
      actorId: me.id,
      action: 'auth.session_ended',
      detail: { others: true },
      at: app.clock(),
    });
    return reply.redirect('/account?notice=sessions_ended#sessions', 303);
  });

  app.post('/account/notice/dismiss', { config: { access: 'signed-in' } }, async (request, reply) => {
    await clearNotice(db, request.session!.id);
    return reply.redirect('/', 303);
  });

  app.post('/account/password', { config: { access: 'signed-in' } }, async (request, reply) => {
    const me = request.user!;
    const form = readForm(changePasswordForm, request.body);
    const errors = form.ok ? {} : { ...form.errors };
    if (form.ok) {
      const stored = await findUser(db, me.id);
      if (!stored?.passwordHash || !(await verifyPassword(stored.passwordHash, form.data.currentPassword))) {
        errors.currentPassword = 'account.currentPasswordWrong';
      }
      const problem = newPasswordError(form.data.password, form.data.passwordConfirm, me.email);
      if (problem) errors.password = problem;
    }
    if (!form.ok || Object.keys(errors).length > 0) return accountPage(request, reply, { errors }, 400);
    const now = app.clock();
    await setPassword(db, me.id, form.data.password, now);
    // Whoever knew the old password may hold a session: every session ends, and this one gets a new token.
    const session = request.session!;
    await deleteUserSessions(db, me.id);
    const renewed = await createSession(db, me.id, now, {
      authMethod: session.authMethod,
      stepUpAt: session.stepUpAt,
      device: request.headers['user-agent'] ?? null,
    });
    setSessionCookie(reply, config, renewed.token);
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.password_changed',
      targetType: 'user',
      targetId: me.id,
      at: now,
    });
    return reply.redirect('/account?notice=password_changed', 303);
  });
}
