// Scans attached to document entries, as the rules count them (rules/facts.ts: a scan is at least a copy).
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { caseAttachments } from '../../db/schema';

/**
 * Scans per document entry (index to count) for the rules: a scan counts only while the entry at its place
 * still has the type it was attached to.
 */
export async function documentScans(
  db: Db | Tx,
  caseId: string,
  documents: readonly { type: string }[],
): Promise<Map<number, number>> {
  const rows = await db
    .select({ position: caseAttachments.documentPosition, type: caseAttachments.documentType, n: count() })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), isNotNull(caseAttachments.documentPosition)))
    .groupBy(caseAttachments.documentPosition, caseAttachments.documentType);
  const scans = new Map<number, number>();
  for (const { position, type, n } of rows) {
    if (position !== null && documents[position]?.type === type) scans.set(position, n);
  }
  return scans;
}
