// Command-line tools open the same database the app would, from the same environment, with the same keys.
import { type Database, openDatabase } from '../../db/client';
import { type Config, ConfigError, databaseOptions, getConfig } from '../config';
import { openKeyRings } from '../crypto/key-check';
import { KeyError } from '../crypto/keys';

export function configFromEnvironment(): Config {
  try {
    return getConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

export async function openFromEnvironment(config = configFromEnvironment()): Promise<Database> {
  return openDatabase(databaseOptions(config));
}

/** The database and its keys (encryption and audit), or one line saying why not. */
export async function openWithKeys(config = configFromEnvironment()) {
  const database = await openFromEnvironment(config);
  try {
    return { database, config, keys: await openKeyRings(config, database.db) };
  } catch (error) {
    await database.close();
    if (error instanceof KeyError) fail(error.message);
    throw error;
  }
}

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
