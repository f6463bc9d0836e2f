// Deny by default: every route must say who may use it, or the app refuses to start.
import type { FastifyInstance } from 'fastify';
import { type Role, roles } from '../db/schema';

/** `public`: anyone; `signed-in`: any signed-in user; a list: only those roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const anyRole = roles;
export const staff = ['supervisor', 'admin'] as const satisfies readonly Role[];
export const adminOnly = ['admin'] as const satisfies readonly Role[];

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
    for (const method of methods) registry.push({ method, url: route.url, access });
  });
}

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'signed-in' || access.includes(role);
}
