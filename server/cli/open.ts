// Command-line tools open the same database the app would, from the same environment.
import { type Database, openDatabase } from '../../db/client';
import { ConfigError, getConfig } from '../config';

export async function openFromEnvironment(): Promise<Database> {
  try {
    const config = getConfig(process.env);
    return await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
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
