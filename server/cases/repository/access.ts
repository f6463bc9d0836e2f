// Who may see a case: its assigned caseworker, and every supervisor. Never an admin (least privilege:
// server/policy.ts). A case someone may not see answers 404, as if it did not exist: its existence is itself
// information.
import { eq, type SQL, sql } from 'drizzle-orm';
import { cases } from '../../../db/schema';
import type { SessionUser } from '../../auth/sessions';

export function canSeeCase(
  user: Pick<SessionUser, 'id' | 'role'>,
  row: { assignedTo: string | null },
): boolean {
  return user.role === 'supervisor' || (user.role === 'caseworker' && row.assignedTo === user.id);
}

/** The SQL condition limiting a query to the cases this user may see (undefined: all of them). */
export function visibleCases(user: Pick<SessionUser, 'id' | 'role'>): SQL | undefined {
  if (user.role === 'supervisor') return undefined;
  return user.role === 'caseworker' ? eq(cases.assignedTo, user.id) : sql`false`;
}

/** Withdrawn cases (created by mistake) are in no list; a supervisor finds them by the list's status filter. */
export const listsWithdrawn = (user: Pick<SessionUser, 'role'>): boolean => user.role === 'supervisor';
