// Who a case may be assigned to: active caseworkers, by name. One definition for the case page's
// reassignment choice and for the routes that check the choice.
import { and, eq, isNull } from 'drizzle-orm';
import { preparedPerDatabase } from '../../db/prepared';
import { users } from '../../db/schema';

export const activeCaseworkers = preparedPerDatabase((db) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'caseworker'), isNull(users.disabledAt)))
    .orderBy(users.displayName)
    .prepare('active_caseworkers'),
);
