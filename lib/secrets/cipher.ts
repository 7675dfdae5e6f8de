import crypto from 'node:crypto';
import { type Keyring, getKeyring } from './keyring';

/** A ciphertext and the key version that made it (stored next to it, e.g. `connections.key_version`). */
export interface SealedSecret {
  /** `v<version>:<iv>:<tag>:<ciphertext>`, each part base64. */
  value: string;
  keyVersion: number;
}

/** A secret that cannot be decrypted: unknown key version, tampered or malformed ciphertext. */
export class SecretDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Options {
  /**
   * Additional authenticated data binding the ciphertext to where it is stored (e.g.
   * `connection:<tenant>:<id>`): a ciphertext copied into another row does not decrypt.
   */
  context?: string;
  keyring?: Keyring;
}

/** Encrypts with AES-256-GCM under the current key version and a random 12-byte IV. */
export function encryptSecret(plaintext: string, options: Options = {}): SealedSecret {
  const keyring = options.keyring ?? getKeyring();
  const version = keyring.current;
  const key = keyring.keys.get(version)!;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  if (options.context) cipher.setAAD(Buffer.from(options.context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    value: `v${version}:${iv.toString('base64')}:${tag.toString('base64')}:${ct.toString('base64')}`,
    keyVersion: version,
  };
}

/** The key version named in a ciphertext, or null when it is not one of ours. */
export function keyVersionOf(value: string): number | null {
  const m = /^v(\d{1,6}):/.exec(value);
  return m ? Number(m[1]) : null;
}

/**
 * Decrypts a value made by `encryptSecret` with whichever known key version it names (so old
 * ciphertexts keep working after a new version is added). Throws SecretDecryptError with a
 * message safe to log.
 */
export function decryptSecret(value: string, options: Options = {}): string {
  const keyring = options.keyring ?? getKeyring();
  const parts = value.split(':');
  const version = keyVersionOf(value);
  if (parts.length !== 4 || version === null) throw new SecretDecryptError('Malformed encrypted secret.');
  const key = keyring.keys.get(version);
  if (!key) {
    throw new SecretDecryptError(
      `Encrypted with key version ${version}, which TAILOR_ENCRYPTION_KEYS does not contain.`,
    );
  }
  const iv = Buffer.from(parts[1]!, 'base64');
  const tag = Buffer.from(parts[2]!, 'base64');
  const ct = Buffer.from(parts[3]!, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptError('Malformed encrypted secret.');
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    if (options.context) decipher.setAAD(Buffer.from(options.context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptError('Encrypted secret failed authentication (wrong key or tampered).');
  }
}

/** True when a value was sealed under an older key version than the current one (rotate it on write). */
export function isStaleKeyVersion(keyVersion: number, keyring: Keyring = getKeyring()): boolean {
  return keyVersion !== keyring.current;
}
