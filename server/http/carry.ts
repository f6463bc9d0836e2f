// A form that was submitted when it could not be acted on (the session had expired, or a fresh second-factor
// check was due) is carried through sign-in or step-up instead of being lost. A carried form is sent on its
// own only when it is proved to come from the user's own page: it bore the form token of a session of the same
// user. The proof is an HMAC under a key that lives only in this process, so a proof from before a restart is
// simply not accepted (the user is then asked to confirm instead). Anything unproved is shown to the user, who
// decides whether to send it (server/routes/auth.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { cookieNames } from './cookies';

const proofKey = randomBytes(32);

export type CarriedFields = [string, string][];

const mac = (userId: string, path: string, carried: string) =>
  createHmac('sha256', proofKey)
    .update(JSON.stringify([userId, path, carried]))
    .digest();

export const carryProof = (userId: string, path: string, carried: string): string =>
  mac(userId, path, carried).toString('base64url');

export function carryProved(
  proof: string | undefined,
  userId: string,
  path: string,
  carried: string,
): boolean {
  if (!proof) return false;
  const presented = Buffer.from(proof, 'base64url');
  const expected = mac(userId, path, carried);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

const fieldsSchema = z.array(z.tuple([z.string(), z.string()])).max(2000);

export function parseCarried(text: string): CarriedFields | null {
  try {
    const parsed = fieldsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.filter(([name]) => name !== '_csrf') : null;
  } catch {
    return null;
  }
}

/**
 * Sends the carried form to its route as the (now signed-in or stepped-up) user, with the session's own form
 * token, and answers with what the route answered. The route's own rules still apply.
 */
export async function resubmit(
  app: FastifyInstance,
  reply: FastifyReply,
  session: { token: string; csrfToken: string },
  path: string,
  fields: CarriedFields,
): Promise<FastifyReply> {
  const body = new URLSearchParams(fields);
  body.append('_csrf', session.csrfToken);
  const response = await app.inject({
    method: 'POST',
    url: path,
    headers: {
      cookie: `${cookieNames(app.config).session}=${session.token}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: body.toString(),
  });
  reply.code(response.statusCode);
  for (const name of ['location', 'content-type', 'content-disposition'] as const) {
    const value = response.headers[name];
    if (typeof value === 'string') reply.header(name, value);
  }
  return reply.send(response.rawPayload);
}
