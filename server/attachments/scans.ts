// Scans attached to document entries, as the rules count them (rules/facts.ts: a scan is at least a copy).
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { caseAttachments } from '../../db/schema';

export interface DocumentEntry {
  id: string;
  type: string;
}

/**
 * The place of the document entry a scan belongs to: the entry it was attached to, named by id, while that
 * entry keeps the type it had then; null for the case as a whole (or an entry removed or changed since).
 */
export function scanPlace(
  scan: { documentId: string | null; documentType: string | null },
  documents: readonly DocumentEntry[],
): number | null {
  const at = documents.findIndex((d) => d.id === scan.documentId && d.type === scan.documentType);
  return at < 0 ? null : at;
}

/** Scans per document entry (its place in the list to count) for the rules. */
export async function documentScans(
  db: Db | Tx,
  caseId: string,
  documents: readonly DocumentEntry[],
): Promise<Map<number, number>> {
  const rows = await db
    .select({
      documentId: caseAttachments.documentId,
      documentType: caseAttachments.documentType,
      n: count(),
    })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), isNotNull(caseAttachments.documentId)))
    .groupBy(caseAttachments.documentId, caseAttachments.documentType);
  const scans = new Map<number, number>();
  for (const row of rows) {
    const at = scanPlace(row, documents);
    if (at !== null) scans.set(at, row.n);
  }
  return scans;
}
