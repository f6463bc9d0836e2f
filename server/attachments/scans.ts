// Scans attached to document entries, as the rules count them (rules/facts.ts: a scan is at least a copy).

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

/** A scan attached to a document entry: the entry's id and its type when the scan was attached. */
export interface DocumentScan {
  documentId: string;
  documentType: string | null;
}

/** Scans per document entry (its place in the list) for the rules, from the case's scans of documents. */
export function scansPerDocument(
  scans: readonly DocumentScan[],
  documents: readonly DocumentEntry[],
): Map<number, number> {
  const perDocument = new Map<number, number>();
  for (const scan of scans) {
    const at = scanPlace(scan, documents);
    if (at !== null) perDocument.set(at, (perDocument.get(at) ?? 0) + 1);
  }
  return perDocument;
}
