import type { FastifyInstance } from 'fastify';
import { labels } from '../../rules/labels';
import { flagTitle } from '../../rules/titles';
import { keyProblem } from '../crypto/key-check';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = request.user!;
    const l = labels[request.locale];
    const actionLabel = (a: string | null) => (a ? l.actions[a as keyof typeof l.actions] : '—');
    const riskLabel = (r: string | null) => (r ? l.riskLevels[r as keyof typeof l.riskLevels] : '—');
    if (user.role === 'caseworker') {
      const { cases, requests } = await app.cases.caseworkerHome(user.id);
      return reply.render('home', {
        title: request.t('home.title'),
        cases: cases.map((c) => ({
          ...c,
          actionLabel: actionLabel(c.action),
          riskLabel: riskLabel(c.riskLevel),
        })),
        requests,
      });
    }
    const { counts, queue } = await app.cases.supervisorHome(user.id);
    return reply.render('home', {
      title: request.t('home.title'),
      counts,
      queue: queue.map((c) => ({
        ...c,
        riskLabel: riskLabel(c.riskLevel),
        flagTitles: c.queueFlags.map((id) => flagTitle(id, request.locale)),
      })),
    });
  });

  // For load balancers and the Dockerfile's HEALTHCHECK: 200 only when the database answers and the
  // configured keys open what it holds (server/crypto/key-check.ts).
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const up = await app.database.ping();
    if (!up) return reply.code(503).send({ status: 'database unavailable' });
    const keyWrong = await keyProblem(app.db, app.keyRing).catch(() => 'database unavailable');
    if (keyWrong) return reply.code(503).send({ status: 'encryption key cannot open the data' });
    return reply.code(200).send({ status: 'ok' });
  });
}
