// Starts Waypost: reads the environment, builds the app, listens, and closes cleanly on SIGTERM/SIGINT.
// On a database with no users it prints a one-time set-up link for the first admin.
import { buildApp } from './app';
import { ConfigError, getConfig } from './config';
import { setupBanner, setupLinkIfNeeded } from './setup-link';

async function main(): Promise<void> {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await buildApp({ config });
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Waypost is running at ${config.publicUrl} using ${where}.`);

  const setupLink = await setupLinkIfNeeded(app);
  if (setupLink) {
    // Printed, never logged: the link creates the first administrator.
    console.log(setupBanner(setupLink));
  }
}

main().catch((error) => {
  console.error(
    'Waypost could not start:',
    error instanceof Error ? error.message.split('\nparams:')[0] : error,
  );
  process.exit(1);
});
