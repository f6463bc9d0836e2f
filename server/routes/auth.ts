// Signing in and out, the first-run set-up link, and the one-time links that set a password.
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { users } from '../../db/schema';
import { appendAudit } from '../audit';
import { burnPasswordCheck, needsRehash, passwordProblem, verifyPassword } from '../auth/passwords';
import { deleteSession, deleteUserSessions } from '../auth/sessions';
import { recordFailedSignIn } from '../auth/sign-in-notice';
import { clearAccountFailures, isThrottled, recordFailure } from '../auth/throttle';
import { clearSessionCookie, cookieNames } from '../http/cookies';
import { accountText, readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import {
  createUser,
  findLink,
  findUser,
  findUserByEmail,
  type LinkRecord,
  setPassword,
  userCount,
  useUpLink,
} from '../users';
import { finishSignIn, openSession } from './sign-in-session';
import { renderVerify, stepOwed } from './two-factor-sign-in';

const signInForm = z.strictObject({
  email: accountText(320),
  password: z.string().min(1, 'form.required').max(1024, 'form.tooLong'),
  next: z.string().max(2000).optional(),
  replay: z.string().max(1_000_000).optional(),
  proof: z.string().max(200).optional(),
});

/** New password fields shared by every form that sets one. */
export const newPasswordFields = {
  password: z.string().min(1, 'form.required').max(1024, 'form.tooLong'),
  passwordConfirm: z.string().max(1024, 'form.tooLong'),
};

const setupForm = z.strictObject({
  email: z.email('form.email').max(320, 'form.tooLong'),
  displayName: accountText(120),
  ...newPasswordFields,
});

const setPasswordForm = z.strictObject(newPasswordFields);

/** Translation key of what is wrong with a new password, or null. */
export function newPasswordError(password: string, confirm: string, email?: string): MessageKey | null {
  const problem = passwordProblem(password, email);
  if (problem) return `password.${problem}`;
  return password === confirm ? null : 'password.mismatch';
}

const notices: Record<string, MessageKey> = {
  setup_done: 'signIn.notice.setupDone',
  password_set: 'signIn.notice.passwordSet',
  signed_out: 'signIn.notice.signedOut',
};

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app;

  app.get<{ Querystring: { next?: string; notice?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (request.user) return reply.redirect('/', 303);
      const noticeKey = notices[request.query.notice ?? ''];
      return reply.render('sign-in', {
        email: '',
        next: request.query.next ?? '',
        replay: '',
        notice: noticeKey ? request.t(noticeKey) : undefined,
        noUsers: (await userCount(db)) === 0,
      });
    },
  );

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const form = readForm(signInForm, request.body);
    const page = (status: number, error: MessageKey) =>
      reply.render(
        'sign-in',
        {
          email: form.values.email ?? '',
          next: form.values.next ?? '',
          replay: form.values.replay ?? '',
          proof: form.values.proof ?? '',
          error: request.t(error),
        },
        status,
      );
    if (!form.ok) return page(400, 'signIn.failed');
    const { email, password } = form.data;
    const now = app.clock();
    if (await isThrottled(db, email, request.ip, now)) {
      const locked = await findUserByEmail(db, email);
      // Attempts against a locked account are still counted for its owner to hear about.
      if (locked) await recordFailedSignIn(db, locked, now, true);
      await appendAudit(db, { actorId: null, action: 'auth.sign_in_throttled', at: now });
      return page(429, 'signIn.throttled');
    }
    const user = await findUserByEmail(db, email);
    // Unknown accounts spend the same hashing time, so timing does not tell them apart.
    const passwordOk = user?.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : await burnPasswordCheck(password);
    if (!user || !passwordOk || user.disabledAt) {
      await recordFailure(db, email, request.ip, now);
      if (user && !user.disabledAt) await recordFailedSignIn(db, user, now);
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'disabled';
      await appendAudit(db, {
        actorId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        detail: { reason },
        at: now,
      });
      // The same words for every reason: an unknown address must look like a wrong password.
      return page(401, 'signIn.failed');
    }
    await clearAccountFailures(db, email);
    if (needsRehash(user.passwordHash!)) await setPassword(db, user.id, password, now);
    // A language picked on the sign-in page (the footer form sets this cookie) is the person's choice:
    // keep it for their account rather than switching back to the one stored before.
    const picked = request.cookies[cookieNames(config).locale];
    if ((picked === 'en' || picked === 'ru') && picked !== user.locale) {
      await db.update(users).set({ locale: picked }).where(eq(users.id, user.id));
    }
    const carried = { next: form.data.next, replay: form.data.replay, proof: form.data.proof };
    const pending = await stepOwed(app, user);
    const session = await openSession(app, request, reply, user.id, { authMethod: 'password', pending });
    if (pending === 'second-factor')
      return renderVerify(app, reply, user.id, { ...carried, csrfToken: session.csrfToken });
    if (pending === 'enrol') return reply.redirect('/two-factor', 303);
    return finishSignIn(app, reply, user.id, session, carried);
  });

  app.post(
    '/sign-out',
    { config: { access: 'signed-in', duringSignIn: ['second-factor', 'enrol'] } },
    async (request, reply) => {
      await deleteSession(db, request.session!.id);
      await appendAudit(db, { actorId: request.user!.id, action: 'auth.sign_out', at: app.clock() });
      clearSessionCookie(reply, config);
      return reply.redirect('/sign-in?notice=signed_out', 303);
    },
  );

  // First run: the set-up link printed at start-up creates the first admin.
  const setupLink = async (request: FastifyRequest<{ Params: { token: string } }>) => {
    const link = await findLink(db, request.params.token, app.clock());
    return link?.purpose === 'setup' && (await userCount(db)) === 0 ? link : null;
  };
  const linkExpired = (request: FastifyRequest, reply: FastifyReply) =>
    reply.render(
      'error',
      { title: request.t('link.invalid.title'), message: request.t('link.invalid.message') },
      404,
    );

  app.get<{ Params: { token: string } }>(
    '/setup/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (!(await setupLink(request))) return linkExpired(request, reply);
      return reply.render('setup', { values: {}, errors: {} });
    },
  );

  app.post<{ Params: { token: string } }>(
    '/setup/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const link = await setupLink(request);
      if (!link) return linkExpired(request, reply);
      const form = readForm(setupForm, request.body);
      const errors = form.ok ? {} : { ...form.errors };
      if (form.ok) {
        const problem = newPasswordError(form.data.password, form.data.passwordConfirm, form.data.email);
        if (problem) errors.password = problem;
      }
      if (!form.ok || Object.keys(errors).length > 0)
        return reply.render('setup', { values: form.values, errors }, 400);
      const now = app.clock();
      const created = await db.transaction(async (tx) => {
        if (!(await useUpLink(tx, link.id))) return null; // a second submission of the same link
        const admin = await createUser(tx, { ...form.data, role: 'admin', now });
        await appendAudit(tx, {
          actorId: admin.id,
          action: 'setup.admin_created',
          targetType: 'user',
          targetId: admin.id,
          at: now,
        });
        return admin;
      });
      if (!created) return linkExpired(request, reply);
      return reply.redirect('/sign-in?notice=setup_done', 303);
    },
  );

  // Invitations and password resets: the person sets their own password; nobody else ever knows it.
  const passwordLink = async (request: FastifyRequest<{ Params: { token: string } }>) => {
    const link = await findLink(db, request.params.token, app.clock());
    const user = link?.userId && link.purpose !== 'setup' ? await findUser(db, link.userId) : undefined;
    return link && user && !user.disabledAt ? { link, user } : null;
  };

  app.get<{ Params: { token: string } }>(
    '/password/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const found = await passwordLink(request);
      if (!found) return linkExpired(request, reply);
      return reply.render('set-password', {
        email: found.user.email,
        purpose: found.link.purpose,
        errors: {},
      });
    },
  );

  app.post<{ Params: { token: string } }>(
    '/password/:token',
    { config: { access: 'public' } },
    async (request, reply) => {
      const found = await passwordLink(request);
      if (!found) return linkExpired(request, reply);
      const { link, user }: { link: LinkRecord; user: { id: string; email: string } } = found;
      const form = readForm(setPasswordForm, request.body);
      const problem = form.ok
        ? newPasswordError(form.data.password, form.data.passwordConfirm, user.email)
        : (form.errors.password ?? 'form.invalid');
      if (!form.ok || problem) {
        return reply.render(
          'set-password',
          { email: user.email, purpose: link.purpose, errors: { password: problem } },
          400,
        );
      }
      const now = app.clock();
      const done = await db.transaction(async (tx) => {
        if (!(await useUpLink(tx, link.id))) return false;
        await setPassword(tx, user.id, form.data.password, now);
        await appendAudit(tx, {
          actorId: user.id,
          action: 'user.password_set',
          targetType: 'user',
          targetId: user.id,
          detail: { via: link.purpose },
          at: now,
        });
        return true;
      });
      if (!done) return linkExpired(request, reply);
      await deleteUserSessions(db, user.id);
      return reply.redirect('/sign-in?notice=password_set', 303);
    },
  );
}
