// npm run -s audit:verify: recomputes the audit log's hash chain. Exit 0 when intact, 1 when tampered.
import { verifyAuditChain } from '../audit';
import { openFromEnvironment } from './open';

const database = await openFromEnvironment();
try {
  const check = await verifyAuditChain(database.db);
  if (check.ok) {
    console.log(`Audit log intact: ${check.rows} entries, every hash checks.`);
  } else {
    console.error(
      `Audit log TAMPERED at entry ${check.brokenAtId}: ${check.reason} (${check.rows} entries before it check).`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
