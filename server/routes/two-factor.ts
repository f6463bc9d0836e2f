// The user's own second factors: the authenticator app, passkeys and recovery codes. The same pages serve the
// enrolment that a role's policy forces right after the password (the session is then `pending: enrol` and
// reaches only these pages and signing out) and the voluntary set-up from the account page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit';
import {
  listPasskeys,
  readJson,
  registerPasskey,
  registrationResponse,
  removePasskey,
  renamePasskey,
} from '../auth/passkeys';
import { qrSvg } from '../auth/qr';
import {
  enrolmentDone,
  factorsOf,
  hasSecondFactor,
  newRecoveryCodes,
  pendingTotpKey,
  removeTotp,
  secondFactorPolicyOf,
  useTotpCode,
} from '../auth/second-factor';
import { setChallenge } from '../auth/sessions';
import { keyForDisplay, keyUri } from '../auth/totp';
import { accountText, readForm } from '../http/forms';
import type { MessageKey } from '../i18n';
import { openSession } from './sign-in-session';

const codeForm = z.strictObject({
  code: z.string().trim().min(1, 'form.required').max(20, 'twoFactor.wrongCode'),
});
const passkeyName = accountText(60);
const registerForm = z.strictObject({
  name: passkeyName,
  credential: z.string().min(1, 'twoFactor.passkeyFailed').max(100_000),
});
const renameForm = z.strictObject({ name: passkeyName });

const notices: Record<string, MessageKey> = {
  totp_on: 'twoFactor.notice.totpOn',
  totp_off: 'twoFactor.notice.totpOff',
  passkey_added: 'twoFactor.notice.passkeyAdded',
  passkey_removed: 'twoFactor.notice.passkeyRemoved',
  passkey_renamed: 'twoFactor.notice.passkeyRenamed',
};

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export async function twoFactorRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, keyRing } = app;
  const enrol = { access: 'signed-in', duringSignIn: ['enrol'] } as const;
  const own = { access: 'signed-in' } as const;
  const ownStepUp = { access: 'signed-in', stepUp: true } as const;

  const overview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: MessageKey; errors?: Record<string, MessageKey>; values?: Record<string, string> } = {},
    status?: number,
  ) => {
    const me = request.user!;
    const [factors, keys] = await Promise.all([factorsOf(db, me.id), listPasskeys(db, me.id)]);
    const errors = Object.fromEntries(Object.entries(extra.errors ?? {}).map(([k, v]) => [k, request.t(v)]));
    return reply.render(
      'two-factor/index',
      {
        factors,
        passkeys: keys,
        enrolling: request.session?.pending === 'enrol',
        canFinish: hasSecondFactor(factors),
        notice: extra.notice ? request.t(extra.notice) : undefined,
        errors,
        values: extra.values ?? {},
        passkeyScript: true,
      },
      status,
    );
  };

  /** Ten recovery codes are made with the first factor and shown once. */
  const afterNewFactor = async (request: FastifyRequest, reply: FastifyReply, notice: string) => {
    const me = request.user!;
    if ((await factorsOf(db, me.id)).recoveryLeft > 0)
      return reply.redirect(`/two-factor?notice=${notice}`, 303);
    const codes = await newRecoveryCodes(db, me.id);
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.recovery_codes_issued',
      targetType: 'user',
      targetId: me.id,
      at: app.clock(),
    });
    return reply.render('two-factor/recovery-codes', {
      codes,
      enrolling: request.session?.pending === 'enrol',
    });
  };

  /** A factor may go unless it is the last one and the user's role requires one. */
  const mayRemoveLast = async (request: FastifyRequest): Promise<boolean> => {
    const me = request.user!;
    const factors = await factorsOf(db, me.id);
    const left = (factors.totp ? 1 : 0) + factors.passkeys;
    return left > 1 || !(await secondFactorPolicyOf(db, config))[me.role];
  };

  app.get<{ Querystring: { notice?: string } }>('/two-factor', { config: enrol }, async (request, reply) =>
    overview(request, reply, { notice: notices[request.query.notice ?? ''] }),
  );

  const totpPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    error?: MessageKey,
    status?: number,
  ) => {
    const me = request.user!;
    const key = await pendingTotpKey(db, keyRing, me.id, app.clock());
    const uri = keyUri(config.orgName, me.email, key);
    return reply.render(
      'two-factor/totp',
      {
        qr: qrSvg(uri, request.t('twoFactor.totp.qrLabel')),
        secret: keyForDisplay(key),
        error: error ? request.t(error) : undefined,
      },
      status,
    );
  };

  app.get('/two-factor/totp', { config: enrol }, async (request, reply) => {
    if ((await factorsOf(db, request.user!.id)).totp) return reply.redirect('/two-factor', 303);
    return totpPage(request, reply);
  });

  app.post('/two-factor/totp', { config: enrol }, async (request, reply) => {
    const me = request.user!;
    const form = readForm(codeForm, request.body);
    if (!form.ok) return totpPage(request, reply, form.errors.code ?? 'twoFactor.wrongCode', 400);
    const now = app.clock();
    if (!(await useTotpCode(db, keyRing, me.id, form.data.code, now, true))) {
      return totpPage(request, reply, 'twoFactor.totp.firstCodeWrong', 400);
    }
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.totp_enabled',
      targetType: 'user',
      targetId: me.id,
      at: now,
    });
    return afterNewFactor(request, reply, 'totp_on');
  });

  app.post('/two-factor/totp/remove', { config: ownStepUp }, async (request, reply) => {
    const me = request.user!;
    if (!(await mayRemoveLast(request)))
      return overview(request, reply, { errors: { totp: 'twoFactor.lastFactor' } }, 409);
    await removeTotp(db, me.id);
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.totp_removed',
      targetType: 'user',
      targetId: me.id,
      at: app.clock(),
    });
    return reply.redirect('/two-factor?notice=totp_off', 303);
  });

  app.post('/two-factor/recovery-codes', { config: ownStepUp }, async (request, reply) => {
    const me = request.user!;
    if (!hasSecondFactor(await factorsOf(db, me.id))) return reply.redirect('/two-factor', 303);
    const codes = await newRecoveryCodes(db, me.id);
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.recovery_codes_issued',
      targetType: 'user',
      targetId: me.id,
      at: app.clock(),
    });
    return reply.render('two-factor/recovery-codes', { codes, enrolling: false });
  });

  app.post('/two-factor/passkeys', { config: enrol }, async (request, reply) => {
    const me = request.user!;
    const session = request.session!;
    const form = readForm(registerForm, request.body);
    const challenge = session.challenge;
    await setChallenge(db, session.id, null);
    const response = form.ok ? readJson(registrationResponse, form.data.credential) : null;
    if (!form.ok || !response || !challenge) {
      const errors = form.ok ? { name: 'twoFactor.passkeyFailed' as const } : form.errors;
      return overview(request, reply, { errors, values: { name: form.values.name ?? '' } }, 400);
    }
    const now = app.clock();
    const added = await registerPasskey(db, config, {
      userId: me.id,
      name: form.data.name,
      challenge,
      response,
      now,
    });
    if (!added)
      return overview(
        request,
        reply,
        { errors: { name: 'twoFactor.passkeyFailed' }, values: { name: form.data.name } },
        400,
      );
    await appendAudit(db, {
      actorId: me.id,
      action: 'user.passkey_added',
      targetType: 'user',
      targetId: me.id,
      at: now,
    });
    return afterNewFactor(request, reply, 'passkey_added');
  });

  app.post<{ Params: { id: string } }>(
    '/two-factor/passkeys/:id/rename',
    { config: own },
    async (request: IdRequest, reply) => {
      const form = readForm(renameForm, request.body);
      if (!form.ok)
        return overview(
          request,
          reply,
          { errors: { [`rename-${request.params.id}`]: form.errors.name ?? 'form.invalid' } },
          400,
        );
      if (!(await renamePasskey(db, request.user!.id, request.params.id, form.data.name)))
        return reply.callNotFound();
      return reply.redirect('/two-factor?notice=passkey_renamed', 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/two-factor/passkeys/:id/remove',
    { config: ownStepUp },
    async (request: IdRequest, reply) => {
      const me = request.user!;
      if (!(await mayRemoveLast(request)))
        return overview(request, reply, { errors: { passkeys: 'twoFactor.lastFactor' } }, 409);
      if (!(await removePasskey(db, me.id, request.params.id))) return reply.callNotFound();
      await appendAudit(db, {
        actorId: me.id,
        action: 'user.passkey_removed',
        targetType: 'user',
        targetId: me.id,
        at: app.clock(),
      });
      return reply.redirect('/two-factor?notice=passkey_removed', 303);
    },
  );

  // The end of a forced enrolment: the unfinished session becomes a signed-in one.
  app.post('/two-factor/finish', { config: enrol }, async (request, reply) => {
    const session = request.session!;
    if (session.pending !== 'enrol') return reply.redirect('/', 303);
    const factors = await factorsOf(db, session.user.id);
    if (!hasSecondFactor(factors))
      return overview(request, reply, { errors: { finish: 'twoFactor.enrolFirst' } }, 409);
    await enrolmentDone(db, session.user.id);
    await openSession(app, request, reply, session.user.id, {
      authMethod: factors.totp ? 'password+totp' : 'password+passkey',
    });
    return reply.redirect('/', 303);
  });
}
