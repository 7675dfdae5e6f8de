import { resetEnvCache } from '@/lib/env';
import { resetKeyringCache } from '@/lib/secrets/keyring';

/** Fixed test keys: version 1 and version 2 (32 bytes each). */
export const TEST_KEY_V1 = `1:${Buffer.alloc(32, 1).toString('base64')}`;
export const TEST_KEY_V2 = `2:${Buffer.alloc(32, 2).toString('base64')}`;

/** Tests only: sets TAILOR_ENCRYPTION_KEYS, or unsets it with null (and forgets cached configuration). */
export function setTestEncryptionKeys(spec: string | null = TEST_KEY_V1): void {
  if (spec === null) delete process.env.TAILOR_ENCRYPTION_KEYS;
  else process.env.TAILOR_ENCRYPTION_KEYS = spec;
  resetEnvCache();
  resetKeyringCache();
}
