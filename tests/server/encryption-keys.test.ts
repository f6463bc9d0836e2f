import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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

  it('on a first local run generates a key file readable only by its owner, with a warning, then reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waypost-key-'));
    const warnings: string[] = [];
    const first = loadKeyRing(getConfig({ DATA_DIR: dataDir }), (m) => warnings.push(m));
    expect(warnings[0]).toMatch(/generated a new encryption key.*back it up/);
    const file = join(dataDir, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadKeyRing(getConfig({ DATA_DIR: dataDir }), (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(second.keys.get(1)).toEqual(first.keys.get(1));
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });
});
