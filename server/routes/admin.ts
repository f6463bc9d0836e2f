// Administration: accounts (create by invitation, change role, disable, reset password) and the audit log.
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roles, users } from '../../db/schema';
import { appendAudit, verifyAuditChain } from '../audit';
import { auditHref, auditPage, describeEntries, filterUsers, readAuditFilter } from '../audit/browse';
import { latestCheckpoint, writeCheckpoint } from '../audit/checkpoint';
import { actionChoices } from '../audit/labels';
import { deleteUserSessions } from '../auth/sessions';
import { accountText, readForm } from '../http/forms';
import { onceResult } from '../http/once';
import { adminOnly } from '../policy';
import {
  changeRole,
  createUser,
  findUser,
  findUserByEmail,
  issueLink,
  otherActiveAdmins,
  setDisabled,
  type User,
} from '../users';

const newUserForm = z.strictObject({
  email: z.email('form.email').max(320, 'form.tooLong'),
  displayName: accountText(120),
  role: z.enum(roles, 'form.choose'),
});
const roleForm = z.strictObject({ role: z.enum(roles, 'form.choose') });

type UserRequest = FastifyRequest<{ Params: { id: string } }>;

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app;
  const access = adminOnly;
  const linkUrl = (kind: 'password', token: string) => `${config.publicUrl}/${kind}/${token}`;

  app.get('/admin/users', { config: { access } }, async (_request, reply) => {
    const list = await db.select().from(users).orderBy(users.displayName);
    return reply.render('admin/users', { users: list });
  });

  app.get('/admin/users/new', { config: { access } }, async (_request, reply) =>
    reply.render('admin/user-new', { values: { role: 'caseworker' }, errors: {} }),
  );

  app.post('/admin/users', { config: { access, stepUp: true, once: true } }, async (request, reply) => {
    const form = readForm(newUserForm, request.body);
    const errors = form.ok ? {} : { ...form.errors };
    if (form.ok && (await findUserByEmail(db, form.data.email))) errors.email = 'admin.emailTaken';
    if (!form.ok || Object.keys(errors).length > 0) {
      return reply.render('admin/user-new', { values: form.values, errors }, 400);
    }
    const now = app.clock();
    const { user, token } = await db.transaction(async (tx) => {
      const user = await createUser(tx, { ...form.data, now });
      const token = await issueLink(tx, 'invite', user.id, now);
      await appendAudit(tx, {
        actorId: request.user!.id,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        detail: { role: user.role },
        at: now,
      });
      return { user, token };
    });
    // A repeat of this form shows the account, not the link again (only its hash is kept).
    onceResult(request, `/admin/users/${user.id}`);
    return reply.render(
      'admin/user-link',
      { target: user, link: linkUrl('password', token), purpose: 'invite' },
      201,
    );
  });

  /** The user an admin acts on, or the not-found page. */
  const target = async (request: UserRequest, reply: FastifyReply): Promise<User | null> => {
    const user = await findUser(db, request.params.id);
    if (!user) await reply.callNotFound();
    return user ?? null;
  };
  const showUser = (reply: FastifyReply, user: User, extra: Record<string, unknown> = {}, status?: number) =>
    reply.render('admin/user', { target: user, errors: {}, ...extra }, status);

  app.get<{ Params: { id: string }; Querystring: { notice?: string } }>(
    '/admin/users/:id',
    { config: { access } },
    async (request, reply) => {
      const user = await target(request, reply);
      if (!user) return reply;
      return showUser(reply, user, { secondFactorReset: request.query.notice === 'second_factor_reset' });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/role',
    { config: { access, stepUp: true } },
    async (request, reply) => {
      const user = await target(request, reply);
      if (!user) return reply;
      const form = readForm(roleForm, request.body);
      if (!form.ok) return showUser(reply, user, { errors: form.errors }, 400);
      if (
        user.role === 'admin' &&
        form.data.role !== 'admin' &&
        (await otherActiveAdmins(db, user.id)) === 0
      ) {
        return showUser(reply, user, { errors: { role: 'admin.lastAdmin' } }, 409);
      }
      if (form.data.role !== user.role) {
        const now = app.clock();
        await db.transaction(async (tx) => {
          await changeRole(tx, user.id, form.data.role, now);
          await appendAudit(tx, {
            actorId: request.user!.id,
            action: 'user.role_changed',
            targetType: 'user',
            targetId: user.id,
            detail: { from: user.role, to: form.data.role },
            at: now,
          });
        });
        // A new role takes effect at once: sessions carry the role they were made with.
        await deleteUserSessions(db, user.id);
      }
      return reply.redirect(`/admin/users/${user.id}`, 303);
    },
  );

  for (const disable of [true, false]) {
    const action = disable ? 'disable' : 'enable';
    app.post<{ Params: { id: string } }>(
      `/admin/users/:id/${action}`,
      { config: { access, stepUp: true } },
      async (request, reply) => {
        const user = await target(request, reply);
        if (!user) return reply;
        if (disable && user.id === request.user!.id)
          return showUser(reply, user, { errors: { status: 'admin.notSelf' } }, 409);
        if (disable && user.role === 'admin' && (await otherActiveAdmins(db, user.id)) === 0) {
          return showUser(reply, user, { errors: { status: 'admin.lastAdmin' } }, 409);
        }
        const now = app.clock();
        await setDisabled(db, user.id, disable, now);
        await appendAudit(db, {
          actorId: request.user!.id,
          action: `user.${action}d`,
          targetType: 'user',
          targetId: user.id,
          at: now,
        });
        return reply.redirect(`/admin/users/${user.id}`, 303);
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/reset',
    { config: { access, stepUp: true, once: true } },
    async (request, reply) => {
      const user = await target(request, reply);
      if (!user) return reply;
      const now = app.clock();
      // The old password stops working at once: a reset usually means it may be known to someone else. A user
      // who never set one (the invitation link was lost) gets a new invitation, which voids the old one.
      const invited = user.passwordHash === null;
      const token = await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: null, updatedAt: now }).where(eq(users.id, user.id));
        const token = await issueLink(tx, invited ? 'invite' : 'reset', user.id, now);
        await appendAudit(tx, {
          actorId: request.user!.id,
          action: invited ? 'user.invitation_reissued' : 'user.password_reset',
          targetType: 'user',
          targetId: user.id,
          at: now,
        });
        return token;
      });
      await deleteUserSessions(db, user.id);
      onceResult(request, `/admin/users/${user.id}`);
      return reply.render('admin/user-link', {
        target: user,
        link: linkUrl('password', token),
        purpose: invited ? 'reissue' : 'reset',
      });
    },
  );

  // Filtered by user, case reference, action and date, on the server, a page at a time; the URL holds ids,
  // references, action codes and dates only.
  app.get('/admin/audit', { config: { access } }, async (request, reply) => {
    const { filter, values, errors } = readAuditFilter(request.query);
    const caseId = filter.caseReference
      ? ((await app.cases.idOfReference(filter.caseReference)) ?? null)
      : undefined;
    const [page, people, checkpoint] = await Promise.all([
      auditPage(db, filter, caseId),
      filterUsers(db),
      latestCheckpoint(db, app.auditKeys),
    ]);
    if (page.unknownReference) errors.case = 'admin.audit.filter.unknownReference';
    return reply.render(
      'admin/audit',
      {
        lines: await describeEntries(
          db,
          (ids) => app.cases.referencesOf(ids),
          page.rows,
          request.locale,
          request.t,
        ),
        nextHref: page.next ? auditHref(filter, page.next) : undefined,
        newestHref: filter.before ? auditHref({ ...filter, before: undefined }) : undefined,
        filtered: Object.keys(values).length > 0,
        values,
        errors,
        people,
        actions: actionChoices(request.locale),
        check: undefined,
        checkpoint: checkpoint && JSON.stringify(checkpoint, null, 2),
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });

  // A signed checkpoint now (one is also written every hour): to copy somewhere the database's holders
  // cannot reach, so that `audit:verify --checkpoint` can later prove nothing before it was removed.
  app.post('/admin/audit/checkpoint', { config: { access } }, async (request, reply) => {
    const { checkpoint } = await writeCheckpoint(db, app.auditKeys, app.config.checkpointDir, app.clock());
    await appendAudit(db, {
      actorId: request.user!.id,
      action: 'audit.checkpoint',
      detail: { seq: checkpoint.seq },
      at: app.clock(),
    });
    return reply.redirect('/admin/audit#checkpoint', 303);
  });

  app.post('/admin/audit/verify', { config: { access } }, async (request, reply) => {
    const check = await verifyAuditChain(db, app.auditKeys);
    await appendAudit(db, {
      actorId: request.user!.id,
      action: 'audit.verified',
      detail: { ok: check.ok, rows: check.rows },
      at: app.clock(),
    });
    return reply.render('admin/audit', { lines: [], check });
  });
}
