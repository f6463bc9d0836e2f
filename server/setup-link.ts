// First run: while no account exists, every start issues a fresh one-time link (valid one hour) that
// creates the first administrator. Issuing a new one voids the previous.
import type { FastifyInstance } from 'fastify';
import { issueLink, userCount } from './users';

/** The set-up URL, or null when accounts already exist. */
export async function setupLinkIfNeeded(app: FastifyInstance): Promise<string | null> {
  if ((await userCount(app.db)) > 0) return null;
  const token = await issueLink(app.db, 'setup', null, app.clock());
  return `${app.config.publicUrl}/setup/${token}`;
}
