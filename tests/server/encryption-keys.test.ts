import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig } from '../../server/config';
import { decryptField, encryptField, newKey, parseKeyRing } from '../../server/crypto/field-encryption';
import { loadKeyRing } from '../../server/crypto/keys';

const where = { table: 'case_person', column: 'full_name', row: 'row-1' };

describe('field encryption', () => {
  it('gives a different ciphertext each time (random IV) and decrypts back', () => {
    const ring = parseKeyRing(newKey());
    const a = encryptField(ring, where, 'Иван Петров');
    const b = encryptField(ring, where, 'Иван Петров');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(decryptField(ring, where, a)).toBe('Иван Петров');
  });

  it('binds the value to its table, column and row', () => {
    const ring = parseKeyRing(newKey());
    const stored = encryptField(ring, where, 'secret');
    expect(() => decryptField(ring, { ...where, row: 'row-2' }, stored)).toThrow();
    expect(() => decryptField(ring, { ...where, column: 'full_name_native' }, stored)).toThrow();
  });

  it('reads values written with an older key after a rotation', () => {
    const oldKey = newKey();
    const before = parseKeyRing(`1:${oldKey}`);
    const stored = encryptField(before, where, 'written before rotation');
    const after = parseKeyRing(`2:${newKey()},1:${oldKey}`);
    expect(decryptField(after, where, stored)).toBe('written before rotation');
    expect(encryptField(after, where, 'new')).toMatch(/^v2\./);
  });

  it.each(['short', 'a'.repeat(44), `1:${newKey()},1:${newKey()}`])(
    'refuses a malformed key setting: %s',
    (value) => {
      expect(() => parseKeyRing(value)).toThrow();
      expect(() => getConfig({ WAYPOST_ENCRYPTION_KEY: value })).toThrow(
        /^Invalid environment variable WAYPOST_ENCRYPTION_KEY/,
      );
    },
  );

  it('is required in production', () => {
    expect(() => getConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://w.example.org' })).toThrow(
      /WAYPOST_ENCRYPTION_KEY: required in production/,
    );
  });

  it('on a first local run generates a key file in the config folder, not the data folder, and says where', () => {
    const home = mkdtempSync(join(tmpdir(), 'waypost-home-'));
    const dataDir = join(home, 'data');
    const env = { DATA_DIR: dataDir, XDG_CONFIG_HOME: join(home, 'config') };
    const warnings: string[] = [];
    const first = loadKeyRing(getConfig(env), 'encryption', { warn: (m) => warnings.push(m) });
    const file = join(home, 'config', 'waypost', 'encryption.key');
    expect(warnings[0]).toContain(`generated a new encryption key in ${file}`);
    expect(warnings[0]).toMatch(/back it up .*apart from the database/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'config', 'waypost')).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dataDir, 'encryption.key'))).toBe(false);
    const second = loadKeyRing(getConfig(env), 'encryption', { warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(second.keys.get(1)).toEqual(first.keys.get(1));
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });

  it('moves a key found in the old place (the data folder) to the config folder, saying so', () => {
    const home = mkdtempSync(join(tmpdir(), 'waypost-home-'));
    const dataDir = join(home, 'data');
    mkdirSync(dataDir);
    const key = newKey();
    writeFileSync(join(dataDir, 'encryption.key'), `${key}\n`, { mode: 0o600 });
    const warnings: string[] = [];
    const config = getConfig({ DATA_DIR: dataDir, WAYPOST_KEY_DIR: join(home, 'keys') });
    const ring = loadKeyRing(config, 'encryption', { warn: (m) => warnings.push(m) });
    expect(ring.keys.get(1)).toEqual(Buffer.from(key, 'base64'));
    expect(warnings).toEqual([
      expect.stringMatching(/^Moved the key from .*data.encryption\.key to .*keys.encryption\.key/),
    ]);
    expect(existsSync(join(dataDir, 'encryption.key'))).toBe(false);
    expect(readFileSync(join(home, 'keys', 'encryption.key'), 'utf8').trim()).toBe(key);
  });

  it('never generates a key for a database that holds data written with one', () => {
    const home = mkdtempSync(join(tmpdir(), 'waypost-home-'));
    const config = getConfig({ DATA_DIR: join(home, 'data'), WAYPOST_KEY_DIR: join(home, 'keys') });
    expect(() => loadKeyRing(config, 'encryption', { mayGenerate: false })).toThrow(
      /^No encryption key: WAYPOST_ENCRYPTION_KEY is not set and .*encryption\.key does not exist/,
    );
    expect(existsSync(join(home, 'keys', 'encryption.key'))).toBe(false);
  });
});
