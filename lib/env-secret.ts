import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resetEnvCache } from './env';

/**
 * Makes sure AUTH_SECRET is set: when missing, a random secret is generated once and
 * kept in `<dataDir>/auth-secret` so sessions survive restarts of a local install.
 * Returns whether a stored/generated secret was used (the caller warns about production).
 */
export async function ensureAuthSecret(): Promise<'configured' | 'stored' | 'generated'> {
  if (process.env.AUTH_SECRET) return 'configured';
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.TAILOR_DATA_DIR || 'data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'auth-secret');
  let status: 'stored' | 'generated' = 'stored';
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    status = 'generated';
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  resetEnvCache();
  return status;
}
