// Files are never rendered as part of a page: any response of these routes that names a file (Content-
// Disposition) gets a sandbox with nothing allowed, in place of the pages' policy, even if a browser sniffed.
import type { FastifyInstance } from 'fastify';

const FILE_CSP = "sandbox; default-src 'none'";

/** Registered in a route plugin: its hooks run after the app's, so this policy is the one sent. */
export function sandboxFileResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    if (reply.getHeader('Content-Disposition')) reply.header('Content-Security-Policy', FILE_CSP);
  });
}
