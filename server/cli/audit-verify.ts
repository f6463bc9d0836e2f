// npm run -s audit:verify [-- --checkpoint FILE]
// Checks the audit log's keyed chain, link by link, and reports the newest entries not yet chained. With a
// checkpoint file kept outside the database (the admin's audit page shows the latest), it also proves the
// log was neither cut short nor rewritten before it. Exit 0 when intact, 1 when tampered, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../audit';
import { type Checkpoint, checkpointSchema } from '../audit/checkpoint';
import { KeyError, loadKeyRing } from '../crypto/keys';
import { configFromEnvironment, fail, openFromEnvironment } from './open';

const usage = 'usage: npm run -s audit:verify [-- --checkpoint FILE]';

let checkpoint: Checkpoint | undefined;
try {
  const { values } = parseArgs({ options: { checkpoint: { type: 'string' } } });
  if (values.checkpoint !== undefined) {
    const parsed = checkpointSchema.safeParse(JSON.parse(readFileSync(values.checkpoint, 'utf8')));
    if (!parsed.success)
      fail(`--checkpoint: ${values.checkpoint} is not a Waypost audit checkpoint\n${usage}`);
    checkpoint = parsed.data;
  }
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}

const config = configFromEnvironment();
let ring: ReturnType<typeof loadKeyRing>;
try {
  ring = loadKeyRing(config, 'audit', { mayGenerate: false });
} catch (error) {
  if (error instanceof KeyError) fail(error.message);
  throw error;
}
const database = await openFromEnvironment(config);
try {
  const check = await verifyAuditChain(database.db, ring, checkpoint);
  if (check.ok) {
    const against = checkpoint ? `, up to and including the checkpoint of ${checkpoint.at}` : '';
    const pending =
      check.pending > 0
        ? ` ${check.pending} newest entries are not chained yet (the app chains them within seconds).`
        : '';
    console.log(`Audit log intact: ${check.rows} chained entries, every MAC checks${against}.${pending}`);
  } else {
    const where = check.brokenAtId === null ? '' : ` at entry ${check.brokenAtId}`;
    console.error(`Audit log TAMPERED${where}: ${check.reason} (${check.rows} entries before it check).`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
