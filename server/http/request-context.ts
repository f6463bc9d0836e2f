// Every request learns, before anything else, who is asking (from the session cookie) and in which
// language to answer.
import type { FastifyInstance } from 'fastify';
import { type Locale, locales } from '../../db/schema';
import { checkSession, type EndedSession, type SessionUser, type ValidSession } from '../auth/sessions';
import { randomToken } from '../auth/tokens';
import type { Config } from '../config';
import { localeFromHeader, type Translate, translator } from '../i18n';
import { clearSessionCookie, cookieNames, setAnonymousCsrfCookie, setSessionCookie } from './cookies';
import { unavailableCode } from './outage';

declare module 'fastify' {
  interface FastifyRequest {
    session: ValidSession | null;
    user: SessionUser | null;
    locale: Locale;
    t: Translate;
    /** The token forms must carry: the session's, or the anonymous double-submit cookie's. */
    csrfToken: string;
    /** The session the cookie named when it had just expired: proves a carried form was the user's own. */
    endedSession: EndedSession | null;
  }
}

export function requestContext(app: FastifyInstance, config: Config): void {
  const names = cookieNames(config);
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('t', translator('en'));
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('endedSession', null);

  app.addHook('onRequest', async (request, reply) => {
    // Language first, so that even a failure below is explained in the user's language.
    const chosen = request.cookies[names.locale];
    request.locale = locales.includes(chosen as Locale)
      ? (chosen as Locale)
      : localeFromHeader(request.headers['accept-language']);
    request.t = translator(request.locale);

    const token = request.cookies[names.session];
    if (token) {
      const check = await checkSession(app.db, token, app.clock()).catch((error: unknown) => {
        // The database is down: answer that once the form is read, so the page can keep it (outage.ts).
        if (!unavailableCode(error)) throw error;
        request.outage = error as Error;
        return undefined;
      });
      const session = check && 'valid' in check ? check.valid : null;
      request.endedSession = check && 'ended' in check ? check.ended : null;
      if (session) {
        request.session = session;
        request.user = session.user;
        setSessionCookie(reply, config, token); // sliding idle expiry in the browser too
        request.locale = session.user.locale;
        request.t = translator(request.locale);
      } else if (!request.outage) {
        clearSessionCookie(reply, config);
      }
    }
    if (request.session) {
      request.csrfToken = request.session.csrfToken;
    } else {
      const existing = request.cookies[names.csrf];
      request.csrfToken = existing && /^[a-z2-7]{20,64}$/.test(existing) ? existing : randomToken();
      if (request.csrfToken !== existing) setAnonymousCsrfCookie(reply, config, request.csrfToken);
    }
  });
}
