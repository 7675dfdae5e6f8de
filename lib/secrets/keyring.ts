import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

/** The keys that encrypt secrets at rest: every known version decrypts, `current` encrypts. */
export interface Keyring {
  /** The highest version: new ciphertexts use it. */
  readonly current: number;
  readonly keys: ReadonlyMap<number, Buffer>;
  /** Where the keys came from: the environment, or the generated file in the data folder. */
  readonly source: 'configured' | 'stored' | 'generated';
}

export const KEY_FILE_NAME = 'encryption-keys';
const KEY_BYTES = 32;

/**
 * Parses `1:<base64 32 bytes>,2:<base64 32 bytes>` (whitespace and newlines allowed between
 * entries). Throws an Error naming the bad entry by its version, never echoing key material.
 */
export function parseKeySpec(spec: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  const entries = spec
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('TAILOR_ENCRYPTION_KEYS is empty.');
  for (const [i, entry] of entries.entries()) {
    const m = /^(\d{1,6}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
    if (!m) throw new Error(`TAILOR_ENCRYPTION_KEYS entry ${i + 1} is not "<version>:<base64 key>".`);
    const version = Number(m[1]);
    if (version < 1) throw new Error('TAILOR_ENCRYPTION_KEYS versions start at 1.');
    if (keys.has(version)) throw new Error(`TAILOR_ENCRYPTION_KEYS lists version ${version} twice.`);
    const key = Buffer.from(m[2]!.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== KEY_BYTES) {
      throw new Error(`TAILOR_ENCRYPTION_KEYS version ${version} is not ${KEY_BYTES} bytes of base64.`);
    }
    keys.set(version, key);
  }
  return keys;
}

/** A fresh one-key spec, `1:<base64 of 32 random bytes>`. */
export function generateKeySpec(version = 1): string {
  return `${version}:${crypto.randomBytes(KEY_BYTES).toString('base64')}`;
}

function toKeyring(keys: Map<number, Buffer>, source: Keyring['source']): Keyring {
  return { current: Math.max(...keys.keys()), keys, source };
}

/**
 * Reads `<dataDir>/encryption-keys`, creating it (mode 0600) with one random key when missing.
 * Two processes starting together agree on one file: creation is exclusive, the loser reads it.
 */
function storedKeys(dataDir: string): { spec: string; created: boolean } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(/*turbopackIgnore: true*/ dataDir, KEY_FILE_NAME);
  try {
    fs.writeFileSync(file, `${generateKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
    return { spec: fs.readFileSync(file, 'utf8'), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { spec: fs.readFileSync(file, 'utf8'), created: false };
  }
}

let cached: { spec: string | undefined; dataDir: string; keyring: Keyring } | undefined;

/**
 * The process keyring: from TAILOR_ENCRYPTION_KEYS, or else from the key file in the data folder
 * (generated once, with a warning that production must set the variable — like AUTH_SECRET).
 * Throws when the configured value is malformed.
 */
export function getKeyring(): Keyring {
  const env = getEnv();
  const spec = env.TAILOR_ENCRYPTION_KEYS?.trim() || undefined;
  if (cached && cached.spec === spec && cached.dataDir === env.dataDir) return cached.keyring;
  let keyring: Keyring;
  if (spec) {
    keyring = toKeyring(parseKeySpec(spec), 'configured');
  } else {
    const stored = storedKeys(env.dataDir);
    keyring = toKeyring(parseKeySpec(stored.spec), stored.created ? 'generated' : 'stored');
    console.warn(
      `  Warning: TAILOR_ENCRYPTION_KEYS is not set; store credentials are encrypted with the key ${stored.created ? 'generated into' : 'kept in'} ${path.join(/*turbopackIgnore: true*/ env.dataDir, KEY_FILE_NAME)}. Production must set TAILOR_ENCRYPTION_KEYS (without that key, saved credentials cannot be read).`,
    );
  }
  cached = { spec, dataDir: env.dataDir, keyring };
  return keyring;
}

/** Tests only: forget the cached keyring (after changing the environment). */
export function resetKeyringCache(): void {
  cached = undefined;
}
