import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { TEST_KEY_V1, TEST_KEY_V2, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { SecretDecryptError, decryptSecret, encryptSecret, isStaleKeyVersion, keyVersionOf } from './cipher';
import { KEY_FILE_NAME, getKeyring, parseKeySpec, resetKeyringCache } from './keyring';

afterEach(() => {
  setTestEncryptionKeys(null);
  delete process.env.TAILOR_DATA_DIR;
  resetEnvCache();
  vi.restoreAllMocks();
});

describe('secrets at rest (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time and the key version in the output', () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    const a = encryptSecret('shpat_secret_token');
    const b = encryptSecret('shpat_secret_token');
    expect(a.value).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a.keyVersion).toBe(1);
    expect(a.value).not.toBe(b.value);
    expect(a.value).not.toContain('shpat_secret_token');
    expect(Buffer.from(a.value.split(':')[1]!, 'base64')).toHaveLength(12);
    expect(decryptSecret(a.value)).toBe('shpat_secret_token');
    expect(decryptSecret(b.value)).toBe('shpat_secret_token');
  });

  it('refuses tampered ciphertexts and ciphertexts moved to another context', () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    const sealed = encryptSecret('secret', { context: 'connection:t1:c1' });
    expect(decryptSecret(sealed.value, { context: 'connection:t1:c1' })).toBe('secret');
    expect(() => decryptSecret(sealed.value, { context: 'connection:t2:c1' })).toThrow(SecretDecryptError);
    const parts = sealed.value.split(':');
    const ct = Buffer.from(parts[3]!, 'base64');
    ct[0]! ^= 1;
    parts[3] = ct.toString('base64');
    expect(() => decryptSecret(parts.join(':'), { context: 'connection:t1:c1' })).toThrow(/authentication/);
    expect(() => decryptSecret('garbage')).toThrow(/Malformed/);
  });

  it('rotates: the highest version encrypts, older versions still decrypt, removed ones fail clearly', () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    const old = encryptSecret('keep me');
    setTestEncryptionKeys(`${TEST_KEY_V1},${TEST_KEY_V2}`);
    expect(getKeyring().current).toBe(2);
    expect(decryptSecret(old.value)).toBe('keep me');
    expect(isStaleKeyVersion(old.keyVersion)).toBe(true);
    const fresh = encryptSecret('new');
    expect(fresh.keyVersion).toBe(2);
    expect(keyVersionOf(fresh.value)).toBe(2);
    setTestEncryptionKeys(TEST_KEY_V2);
    expect(() => decryptSecret(old.value)).toThrow(/key version 1/);
  });

  it('validates TAILOR_ENCRYPTION_KEYS without echoing key material', () => {
    expect(() => parseKeySpec('1:c2hvcnQ=')).toThrow(/version 1 is not 32 bytes/);
    expect(() => parseKeySpec(`${TEST_KEY_V1},${TEST_KEY_V1}`)).toThrow(/twice/);
    expect(() => parseKeySpec('nonsense')).toThrow(/entry 1/);
    expect(() => parseKeySpec('0:AAAA')).toThrow();
    try {
      parseKeySpec('1:c2VjcmV0LWtleS1tYXRlcmlhbA==');
    } catch (e) {
      expect(String(e)).not.toContain('c2VjcmV0');
    }
    expect([...parseKeySpec(` ${TEST_KEY_V1},\n ${TEST_KEY_V2} `).keys()]).toEqual([1, 2]);
  });

  it('without the variable, generates one key file (mode 0600) once and warns', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-keys-'));
    try {
      process.env.TAILOR_DATA_DIR = dir;
      setTestEncryptionKeys(null);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const first = getKeyring();
      expect(first.source).toBe('generated');
      expect(warn.mock.calls[0]?.[0]).toMatch(/Production must set TAILOR_ENCRYPTION_KEYS/);
      const file = path.join(dir, KEY_FILE_NAME);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const sealed = encryptSecret('local');
      resetKeyringCache();
      const again = getKeyring();
      expect(again.source).toBe('stored');
      expect(decryptSecret(sealed.value)).toBe('local');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
