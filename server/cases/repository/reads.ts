// Reading one whole case in one statement: its row, every part decrypted, each section's version, and what
// the rules read beside the case file (the reference data's reviews, the scans of its documents).
import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedPerDatabase } from '../../../db/prepared';
import { caseAssessments, caseAttachments, caseSectionVersions, cases } from '../../../db/schema';
import type { Assessment } from '../../../rules/assessment';
import type { EvaluateOptions } from '../../../rules/evaluate';
import { type DocumentScan, scansPerDocument } from '../../attachments/scans';
import { decryptField, type KeyRing } from '../../crypto/field-encryption';
import { latestReviewsColumn } from '../../reference-data/reviews';
import type { CaseParts, Section } from '../parts';
import { decodeParts } from './part-decoders';
import { ofCase, partRows, qualified } from './part-rows';

export type CaseRow = typeof cases.$inferSelect;
type SectionVersions = Record<Section, number>;

/** What the rules count beside the case file, as `evaluate` takes it. */
export type RuleInputs = Required<Pick<EvaluateOptions, 'reviews' | 'documentScans'>>;

export interface LoadedCase {
  row: CaseRow;
  parts: CaseParts;
  versions: SectionVersions;
  ruleInputs: RuleInputs;
}

const documentScans = sql<
  DocumentScan[]
>`(select coalesce(json_agg(json_build_object('documentId', ${qualified(caseAttachments.documentId)}, 'documentType', ${qualified(caseAttachments.documentType)})), '[]'::json) ${ofCase(caseAttachments)} and ${qualified(caseAttachments.documentId)} is not null)`;

// One statement: inside a save's transaction every round trip would wait for the one before. Prepared
// (postgres.js keeps it per connection by its text): planning its 18 subqueries cost 3 ms, more than running
// them, and the plan is the same for every case.
function caseQuery(db: Db | Tx) {
  return db
    .select({
      row: getTableColumns(cases),
      parts: partRows,
      versions: sql<SectionVersions>`(select coalesce(json_object_agg(${qualified(caseSectionVersions.section)}, ${qualified(caseSectionVersions.version)}), '{}'::json) ${ofCase(caseSectionVersions)})`,
      reviews: latestReviewsColumn,
      documentScans,
    })
    .from(cases)
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('load_case');
}
// A transaction builds its own: a query built on the database would run outside the transaction.
const caseOnDatabase = preparedPerDatabase(caseQuery);

export async function loadCase(db: Db | Tx, ring: KeyRing, caseId: string): Promise<LoadedCase | null> {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return null;
  const query = 'rollback' in db ? caseQuery(db) : caseOnDatabase(db);
  const [found] = await query.execute({ id: caseId });
  if (!found) return null;
  const parts = decodeParts(ring, caseId, found.parts);
  parts.person.pseudonym = found.row.pseudonym;
  const ruleInputs = {
    reviews: found.reviews,
    documentScans: scansPerDocument(found.documentScans, parts.documents ?? []),
  };
  return { row: found.row, parts, versions: found.versions, ruleInputs };
}

/** The assessment stored at the last save, as the tool gave it then. */
export async function latestStoredAssessment(
  db: Db,
  ring: KeyRing,
  caseId: string,
): Promise<{ evaluatedAt: Date; assessment: Assessment } | null> {
  const [row] = await db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, caseId))
    .orderBy(desc(caseAssessments.evaluatedAt))
    .limit(1);
  if (!row) return null;
  const json = decryptField(
    ring,
    { table: 'case_assessments', column: 'assessment', row: row.id },
    row.assessmentEnc,
  );
  return { evaluatedAt: row.evaluatedAt, assessment: JSON.parse(json) as Assessment };
}
