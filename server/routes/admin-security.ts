// Administration of sign-in security: whether each role must have a second factor, and resetting a user's
// second factors (for a lost phone or key). Both need a fresh step-up, like every admin action on users.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roles } from '../../db/schema';
import { appendAudit } from '../audit';
import { resetSecondFactors, secondFactorPolicyOf, setSecondFactorPolicy } from '../auth/second-factor';
import { readForm } from '../http/forms';
import { adminOnly } from '../policy';
import { findUser } from '../users';

const choice = z.enum(['required', 'optional'], 'form.choose');
const policyForm = z.strictObject({ caseworker: choice, supervisor: choice, admin: choice });

export async function adminSecurityRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app;
  const access = adminOnly;

  app.get<{ Querystring: { notice?: string } }>(
    '/admin/security',
    { config: { access } },
    async (request, reply) =>
      reply.render('admin/security', {
        policy: await secondFactorPolicyOf(db, config),
        defaultRequired: config.secondFactorRequiredByDefault,
        stepUpMinutes: config.stepUpMs / 60_000,
        saved: request.query.notice === 'saved',
        errors: {},
      }),
  );

  app.post('/admin/security', { config: { access, stepUp: true } }, async (request, reply) => {
    const form = readForm(policyForm, request.body);
    const before = await secondFactorPolicyOf(db, config);
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, request.t(v)]));
      return reply.render(
        'admin/security',
        {
          policy: before,
          defaultRequired: config.secondFactorRequiredByDefault,
          stepUpMinutes: config.stepUpMs / 60_000,
          errors,
        },
        400,
      );
    }
    const now = app.clock();
    await db.transaction(async (tx) => {
      for (const role of roles) {
        const required = form.data[role] === 'required';
        if (required === before[role]) continue;
        await setSecondFactorPolicy(tx, role, required, request.user!.id, now);
        await appendAudit(tx, {
          actorId: request.user!.id,
          action: 'security.second_factor_policy',
          detail: { role, required },
          at: now,
        });
      }
    });
    return reply.redirect('/admin/security?notice=saved', 303);
  });

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/second-factor/reset',
    { config: { access, stepUp: true } },
    async (request, reply) => {
      const user = await findUser(db, request.params.id);
      if (!user) return reply.callNotFound();
      const now = app.clock();
      await db.transaction(async (tx) => {
        await resetSecondFactors(tx, user.id, now);
        await appendAudit(tx, {
          actorId: request.user!.id,
          action: 'user.second_factor_reset',
          targetType: 'user',
          targetId: user.id,
          at: now,
        });
      });
      return reply.redirect(`/admin/users/${user.id}?notice=second_factor_reset`, 303);
    },
  );
}
