// Who may see a case: its assigned caseworker, and every supervisor and admin. A case someone may not see
// answers 404, as if it did not exist: its existence is itself information.
import { eq, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { SessionUser } from '../auth/sessions';

export function canSeeCase(
  user: Pick<SessionUser, 'id' | 'role'>,
  row: { assignedTo: string | null },
): boolean {
  return user.role !== 'caseworker' || row.assignedTo === user.id;
}

/** The SQL condition limiting a query to the cases this user may see (undefined: all of them). */
export function visibleCases(user: Pick<SessionUser, 'id' | 'role'>): SQL | undefined {
  return user.role === 'caseworker' ? eq(cases.assignedTo, user.id) : undefined;
}

/** Withdrawn cases (created by mistake) are in no list; a supervisor finds them by the list's status filter. */
export const listsWithdrawn = (user: Pick<SessionUser, 'role'>): boolean => user.role === 'supervisor';
