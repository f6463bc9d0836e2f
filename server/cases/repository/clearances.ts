// The flags cleared on a case as stored (case_cleared_flags): which, by whom, when and why, the reason
// decrypted. The review record of a summary reads them beside the timeline's flag decisions.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { caseClearedFlags, users } from '../../../db/schema';
import { decryptField, type KeyRing } from '../../crypto/field-encryption';

export interface Clearance {
  flagId: string;
  by: string | null;
  at: Date;
  reason: string | undefined;
}

export async function readClearances(db: Db, ring: KeyRing, caseId: string): Promise<Clearance[]> {
  const rows = await db
    .select({ row: caseClearedFlags, by: users.displayName })
    .from(caseClearedFlags)
    .leftJoin(users, eq(users.id, caseClearedFlags.clearedBy))
    .where(eq(caseClearedFlags.caseId, caseId));
  return rows.map(({ row, by }) => ({
    flagId: row.flagId,
    by,
    at: row.clearedAt,
    reason: decryptField(
      ring,
      { table: 'case_cleared_flags', column: 'reason', row: `${caseId}:${row.flagId}` },
      row.reasonEnc,
    ),
  }));
}
