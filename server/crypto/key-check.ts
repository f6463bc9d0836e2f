// Key check values: for every encryption key version ever used, a known text encrypted with that version.
// The configured keys must open each one; checked at start-up (the app refuses to start) and by /healthz.
import type { Db } from '../../db/client';
import { auditChain, cases, keyChecks } from '../../db/schema';
import { auditKeyProblem } from '../audit/verify';
import type { Config } from '../config';
import { DecryptionError, decryptField, encryptField, type KeyRing } from './field-encryption';
import { KeyError, keyFile, loadKeyRing } from './keys';

const CHECK_TEXT = 'waypost key check';
const where = (version: number) => ({ table: 'key_checks', column: 'value', row: String(version) });

/** What is wrong with the configured keys for this database's data, or undefined when they open it all. */
export async function keyProblem(db: Db, ring: KeyRing): Promise<string | undefined> {
  const rows = await db.select().from(keyChecks);
  for (const row of rows) {
    if (!ring.keys.has(row.version)) {
      return `encryption key version ${row.version} is not configured, but data was written with it`;
    }
    try {
      if (decryptField(ring, where(row.version), row.value) !== CHECK_TEXT) throw new DecryptionError();
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      return `the configured encryption key version ${row.version} is not the key this data was written with`;
    }
  }
  return undefined;
}

/** True when nothing in the database was encrypted yet, so a new key may be generated for it. */
async function holdsNoEncryptedData(db: Db): Promise<boolean> {
  const [check] = await db.select({ version: keyChecks.version }).from(keyChecks).limit(1);
  const [held] = await db.select({ id: cases.id }).from(cases).limit(1);
  return !check && !held;
}

/** Records the check value of the current key version (once per version). */
async function recordKeyCheck(db: Db, ring: KeyRing): Promise<void> {
  const value = encryptField(ring, where(ring.current), CHECK_TEXT);
  await db.insert(keyChecks).values({ version: ring.current, value }).onConflictDoNothing();
}

/**
 * The key rings for this database, or a KeyError that says in one line why the app must not start: the
 * configured (or found) keys do not open what the database holds, or a key is missing for data written
 * with one. New keys are generated only for a database that holds nothing they would have to open.
 */
export async function openKeyRings(config: Config, db: Db, warn?: (message: string) => void) {
  const data = loadKeyRing(config, 'encryption', { mayGenerate: await holdsNoEncryptedData(db), warn });
  const dataProblem = await keyProblem(db, data);
  if (dataProblem) {
    throw new KeyError(
      `Waypost will not start: ${dataProblem}. Check WAYPOST_ENCRYPTION_KEY (or ${keyFile(config, 'encryption')}) and DATA_DIR.`,
    );
  }
  await recordKeyCheck(db, data);
  const [chained] = await db.select({ seq: auditChain.seq }).from(auditChain).limit(1);
  const audit = loadKeyRing(config, 'audit', { mayGenerate: !chained, warn });
  const auditProblem = await auditKeyProblem(db, audit);
  if (auditProblem) {
    throw new KeyError(
      `Waypost will not start: ${auditProblem} (a wrong key, or the newest audit entry was altered: run ` +
        `npm run -s audit:verify). Check WAYPOST_AUDIT_KEY (or ${keyFile(config, 'audit')}).`,
    );
  }
  return { data, audit };
}
