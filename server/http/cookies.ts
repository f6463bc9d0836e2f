import type { FastifyReply } from 'fastify';
import { SESSION_IDLE_MS } from '../auth/sessions';
import type { Config } from '../config';

// `__Host-` cookies cannot be set by a subdomain or over plain http; local installs run on plain http.
export const cookieNames = (config: Config) => ({
  session: config.secureCookies ? '__Host-waypost_session' : 'waypost_session',
  csrf: config.secureCookies ? '__Host-waypost_csrf' : 'waypost_csrf',
  locale: 'waypost_lang',
});

const base = (config: Config) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.secureCookies,
});

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config).session, token, { ...base(config), maxAge: SESSION_IDLE_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, base(config));
}

export function setAnonymousCsrfCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config).csrf, token, base(config));
}

export function setLocaleCookie(reply: FastifyReply, config: Config, locale: string): void {
  reply.setCookie(cookieNames(config).locale, locale, { ...base(config), maxAge: 365 * 24 * 3600 });
}
