// Segments leave out shoppers who denied advertising consent: the members list (with a count of
// those excluded), the CSV export (dashboard and REST) and placement audiences alike.
import { describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/apikeys/service';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import { exportSegmentCsv, listSegmentMembers } from '@/lib/segments/members';
import { clearSegmentMembershipCache, isSegmentMember } from '@/lib/segments/membership';
import { createSegment } from '@/lib/segments/service';
import { seedShoppers } from '@/lib/segments/testing/seed';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { GET as getCsv } from '@/app/api/v1/segments/[id]/members.csv/route';
import { recordConsent } from './service';

describe.each(testDrivers())('segments and consent (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('excludes shoppers who denied advertising from lists, exports and audiences, and counts them', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'cseg');
    const [granted, denied, silent, other] = await seedShoppers(db, ctx.tenantId, [
      { country: 'DE', externalId: 'granted' },
      { country: 'DE', externalId: 'denied' },
      { country: 'DE', externalId: 'silent' },
      { country: 'DE', externalId: 'analytics-only' },
    ]);
    const s = await createSegment(db, ctx, {
      name: 'Germany',
      rules: { conditions: [{ field: 'country', op: 'eq', value: 'DE' }] },
    });
    clearSegmentMembershipCache();
    await recordConsent(db, ctx, granted!, { advertising: true }, 'snippet');
    await recordConsent(db, ctx, denied!, { advertising: false }, 'snippet');
    await recordConsent(db, ctx, other!, { analytics: false }, 'snippet');

    const page = await listSegmentMembers(db, ctx, s.id);
    expect(page?.members.map((m) => m.externalId).sort()).toEqual(['analytics-only', 'granted', 'silent']);
    expect([page?.total, page?.excluded]).toEqual([3, 1]);

    const csv = async () => {
      const { stream } = await exportSegmentCsv(db, ctx, s.id);
      return new Response(stream).text();
    };
    expect(await csv()).not.toContain(denied!);
    expect(await csv()).toContain(silent!);
    const key = (await createApiKey(db, ctx, { kind: 'secret', name: 'server' })).key;
    const rest = await getCsv(
      new Request(`http://x/api/v1/segments/${s.id}/members.csv`, {
        headers: { authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({ id: s.id }) },
    );
    const restBody = await rest.text();
    expect(restBody).toContain(granted!);
    expect(restBody).not.toContain(denied!);

    expect(await isSegmentMember(db, ctx.tenantId, s.id, granted)).toBe(true);
    expect(await isSegmentMember(db, ctx.tenantId, s.id, denied)).toBe(false);
    // A withdrawal applies at once to the in-memory audience check.
    await recordConsent(db, ctx, granted!, { advertising: false }, 'api');
    expect(await isSegmentMember(db, ctx.tenantId, s.id, granted)).toBe(false);

    // opt_in: only recorded grants remain.
    await recordConsent(db, ctx, silent!, { advertising: true }, 'api');
    await updatePrivacySettings(db, ctx, { consentMode: 'opt_in' });
    const strict = await listSegmentMembers(db, ctx, s.id);
    expect(strict?.members.map((m) => m.externalId)).toEqual(['silent']);
    expect([strict?.total, strict?.excluded]).toEqual([1, 3]);
  });
});
