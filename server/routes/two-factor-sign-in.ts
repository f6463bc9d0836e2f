// The second step of signing in, and step-up: both ask for a second factor (server/routes/second-factor-check.ts).
// Also the WebAuthn challenge that the page's script asks for before calling the browser.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { PendingStep } from '../../db/schema';
import { appendAudit } from '../audit';
import { authenticationOptions, listPasskeys, registrationOptions } from '../auth/passkeys';
import { factorsOf, hasSecondFactor, secondFactorPolicyOf } from '../auth/second-factor';
import { recordStepUp, setChallenge } from '../auth/sessions';
import { parseCarried, resubmit } from '../http/carry';
import { cookieNames } from '../http/cookies';
import { readForm, safeLocalPath } from '../http/forms';
import { renderStepUp } from '../http/step-up';
import type { User } from '../users';
import { checkSecondFactor, factorFields } from './second-factor-check';
import { type Carried, finishSignIn, openSession } from './sign-in-session';

/** What the user still owes after a right password: a second factor, enrolment, or nothing. */
export async function stepOwed(app: FastifyInstance, user: User): Promise<PendingStep | undefined> {
  if (hasSecondFactor(await factorsOf(app.db, user.id))) return 'second-factor';
  const policy = await secondFactorPolicyOf(app.db, app.config);
  return policy[user.role] || user.mustEnrol ? 'enrol' : undefined;
}

export async function renderVerify(
  app: FastifyInstance,
  reply: FastifyReply,
  userId: string,
  page: Carried & { csrfToken?: string; error?: string },
  status?: number,
): Promise<FastifyReply> {
  const { passkeys } = await factorsOf(app.db, userId);
  return reply.render(
    'two-factor/verify',
    {
      next: page.next ?? '',
      replay: page.replay ?? '',
      proof: page.proof ?? '',
      error: page.error,
      passkeys,
      passkeyScript: passkeys > 0,
      user: null,
      nav: [],
      ...(page.csrfToken ? { csrfToken: page.csrfToken } : {}),
    },
    status,
  );
}

const verifyForm = z.strictObject({
  ...factorFields,
  next: z.string().max(2000).optional(),
  replay: z.string().max(1_000_000).optional(),
  proof: z.string().max(200).optional(),
});

const stepUpForm = z.strictObject({
  ...factorFields,
  next: z.string().max(2000),
  carried: z.string().max(1_000_000).optional(),
});

const optionsForm = z.strictObject({ purpose: z.enum(['authenticate', 'register']) });

export async function twoFactorSignInRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app;
  const verifyStep = { access: 'signed-in', duringSignIn: ['second-factor'] } as const;

  app.get('/sign-in/second-factor', { config: verifyStep }, async (request, reply) => {
    if (request.session?.pending !== 'second-factor') return reply.redirect('/', 303);
    return renderVerify(app, reply, request.session.user.id, {});
  });

  app.post('/sign-in/second-factor', { config: verifyStep }, async (request, reply) => {
    const session = request.session!;
    if (session.pending !== 'second-factor') return reply.redirect('/', 303);
    const form = readForm(verifyForm, request.body);
    const carried = form.ok ? { next: form.data.next, replay: form.data.replay, proof: form.data.proof } : {};
    if (!form.ok)
      return renderVerify(
        app,
        reply,
        session.user.id,
        { ...carried, error: request.t('twoFactor.wrongCode') },
        400,
      );
    const check = await checkSecondFactor(app, session, form.data);
    if (!check.ok)
      return renderVerify(
        app,
        reply,
        session.user.id,
        { ...carried, error: request.t(check.error) },
        check.status,
      );
    const opened = await openSession(app, request, reply, session.user.id, {
      authMethod: check.method,
      recoveryCodesLeft: check.recoveryCodesLeft,
    });
    return finishSignIn(app, reply, session.user.id, opened, carried);
  });

  app.get<{ Querystring: { next?: string } }>(
    '/step-up',
    { config: { access: 'signed-in' } },
    async (request, reply) =>
      renderStepUp(app, request, reply, { next: safeLocalPath(request.query.next), carried: '' }),
  );

  app.post('/step-up', { config: { access: 'signed-in' } }, async (request, reply) => {
    const session = request.session!;
    const form = readForm(stepUpForm, request.body);
    const next = safeLocalPath(form.values.next);
    const carried = form.values.carried ?? '';
    if (!form.ok)
      return renderStepUp(
        app,
        request,
        reply,
        { next, carried, error: request.t('twoFactor.wrongCode') },
        400,
      );
    const factors = await factorsOf(db, session.user.id);
    const check = await checkSecondFactor(app, session, form.data, !hasSecondFactor(factors));
    if (!check.ok)
      return renderStepUp(
        app,
        request,
        reply,
        { next, carried, error: request.t(check.error) },
        check.status,
      );
    const now = app.clock();
    await recordStepUp(db, session.id, now);
    await appendAudit(db, {
      actorId: session.user.id,
      action: 'auth.step_up',
      detail: { method: check.method },
      at: now,
    });
    const fields = carried ? parseCarried(carried) : null;
    if (!fields) return reply.redirect(next, 303);
    // The carried form passed the form-token check when it was first sent; this one passed it again.
    const token = request.cookies[cookieNames(config).session]!;
    return resubmit(app, reply, { token, csrfToken: session.csrfToken }, next, fields);
  });

  app.post(
    '/two-factor/passkey-options',
    { config: { access: 'signed-in', duringSignIn: ['second-factor', 'enrol'] } },
    async (request, reply) => {
      const session = request.session!;
      const form = readForm(optionsForm, request.body);
      if (!form.ok) return reply.code(400).send({ error: 'bad request' });
      const purpose = form.data.purpose;
      const allowed = session.pending === null || (purpose === 'register') === (session.pending === 'enrol');
      if (!allowed) return reply.code(403).send({ error: 'not now' });
      const keys = await listPasskeys(db, session.user.id);
      const options =
        purpose === 'register'
          ? await registrationOptions(config, session.user, keys)
          : await authenticationOptions(config, keys);
      await setChallenge(db, session.id, options.challenge);
      return reply.send(options);
    },
  );
}
