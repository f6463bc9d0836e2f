// Deny by default: every route must say who may use it, or the app refuses to start.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../db/schema';

/** `public`: anyone; `signed-in`: any signed-in user; a list: only those roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * Who may read or change what a case holds. Never admins: least privilege. An account holds one role, so a
 * person who administers the system and must also review cases gets a second, supervisor account (its own
 * email and password); what they do as each is audited apart.
 */
export const caseRoles = ['caseworker', 'supervisor'] as const satisfies readonly Role[];
/** Who decides on cases: the review queue, assignment and a case's history. */
export const reviewers = ['supervisor'] as const satisfies readonly Role[];
export const adminOnly = ['admin'] as const satisfies readonly Role[];

/** Paths that show or change case contents: a route here must not admit admins. */
const caseDataPaths = /^\/(cases|review|summaries|units)(\/|\.|$)/;

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

/** Fails registration of any route without a policy; records the others for the authorization tests. */
export function requireRoutePolicies(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access policy`);
    if (caseDataPaths.test(route.url) && allows(access, 'admin'))
      throw new Error(`Route ${methods.join(',')} ${route.url} serves case data and must not admit admins`);
    for (const method of methods) registry.push({ method, url: route.url, access });
  });
}

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signed-in' || access.includes(role);
}
