// The signed-in user's own account: language and password. The language switch also works signed out.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { locales, users } from '../../db/schema';
import { appendAudit } from '../audit';
import { verifyPassword } from '../auth/passwords';
import { setLocaleCookie } from '../http/cookies';
import { readForm, safeLocalPath } from '../http/forms';
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

  app.get<{ Querystring: { notice?: string } }>(
    '/account',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      return reply.render('account', { errors: {}, saved: request.query.notice === 'password_changed' });
    },
  );

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
    if (!form.ok || Object.keys(errors).length > 0) return reply.render('account', { errors }, 400);
    const now = app.clock();
    await setPassword(db, me.id, form.data.password, now);
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
