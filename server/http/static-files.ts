// The app's own assets, read once at start-up. A fixed list rather than a directory walk: nothing is served
// that was not put here on purpose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

const staticDir = join(import.meta.dirname, '../../views/static');

export function staticFiles(app: FastifyInstance, files: readonly string[]): void {
  const served = new Map(files.map((name) => [name, readFileSync(join(staticDir, name))]));
  app.get<{ Params: { file: string } }>(
    '/static/:file',
    { config: { access: 'public' } },
    async (request, reply) => {
      const body = served.get(request.params.file);
      if (!body) return reply.callNotFound();
      const ext = request.params.file.split('.').pop() ?? '';
      return reply
        .type(types[ext] ?? 'application/octet-stream')
        .header('Cache-Control', 'public, max-age=3600')
        .send(body);
    },
  );
}
