// Where the keys come from: the environment (required in production), or, for a local install, a key file
// in the user's config folder (config.keyDir, e.g. ~/.config/waypost), apart from the database, so one copy
// of the data folder never holds both. A key is generated only for a database that holds nothing written
// with one: otherwise a missing key file (a wrong DATA_DIR or HOME) stops the app instead of silently
// starting over with a new key.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { type KeyRing, newKey, parseKeyRing } from './field-encryption';

export type KeyPurpose = 'encryption' | 'audit';

const settings: Record<KeyPurpose, { variable: string; what: string }> = {
  encryption: { variable: 'WAYPOST_ENCRYPTION_KEY', what: 'Case data cannot be read without it' },
  audit: { variable: 'WAYPOST_AUDIT_KEY', what: 'The audit log cannot be verified without it' },
};

/** A key problem that must stop the app, in one line that says what to do. */
export class KeyError extends Error {}

export const keyFile = (config: Config, purpose: KeyPurpose) => join(config.keyDir, `${purpose}.key`);

export interface LoadKeyOptions {
  /** False when the database already holds data written with a key: a lost key is then an error. */
  mayGenerate?: boolean;
  warn?: (message: string) => void;
}

export function loadKeyRing(config: Config, purpose: KeyPurpose, options: LoadKeyOptions = {}): KeyRing {
  const { mayGenerate = true, warn = console.warn } = options;
  const { variable, what } = settings[purpose];
  const configured = purpose === 'encryption' ? config.encryptionKey : config.auditKey;
  if (configured) return parseKeyRing(configured);
  const file = keyFile(config, purpose);
  const legacy = join(config.dataDir, `${purpose}.key`);
  if (existsSync(legacy)) return moveLegacyKey(legacy, file, warn);
  if (!existsSync(file)) {
    if (!mayGenerate) {
      throw new KeyError(
        `No ${purpose} key: ${variable} is not set and ${file} does not exist, but this database holds data ` +
          `written with one. Restore the key file from your key backup (or set ${variable}); check DATA_DIR and HOME.`,
      );
    }
    writeKeyFile(file, newKey());
    warn(
      `WARNING: generated a new ${purpose} key in ${file}. ${what}: back it up somewhere safe, apart from ` +
        `the database and its backups. For a server, set ${variable} instead.`,
    );
  }
  chmodSync(file, 0o600);
  return parseKeyRing(readFileSync(file, 'utf8').trim());
}

/** Earlier versions kept the key beside the database: move it to the config folder, once, saying so. */
function moveLegacyKey(legacy: string, file: string, warn: (message: string) => void): KeyRing {
  const value = readFileSync(legacy, 'utf8').trim();
  if (existsSync(file) && readFileSync(file, 'utf8').trim() !== value) {
    warn(
      `WARNING: using the key in ${legacy} (inside the data folder): ${file} holds another key, so it was ` +
        'not moved. Move it out of the data folder and set WAYPOST_KEY_DIR to where it is.',
    );
    return parseKeyRing(value);
  }
  if (!existsSync(file)) writeKeyFile(file, value);
  rmSync(legacy);
  warn(
    `Moved the key from ${legacy} to ${file}, out of the data folder: back it up there, apart from the data.`,
  );
  return parseKeyRing(value);
}

function writeKeyFile(file: string, value: string): void {
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
}
