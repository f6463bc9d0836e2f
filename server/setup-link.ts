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

/**
 * The link as a framed block, so that a person sees it at once among the JSON log lines around it. ASCII only
 * (every console draws it), and the link on a line of its own, never wrapped, so it can be copied whole.
 */
export function setupBanner(link: string): string {
  const lines = [
    'FIRST RUN: no account exists yet.',
    'Open this one-time link within an hour to create the first administrator:',
    '',
    link,
    '',
    'Until an account exists, every start prints a fresh link and voids the one before.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const edge = `+${'='.repeat(width + 4)}+`;
  const body = lines.map((l) => `|  ${l.padEnd(width)}  |`);
  return ['', edge, ...body, edge, ''].join('\n');
}
