import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

// Nothing inline, nothing from elsewhere: every script, style, font and image is served by the app.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (config.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000');
    // Only the app's own static files may be cached; every page may hold case data.
    if (!request.routeOptions?.url?.startsWith('/static/')) reply.header('Cache-Control', 'no-store');
  });
}
