// Where the field-encryption keys come from: WAYPOST_ENCRYPTION_KEY (required in production), or, for a
// local install, a key generated on the first run into the data directory, with a warning to back it up.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { type KeyRing, newKey, parseKeyRing } from './field-encryption';

export function loadKeyRing(config: Config, warn: (message: string) => void = console.warn): KeyRing {
  if (config.encryptionKey) return parseKeyRing(config.encryptionKey);
  const file = join(config.dataDir, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${newKey()}\n`, { mode: 0o600 });
    warn(
      `WARNING: generated a new encryption key in ${file}. Case data cannot be read without it: back it up ` +
        'somewhere safe, apart from the database. For a server, set WAYPOST_ENCRYPTION_KEY instead.',
    );
  }
  chmodSync(file, 0o600);
  return parseKeyRing(readFileSync(file, 'utf8').trim());
}
