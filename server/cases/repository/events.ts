// The case timeline (case_events): recording an event, with any words a person wrote encrypted, and
// reading the timeline back in order.
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedPerDatabase } from '../../../db/prepared';
import { type CaseEventKind, caseAssessments, caseEvents, cases, users } from '../../../db/schema';
import { decryptOptional, encryptOptional, type KeyRing } from '../../crypto/field-encryption';
import { fromJson, qualified } from './part-rows';

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

function decrypted(
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

const eventFromJson = fromJson(caseEvents);
type TimelineJson = { event: Record<string, unknown>; actorName: string | null }[];

// What the case page shows beside the case, in one round trip instead of three: who holds it, when its
// assessment was last stored, and its timeline (each event with its actor's name), oldest first.
const casePageQuery = preparedPerDatabase((db) =>
  db
    .select({
      assigneeName: sql<
        string | null
      >`(select ${qualified(users.displayName)} from ${users} where ${qualified(users.id)} = ${qualified(cases.assignedTo)})`,
      lastAssessedAt:
        sql`(select max(${qualified(caseAssessments.evaluatedAt)}) from ${caseAssessments} where ${qualified(caseAssessments.caseId)} = ${qualified(cases.id)})`.mapWith(
          caseAssessments.evaluatedAt,
        ),
      timeline: sql<TimelineJson>`(select coalesce(json_agg(json_build_object('event', row_to_json(${caseEvents}), 'actorName', ${qualified(users.displayName)}) order by ${qualified(caseEvents.seq)}), '[]'::json) from ${caseEvents} left join ${users} on ${qualified(users.id)} = ${qualified(caseEvents.actorId)} where ${qualified(caseEvents.caseId)} = ${qualified(cases.id)})`,
    })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('case_page_reads'),
);

export interface CasePageReads {
  assigneeName: string | null;
  /** When the assessment was last stored (at a save); null before the first. */
  lastAssessedAt: Date | null;
  timeline: CaseEvent[];
}

/** The assignee's name, the last stored assessment's time and the decrypted timeline, in one statement. */
export async function readCasePage(db: Db, ring: KeyRing, caseId: string): Promise<CasePageReads> {
  const [found] = await casePageQuery(db).execute({ caseId });
  if (!found) return { assigneeName: null, lastAssessedAt: null, timeline: [] };
  return {
    assigneeName: found.assigneeName,
    lastAssessedAt: found.lastAssessedAt,
    timeline: found.timeline.map(({ event, actorName }) => decrypted(ring, eventFromJson(event), actorName)),
  };
}
