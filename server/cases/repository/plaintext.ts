// Values of the case format stored in plaintext by an older version, encrypted at start-up: SQL cannot do it
// in a migration, since the key is the app's alone. Migration 0021 made room (case_applications.type_enc);
// this moves each plaintext type into it and empties the old column, row by row, so an interrupted start-up
// leaves every value readable (either plaintext or encrypted, never neither) and the next one finishes.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { caseApplications } from '../../../db/schema';
import { encryptField, type KeyRing } from '../../crypto/field-encryption';

/** Encrypts what is left in plaintext; returns how many values it encrypted. */
export async function encryptLegacyPlaintext(db: Db, ring: KeyRing): Promise<number> {
  const rows = await db
    .select({ id: caseApplications.id, type: caseApplications.legacyType })
    .from(caseApplications)
    .where(isNotNull(caseApplications.legacyType));
  for (const row of rows) {
    if (row.type === null) continue;
    await db
      .update(caseApplications)
      .set({
        typeEnc: encryptField(ring, { table: 'case_applications', column: 'type', row: row.id }, row.type),
        legacyType: null,
      })
      .where(and(eq(caseApplications.id, row.id), isNotNull(caseApplications.legacyType)));
  }
  return rows.length;
}
