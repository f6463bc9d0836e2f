import type { FastifyInstance } from 'fastify';

// Case files in and out: import (upload or JSON) and export. (Being built.)
export async function caseTransferRoutes(_app: FastifyInstance): Promise<void> {}
