import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoppers } from '@/db/schema';
import { TEST_KEY_V1, TEST_KEY_V2, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { getShopperPiiByExternalId } from '@/lib/privacy/pii-shoppers';
import { invalidateTenantKeys } from '@/lib/privacy/keys';
import { getEnv } from '@/lib/env';
import { encryptionCoverage } from '@/lib/privacy/encryption-status';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { CliContext } from '../command';
import { privacyRewrapKeys, privacyRotateKey } from './privacy-keys';

describe.each(testDrivers())('tailor privacy rotate-key (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  beforeAll(() => setTestEncryptionKeys());
  afterAll(() => setTestEncryptionKeys(null));

  function context() {
    const out: string[] = [];
    const ctx: CliContext = {
      out: (l) => out.push(l),
      err: () => undefined,
      stderr: process.stderr,
      env: getEnv(),
      debug: false,
      db: async () => handle().db,
    };
    return { ctx, out };
  }

  it('rotates to the next version and re-encrypts every shopper, legacy rows included', async () => {
    const db = handle().db;
    const { ctx: owner, slug } = await createTestTenant(db, 'cli-keys');
    await db.insert(shoppers).values([
      {
        tenantId: owner.tenantId,
        kind: 'customer',
        externalId: 'x1',
        email: 'x1@example.com',
        name: 'X One',
      },
      { tenantId: owner.tenantId, kind: 'customer', externalId: 'x2', email: 'x2@example.com' },
    ]);
    const c = context();
    expect(await privacyRotateKey.run(c.ctx, { workspace: slug })).toBe(0);
    expect(c.out.join('\n')).toMatch(/field key version 2 is now in use/);
    expect(c.out.join('\n')).toMatch(/Re-encrypted 2 shoppers .*2 of 2 now on version 2/);
    expect(await encryptionCoverage(db, owner)).toMatchObject({
      encrypted: 2,
      clearLegacy: 0,
      currentVersion: 2,
    });
  });

  it('re-wraps data keys under a new master key version; the data still opens without the old one', async () => {
    const db = handle().db;
    const { ctx: owner, slug } = await createTestTenant(db, 'cli-rewrap');
    await privacyRotateKey.run(context().ctx, { workspace: slug, background: true });
    await db
      .insert(shoppers)
      .values({ tenantId: owner.tenantId, kind: 'customer', externalId: 'w1', email: 'w@example.com' });
    await privacyRotateKey.run(context().ctx, { workspace: slug });
    setTestEncryptionKeys(`${TEST_KEY_V1},${TEST_KEY_V2}`);
    const c = context();
    expect(await privacyRewrapKeys.run(c.ctx, { workspace: slug })).toBe(0);
    expect(c.out.join('\n')).toMatch(/Re-wrapped 4 data keys under keyring version 2/); // fields v1–v3, lookup
    setTestEncryptionKeys(TEST_KEY_V2);
    invalidateTenantKeys();
    expect(await getShopperPiiByExternalId(db, owner.tenantId, 'w1')).toEqual({
      email: 'w@example.com',
      name: null,
    });
    setTestEncryptionKeys(TEST_KEY_V1);
  });

  it('fails with a clear message for an unknown workspace', async () => {
    await expect(privacyRotateKey.run(context().ctx, { workspace: 'no-such-shop' })).rejects.toThrow(
      'Workspace not found: no-such-shop',
    );
  });
});
