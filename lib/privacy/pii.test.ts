import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dataKeys } from '@/db/schema';
import { TEST_KEY_V1, TEST_KEY_V2, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { createFieldKeyVersion, getTenantKeys, invalidateTenantKeys, rewrapDataKeys } from './keys';
import {
  PiiDecryptError,
  getFieldCipher,
  lookupHash,
  maskEmail,
  maskName,
  openPii,
  pseudonymOf,
  sealPii,
  shopperPii,
  UNREADABLE,
} from './pii';

describe('masking', () => {
  it('keeps the first letter and the domain of an email, and initials of a name', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j•••@example.com');
    expect(maskEmail('nodomain')).toBe('n•••');
    expect(maskEmail(null)).toBeNull();
    expect(maskName('Jane van Doe')).toBe('J. D•••');
    expect(maskName('Cher')).toBe('C•••');
    expect(maskName(null)).toBeNull();
  });
});

describe.each(testDrivers())('field encryption (%s)', (driver) => {
  const h = useTestDatabase(driver);
  beforeEach(() => {
    setTestEncryptionKeys(TEST_KEY_V1);
    invalidateTenantKeys();
  });
  afterAll(() => setTestEncryptionKeys(null));

  it('round-trips with a fresh IV, never shows the clear text, and creates the keys once', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'pii-rt');
    const [a, b] = await Promise.all([
      sealPii(db, ctx.tenantId, 'jane@example.com'),
      sealPii(db, ctx.tenantId, 'jane@example.com'),
    ]);
    expect(a).toMatch(/^f1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('jane');
    expect(await openPii(db, ctx.tenantId, a)).toBe('jane@example.com');
    expect(await openPii(db, ctx.tenantId, b)).toBe('jane@example.com');
    expect(await openPii(db, ctx.tenantId, null)).toBeNull();
    const keys = await db.select().from(dataKeys).where(eq(dataKeys.tenantId, ctx.tenantId));
    expect(keys.map((k) => `${k.purpose}:${k.version}`).sort()).toEqual(['fields:1', 'lookup:1']);
    // Wrapped by the keyring, not stored raw.
    expect(keys.every((k) => k.wrapped.startsWith('v1:') && k.kekVersion === 1)).toBe(true);
  });

  it('refuses tampered values and another workspace’s ciphertext', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'pii-a');
    const b = await createTestTenant(db, 'pii-b');
    const sealed = await sealPii(db, a.ctx.tenantId, 'Jane Doe');
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[3]!, 'base64');
    ct[0]! ^= 1;
    parts[3] = ct.toString('base64');
    await expect(openPii(db, a.ctx.tenantId, parts.join(':'))).rejects.toThrow(PiiDecryptError);
    await expect(openPii(db, a.ctx.tenantId, 'f1:bad')).rejects.toThrow(/Malformed/);
    await expect(openPii(db, b.ctx.tenantId, sealed)).rejects.toThrow(/authentication/);
    await expect(openPii(db, a.ctx.tenantId, `f9${sealed.slice(2)}`)).rejects.toThrow(/version 9/);
  });

  it('hashes lookups stably per workspace, normalized, and differently across workspaces', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'pii-ha');
    const b = await createTestTenant(db, 'pii-hb');
    const h1 = await lookupHash(db, a.ctx.tenantId, 'Jane@Example.com ');
    invalidateTenantKeys();
    expect(await lookupHash(db, a.ctx.tenantId, 'jane@example.com')).toBe(h1);
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(await lookupHash(db, b.ctx.tenantId, 'jane@example.com')).not.toBe(h1);
    const p = await pseudonymOf(db, a.ctx.tenantId, '00000000-0000-0000-0000-000000000001');
    expect(p).toMatch(/^[0-9a-f]{24}$/);
    expect(await pseudonymOf(db, b.ctx.tenantId, '00000000-0000-0000-0000-000000000001')).not.toBe(p);
  });

  it('rotates the data key: new values use the next version, old ones still open', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'pii-rot');
    const old = await sealPii(db, ctx.tenantId, 'old@example.com');
    const hash = await lookupHash(db, ctx.tenantId, 'old@example.com');
    expect(await createFieldKeyVersion(db, ctx.tenantId)).toBe(2);
    const fresh = await sealPii(db, ctx.tenantId, 'new@example.com');
    expect(fresh.startsWith('f2:')).toBe(true);
    expect(await openPii(db, ctx.tenantId, old)).toBe('old@example.com');
    expect(await lookupHash(db, ctx.tenantId, 'old@example.com')).toBe(hash);
    const [v1] = await db
      .select()
      .from(dataKeys)
      .where(
        and(eq(dataKeys.tenantId, ctx.tenantId), eq(dataKeys.purpose, 'fields'), eq(dataKeys.version, 1)),
      );
    expect(v1?.retiredAt).toBeInstanceOf(Date);
  });

  it('re-wraps data keys under a new keyring version; old ciphertexts still open without the old KEK', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'pii-kek');
    const sealed = await sealPii(db, ctx.tenantId, 'kek@example.com');
    const hash = await lookupHash(db, ctx.tenantId, 'kek@example.com');
    setTestEncryptionKeys(`${TEST_KEY_V1},${TEST_KEY_V2}`);
    expect(await rewrapDataKeys(db, ctx.tenantId)).toBe(2);
    expect(await rewrapDataKeys(db, ctx.tenantId)).toBe(0);
    const rows = await db.select().from(dataKeys).where(eq(dataKeys.tenantId, ctx.tenantId));
    expect(rows.every((r) => r.kekVersion === 2 && r.wrapped.startsWith('v2:'))).toBe(true);
    setTestEncryptionKeys(TEST_KEY_V2);
    invalidateTenantKeys();
    expect(await openPii(db, ctx.tenantId, sealed)).toBe('kek@example.com');
    expect(await lookupHash(db, ctx.tenantId, 'kek@example.com')).toBe(hash);
  });

  it('does not keep a key in memory when the transaction that created it rolls back', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'pii-tx');
    let inTx = '';
    await db
      .transaction(async (tx) => {
        inTx = (await getFieldCipher(tx, ctx.tenantId)).lookupHash('x@example.com');
        await getFieldCipher(tx, ctx.tenantId);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const after = (await getFieldCipher(db, ctx.tenantId)).lookupHash('x@example.com');
    expect(after).not.toBe(inTx);
    const keys = await getTenantKeys(db, ctx.tenantId, true);
    expect(keys.lookup.equals((await getTenantKeys(db, ctx.tenantId)).lookup)).toBe(true);
  });

  it('decrypts rows for display, masked unless allowed, and survives an unreadable value', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'pii-view');
    const c = await getFieldCipher(db, ctx.tenantId);
    const rows = [
      { id: 'a', emailEnc: c.seal('jane@example.com'), nameEnc: c.seal('Jane Doe') },
      { id: 'b', emailEnc: null, nameEnc: null, email: 'legacy@example.com', name: 'Leg Acy' },
      { id: 'c', emailEnc: 'f1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AA==', nameEnc: null },
    ];
    const clear = await shopperPii(db, ctx.tenantId, rows, true);
    expect(clear.map((r) => [r.id, r.email, r.name])).toEqual([
      ['a', 'jane@example.com', 'Jane Doe'],
      ['b', 'legacy@example.com', 'Leg Acy'],
      ['c', UNREADABLE, null],
    ]);
    expect(clear[0]).not.toHaveProperty('emailEnc');
    const masked = await shopperPii(db, ctx.tenantId, rows, false);
    expect(masked.map((r) => [r.email, r.name])).toEqual([
      ['j•••@example.com', 'J. D•••'],
      ['l•••@example.com', 'L. A•••'],
      [UNREADABLE, null],
    ]);
  });
});
