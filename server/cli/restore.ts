// npm run -s restore -- FILE
// Loads a backup written by `npm run -s backup` into the configured database, which must be new (empty):
// PGlite in a new DATA_DIR, or a new PostgreSQL database. Start the app with the keys the data was
// written with: it refuses to start with others.
import { existsSync } from 'node:fs';
import { RestoreError, readBackup } from './backup-format';
import { configFromEnvironment, fail, openFromEnvironment } from './open';

const usage = 'usage: npm run -s restore -- FILE';
const file = process.argv[2];
if (!file || process.argv.length > 3) fail(usage);
if (!existsSync(file)) fail(`${file} does not exist\n${usage}`);

const config = configFromEnvironment();
// The owner role when there is one: restoring sets the tables' sequences, which the app's role may not.
const database = await openFromEnvironment({
  ...config,
  databaseUrl: config.migrationUrl ?? config.databaseUrl,
});
try {
  const rows = await readBackup(database.db, file);
  const into = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Restored ${rows} rows from ${file} into ${into}.`);
  console.log('Start Waypost with the keys this data was written with; then run npm run -s audit:verify.');
} catch (error) {
  if (error instanceof RestoreError) fail(`Nothing restored: ${error.message}.`, 1);
  throw error;
} finally {
  await database.close();
}
