// Creating forms are sent at most once per form instance. A route marked `config.once` gets a one-time token
// in its form (views/partials/once.eta, issued as the page is rendered and bound to the session's form token
// by an HMAC, so nothing is stored until it is used). The first submission claims the token in the database
// (insert ... on conflict, atomic across processes) before the handler runs; the page it led to is recorded
// against the token. A second submission of the same form (double click, reload, back and send again, or two
// racing requests) creates nothing and is sent to that same page with a notice. A submission that fails
// (a field to correct, a refusal, an error) releases its token, so the corrected form can be sent.
// A request without a token (an API client, a form carried through a new sign-in) is processed as before.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formSubmissions } from '../../db/schema';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A creating form: each form instance is processed once (server/http/once.ts). */
    once?: boolean;
  }
  interface FastifyRequest {
    /** The form's one-time token, taken out of the body. */
    onceToken: string | null;
    /** The claimed token's hash while a once-only submission is being processed. */
    onceClaim: string | null;
    /** Where a once-only submission that answers with a page (not a redirect) sends a repeat of it. */
    onceResult: string | null;
  }
}

const ONCE_FIELD = '_once';
/** A recorded submission is kept this long: longer than any session, so a form cannot be sent twice. */
const KEPT_MS = 48 * 60 * 60 * 1000;
/** A claim this old with no result belongs to a request that died: the token may be claimed again. */
const ABANDONED_MS = 2 * 60 * 1000;
/** How long a racing second submission waits for the first one's result. */
const WAIT_STEPS = 100;
const WAIT_MS = 100;

const mac = (csrfToken: string, nonce: string) =>
  createHmac('sha256', csrfToken).update(`once:${nonce}`).digest().subarray(0, 16);

/** A fresh token for one form, bound to this session's form token. */
export function issueOnceToken(csrfToken: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(csrfToken, nonce).toString('base64url')}`;
}

function validToken(token: string, csrfToken: string): boolean {
  const [nonce, sig, extra] = token.split('.');
  if (!nonce || !sig || extra !== undefined || !csrfToken || nonce.length > 64) return false;
  const presented = Buffer.from(sig, 'base64url');
  const expected = mac(csrfToken, nonce);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** The path a repeated submission is sent to: the first one's result, saying it was already sent. */
function withResubmittedNotice(path: string): string {
  const hash = path.indexOf('#');
  const [base, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}resubmitted=1${fragment}`;
}

/** Names where a repeat of this once-only submission goes, when it answers with a page rather than a redirect. */
export function onceResult(request: FastifyRequest, path: string): void {
  request.onceResult = path;
}

export function submitOnce(app: FastifyInstance): void {
  app.decorateRequest('onceClaim', null);
  app.decorateRequest('onceResult', null);
  app.decorateRequest('onceToken', null);
  // After the guard (so a form carried through step-up keeps its token), before any handler: the field is
  // taken out of every form, so that a form's own schema never sees it.
  app.addHook('preHandler', async (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || !(ONCE_FIELD in body)) return;
    const token = body[ONCE_FIELD];
    delete body[ONCE_FIELD];
    if (typeof token === 'string') request.onceToken = token;
  });
  const db = app.db;

  /** Claims the token: true when this request now owns it; otherwise what the first submission left. */
  async function claim(key: string, userId: string | null) {
    const now = app.clock();
    const claimed = await db
      .insert(formSubmissions)
      .values({ tokenHash: key, userId, claimedAt: now, expiresAt: new Date(now.getTime() + KEPT_MS) })
      .onConflictDoUpdate({
        target: formSubmissions.tokenHash,
        set: { claimedAt: now },
        setWhere: and(
          isNull(formSubmissions.result),
          lt(formSubmissions.claimedAt, new Date(now.getTime() - ABANDONED_MS)),
        ),
      })
      .returning({ key: formSubmissions.tokenHash });
    if (claimed.length > 0) {
      await db.delete(formSubmissions).where(lt(formSubmissions.expiresAt, now));
      return { claimed: true as const };
    }
    const [row] = await db
      .select({ result: formSubmissions.result, userId: formSubmissions.userId })
      .from(formSubmissions)
      .where(eq(formSubmissions.tokenHash, key));
    return { claimed: false as const, row };
  }

  const alreadySent = (request: FastifyRequest, reply: FastifyReply) =>
    reply.render(
      'error',
      { title: request.t('once.pending.title'), message: request.t('once.pending.message') },
      409,
    );

  async function claimToken(request: FastifyRequest, reply: FastifyReply) {
    const token = request.onceToken;
    if (!token || !validToken(token, request.csrfToken)) return;
    const key = createHash('sha256').update(token).digest('hex');
    const userId = request.user?.id ?? null;
    for (let step = 0; step < WAIT_STEPS; step++) {
      const outcome = await claim(key, userId);
      if (outcome.claimed) {
        request.onceClaim = key;
        return;
      }
      // Gone: the first submission failed and released it; claim it now.
      if (!outcome.row) continue;
      if (outcome.row.userId !== userId) return alreadySent(request, reply);
      if (outcome.row.result) return reply.redirect(withResubmittedNotice(outcome.row.result), 303);
      await sleep(WAIT_MS); // the first submission is still being processed
    }
    return alreadySent(request, reply);
  }

  // Recorded before the answer goes out, so that a repeat sent after it finds the result.
  async function recordOutcome(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const key = request.onceClaim;
    if (!key) return payload;
    request.onceClaim = null;
    const location = reply.getHeader('location');
    const result =
      reply.statusCode < 400 ? (typeof location === 'string' ? location : request.onceResult) : null;
    try {
      if (result) {
        await db.update(formSubmissions).set({ result }).where(eq(formSubmissions.tokenHash, key));
      } else {
        await db
          .delete(formSubmissions)
          .where(and(eq(formSubmissions.tokenHash, key), isNull(formSubmissions.result)));
      }
    } catch (error) {
      // The database went away: the claim is abandoned and may be taken again after ABANDONED_MS.
      request.log.warn({ err: error }, 'form submission outcome not recorded');
    }
    return payload;
  }

  app.addHook('onRoute', (route) => {
    if (!route.config?.once) return;
    // Route-level hooks run after the app's: the guard and the case scope have admitted the request.
    route.preHandler = [...toList(route.preHandler), claimToken];
    route.onSend = [...toList(route.onSend), recordOutcome];
  });
}

const toList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
