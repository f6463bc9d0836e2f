// The case timeline (case_events): recording an event, with any words a person wrote encrypted, and
// reading the timeline back in order.
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedPerDatabase } from '../../../db/prepared';
import { type CaseEventKind, caseEvents, users } from '../../../db/schema';
import { decryptOptional, encryptOptional, type KeyRing } from '../../crypto/field-encryption';

export interface NewEvent {
  caseId: string;
  kind: CaseEventKind;
  actorId: string | null;
  at: Date;
  /** Ids and codes only (flag ids, statuses, pathways). */
  detail?: Record<string, unknown>;
  /** Words someone wrote: a reason, a question, an answer, a comment. Stored encrypted. */
  text?: string | undefined;
}

export async function recordEvent(tx: Db | Tx, ring: KeyRing, event: NewEvent): Promise<string> {
  const id = randomUUID();
  await tx.insert(caseEvents).values({
    id,
    caseId: event.caseId,
    kind: event.kind,
    actorId: event.actorId,
    at: event.at,
    detail: event.detail ?? {},
    textEnc: encryptOptional(ring, { table: 'case_events', column: 'text', row: id }, event.text),
  });
  return id;
}

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
  text: string | undefined;
}

function timelineQuery(db: Db | Tx) {
  return db
    .select({ event: caseEvents, actorName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseEvents.seq))
    .prepare('case_timeline');
}
// Read by every case page; a transaction builds its own (see loadCase).
const timelineOnDatabase = preparedPerDatabase(timelineQuery);

/** The whole timeline of a case, oldest first, decrypted. */
export async function readTimeline(db: Db | Tx, ring: KeyRing, caseId: string): Promise<CaseEvent[]> {
  const query = 'rollback' in db ? timelineQuery(db) : timelineOnDatabase(db);
  const rows = await query.execute({ caseId });
  return rows.map(({ event, actorName }) => decrypted(ring, event, actorName));
}

export function decrypted(
  ring: KeyRing,
  event: typeof caseEvents.$inferSelect,
  actorName: string | null,
): CaseEvent {
  return {
    id: event.id,
    kind: event.kind,
    at: event.at,
    actorId: event.actorId,
    actorName,
    detail: event.detail,
    text: decryptOptional(ring, { table: 'case_events', column: 'text', row: event.id }, event.textEnc),
  };
}
