// npm run -s backup -- FILE
// Writes the whole database (PGlite or PostgreSQL, the configured one) to FILE: gzip-compressed JSON lines,
// readable by `npm run -s restore` into either kind. The keys are never in it: back them up apart.
import { existsSync } from 'node:fs';
import { writeBackup } from './backup-format';
import { configFromEnvironment, fail, openFromEnvironment } from './open';

const usage = 'usage: npm run -s backup -- FILE';
const file = process.argv[2];
if (!file || process.argv.length > 3) fail(usage);
if (existsSync(file)) fail(`${file} exists already: choose a new file name (a backup never overwrites)`);

const config = configFromEnvironment();
// The owner role when there is one: the app's restricted role may not read the migrations' record.
const database = await openFromEnvironment({
  ...config,
  databaseUrl: config.migrationUrl ?? config.databaseUrl,
});
try {
  const rows = await writeBackup(database.db, file);
  const from = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Backed up ${rows} rows from ${from} to ${file} (readable by its owner only).`);
  console.log(
    `The keys are NOT in it. Back up WAYPOST_ENCRYPTION_KEY and WAYPOST_AUDIT_KEY (or the folder ${config.keyDir}) ` +
      'apart from this file: the data cannot be read without them, and whoever holds both can read it all.',
  );
} finally {
  await database.close();
}
