// The case-scoped routes (`/cases/:id/...`): one hook loads the case the URL names through the repository,
// answers 404 when this user may not see it (exactly as for a case that does not exist: its existence is
// itself information), and puts it on the request. Every page that shows the case is on the audit log
// through this one place: a GET in the scope must name its view (`config.caseView`), or the app refuses to
// start, and each one shown is recorded as `case.viewed` with that view (never what the page showed).
// A route joins by being registered inside `caseScoped(...)`: `app.register(caseScoped(myRoutes))`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadedCase } from '../cases/repository';
import { allows } from '../policy';

type Params = Record<string, string | undefined>;
/** The view recorded for a read: a name, or one built from the URL's parameters (`form:person`). */
type CaseView = string | ((params: Params) => string);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** In a case-scoped route: which view of the case a GET shows, for the audit log. */
    caseView?: CaseView;
    /** In a case-scoped route: may change a withdrawn case (only its restoring does). */
    whileWithdrawn?: boolean;
  }
  interface FastifyRequest {
    /** The case the URL names, loaded and visible to this user (case-scoped routes only). */
    loadedCase: LoadedCase | null;
  }
}

/** The case on a case-scoped request. */
export function caseOf(request: FastifyRequest): LoadedCase {
  if (!request.loadedCase) throw new Error(`${request.routeOptions.url} is not a case-scoped route`);
  return request.loadedCase;
}

const reads = new Set(['GET', 'HEAD']);

/** Wraps route plugins so that every route they register is case-scoped. */
export function caseScoped(...plugins: ((app: FastifyInstance) => Promise<void>)[]) {
  return async function caseScope(app: FastifyInstance): Promise<void> {
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/cases/:id/') && route.url !== '/cases/:id') {
        throw new Error(`${route.url} is registered as case-scoped but names no case`);
      }
      // Admins never see what a case holds (server/policy.ts): no case-scoped route may admit them.
      if (allows(route.config?.access ?? 'public', 'admin')) {
        throw new Error(`${route.url} is case-scoped and must not admit admins`);
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.some((m) => reads.has(m)) && !route.config?.caseView) {
        throw new Error(`${route.url} shows a case but names no view for the audit log (config.caseView)`);
      }
    });
    if (!app.hasRequestDecorator('loadedCase')) app.decorateRequest('loadedCase', null);
    // After the guard (a root preHandler): only a user the route admits gets this far.
    app.addHook('preHandler', async (request, reply) => {
      const { id } = request.params as { id: string };
      // The access policy already refuses admins; should one ever slip through, the case does not exist.
      if (request.user?.role === 'admin') return reply.callNotFound();
      const loaded = await app.cases.loadVisible(request.user!, id);
      if (!loaded) return reply.callNotFound();
      // A withdrawn case is kept as it was: it can be read, and restored, but not changed.
      if (loaded.row.status === 'withdrawn' && !reads.has(request.method)) {
        if (!request.routeOptions.config.whileWithdrawn) {
          const t = request.t;
          return reply.render(
            'error',
            { title: t('case.status.withdrawn'), message: t('case.withdrawn.readOnly') },
            409,
          );
        }
      }
      request.loadedCase = loaded;
    });
    // Recorded as the page goes out, so a not-found entry or a refused request is no read.
    app.addHook('onSend', async (request, reply, payload) => {
      const view = request.routeOptions.config.caseView;
      if (request.loadedCase && view && reads.has(request.method) && reply.statusCode < 300) {
        const name = typeof view === 'string' ? view : view(request.params as Params);
        await app.cases.recordRead(request.user!.id, request.loadedCase.row.id, name);
      }
      return payload;
    });
    for (const plugin of plugins) await app.register(plugin);
  };
}
