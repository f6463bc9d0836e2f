/** Facts several rules read, derived once per evaluation. */
import type { CaseFile, Document, DocumentType } from './case-schema';
import { matchImplicatedUnits, type UnitMatch } from './unit-match';

export type Period = { index: number; from: string; to: string };

export type Facts = {
  /** Types of the documents seen as original or copy, or with a scan attached (a scan is a copy). */
  seenTypes: ReadonlySet<DocumentType>;
  /** The first valid, unexpired international passport or travel document, if any. */
  travelDocument: { index: number; document: Document } | undefined;
  unitMatches: UnitMatch[];
  /** Deployments as closed periods; an ongoing deployment lasts until today. */
  periods: Period[];
};

/** "Seen" means the caseworker held the original or a copy; `none` is a document only described. */
export const isSeen = (document: Document): boolean => document.seen !== 'none';

/**
 * A document counts as a passport for travel when its validity is `valid` and, if an expiry date is given,
 * it has not passed (a passport expiring today is still valid today). It need not have been seen: the
 * passport decides which routes are open, not whether the story is verified.
 */
function isValidTravelDocument(document: Document, today: string): boolean {
  return (
    (document.type === 'international_passport' || document.type === 'travel_document') &&
    document.validity === 'valid' &&
    (document.expiresOn === undefined || document.expiresOn >= today)
  );
}

/** Scans attached to the case's documents: document index to number of scans (not part of the case file). */
export type DocumentScans = ReadonlyMap<number, number>;

export function deriveFacts(caseFile: CaseFile, today: string, scans: DocumentScans = new Map()): Facts {
  const seenTypes = new Set<DocumentType>();
  let travelDocument: Facts['travelDocument'];
  for (let index = 0; index < caseFile.documents.length; index++) {
    const document = caseFile.documents[index]!;
    if (isSeen(document) || (scans.get(index) ?? 0) > 0) seenTypes.add(document.type);
    if (!travelDocument && isValidTravelDocument(document, today)) travelDocument = { index, document };
  }
  const periods = caseFile.deployments.map((d, index) => ({
    index,
    from: d.from,
    // `to` is optional only for ongoing deployments; an ongoing one reaches today whatever `to` says.
    to: d.endedBy === 'ongoing' || d.to === undefined ? today : d.to,
  }));
  return { seenTypes, travelDocument, unitMatches: matchImplicatedUnits(caseFile.service), periods };
}
