import type { FastifyInstance } from 'fastify';

// The case list: search, filters, sorting, pages. (Being built.)
export async function caseListRoutes(_app: FastifyInstance): Promise<void> {}
