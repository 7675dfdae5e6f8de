// Serve-time membership: a Set per tenant and segment, reloaded after segment changes; anonymous
// requests and other tenants' segments are never members.
import { afterEach, describe, expect, it } from 'vitest';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { clearSegmentMembershipCache, isSegmentMember, loadSegmentMembers } from './membership';
import { createSegment, updateSegment } from './service';
import { seedShoppers } from './testing/seed';

describe.each(testDrivers())('segment membership (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  afterEach(() => clearSegmentMembershipCache());

  it('answers from memory and follows segment changes', async () => {
    const a = await createTestTenant(db(), 'seg-mem-a');
    const b = await createTestTenant(db(), 'seg-mem-b');
    const [de, fr] = await seedShoppers(db(), a.ctx.tenantId, [{ country: 'DE' }, { country: 'FR' }]);
    const s = await createSegment(db(), a.ctx, {
      name: 'Germany',
      rules: { conditions: [{ field: 'country', op: 'eq', value: 'DE' }] },
    });
    expect(await isSegmentMember(db(), a.ctx.tenantId, s.id, de)).toBe(true);
    expect(await isSegmentMember(db(), a.ctx.tenantId, s.id, fr)).toBe(false);
    expect(await isSegmentMember(db(), a.ctx.tenantId, s.id, null)).toBe(false);

    await updateSegment(db(), a.ctx, s.id, {
      name: 'France',
      rules: { conditions: [{ field: 'country', op: 'eq', value: 'FR' }] },
    });
    expect(await isSegmentMember(db(), a.ctx.tenantId, s.id, fr)).toBe(true);
    expect(await isSegmentMember(db(), a.ctx.tenantId, s.id, de)).toBe(false);

    // Another tenant naming this segment gets an empty set.
    expect(await isSegmentMember(db(), b.ctx.tenantId, s.id, fr)).toBe(false);
    expect((await loadSegmentMembers(db(), b.ctx, s.id)).size).toBe(0);
    expect((await loadSegmentMembers(db(), a.ctx, 'nope')).size).toBe(0);
  });
});
