// Step-up: exports, referral approvals and admin actions on users need a second-factor check (or, for an
// account without one, the password) within the last few minutes (STEP_UP_MINUTES). A route asks for it with
// one line in its config: `stepUp: true`, or `stepUp: { param, values }` when only some values of a route
// parameter need it. A GET is sent to the step-up page and back; a form is carried through it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { factorsOf, hasSecondFactor } from '../auth/second-factor';
import type { ValidSession } from '../auth/sessions';
import type { CarriedFields } from './carry';

type StepUpRule = true | { param: string; values: readonly string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Needs a fresh second-factor check (server/http/step-up.ts). */
    stepUp?: StepUpRule;
  }
}

const params = z.record(z.string(), z.string());

function ruleApplies(rule: StepUpRule | undefined, request: FastifyRequest): boolean {
  if (!rule) return false;
  if (rule === true) return true;
  const values = params.safeParse(request.params);
  return values.success && rule.values.includes(values.data[rule.param] ?? '');
}

function stepUpFresh(session: ValidSession, now: Date, stepUpMs: number): boolean {
  return session.stepUpAt !== null && now.getTime() - session.stepUpAt.getTime() < stepUpMs;
}

export function stepUpDue(app: FastifyInstance, request: FastifyRequest): boolean {
  const session = request.session;
  if (!session || !ruleApplies(request.routeOptions.config?.stepUp, request)) return false;
  return !stepUpFresh(session, app.clock(), app.config.stepUpMs);
}

export interface StepUpPage {
  next: string;
  /** The carried form, as JSON name/value pairs; empty for a page that was asked for. */
  carried: string;
  error?: string;
}

export async function renderStepUp(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  page: StepUpPage,
  status?: number,
): Promise<FastifyReply> {
  const factors = await factorsOf(app.db, request.user!.id);
  return reply.render(
    'two-factor/step-up',
    {
      ...page,
      factors,
      passwordOnly: !hasSecondFactor(factors),
      formScript: false,
      passkeyScript: factors.passkeys > 0,
    },
    status,
  );
}

export function askForStepUp(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  fields: CarriedFields,
): Promise<FastifyReply> | FastifyReply {
  if (request.method === 'GET' || request.method === 'HEAD') {
    return reply.redirect(`/step-up?next=${encodeURIComponent(request.url)}`, 303);
  }
  return renderStepUp(app, request, reply, { next: request.url, carried: JSON.stringify(fields) }, 401);
}
