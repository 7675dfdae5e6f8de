import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, rowsOf } from '@/db/client';
import { consentRecords, shoppers } from '@/db/schema';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getConsentSnapshot, invalidateConsent } from './cache';
import { consentAllows, consentAllowsSql, consentScope } from './enforce';
import { consentRates, getShopperConsent, recordConsent, recordConsentFromApi } from './service';

async function addShopper(db: Db, tenantId: string, externalId: string, anonymousId?: string) {
  const [s] = await db
    .insert(shoppers)
    .values({ tenantId, kind: 'customer', externalId, anonymousId })
    .returning({ id: shoppers.id });
  return s!.id;
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; fieldErrors?: unknown }) => e,
  );

describe.each(testDrivers())('consent service (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('appends only changed decisions, keeps the latest state, and reports history newest first', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'consent-rec');
    const id = await addShopper(db, ctx.tenantId, 'c-1');
    expect(await recordConsent(db, ctx, id, { analytics: true, advertising: false }, 'snippet')).toHaveLength(
      2,
    );
    // The same consent again (the snippet sends it with every event): nothing new.
    expect(await recordConsent(db, ctx, id, { analytics: true, advertising: false }, 'snippet')).toEqual([]);
    const changed = await recordConsent(db, ctx, id, { analytics: false, advertising: false }, 'api', '2');
    // advertising is the same decision but under an explicitly new policy version: re-consent.
    expect(changed.map((c) => [c.purpose, c.granted]).sort()).toEqual([
      ['advertising', false],
      ['analytics', false],
    ]);
    const c = await getShopperConsent(db, ctx, id);
    expect(c?.mode).toBe('opt_out');
    expect(c?.purposes.map((p) => [p.purpose, p.granted, p.effective, p.source, p.policyVersion])).toEqual([
      ['analytics', false, false, 'api', '2'],
      ['personalization', null, true, null, null],
      ['advertising', false, false, 'api', '2'],
    ]);
    expect(c?.history).toHaveLength(4);
    expect(c?.history[0]).toMatchObject({ source: 'api', policyVersion: '2' });
    expect(c?.history.at(-1)).toMatchObject({ source: 'snippet', policyVersion: '1' });
  });

  it('keeps workspaces apart: another tenant’s shopper is not found and cannot be recorded', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'consent-a');
    const b = await createTestTenant(db, 'consent-b');
    const id = await addShopper(db, a.ctx.tenantId, 'c-1');
    expect(await getShopperConsent(db, b.ctx, id)).toBeNull();
    expect(await recordConsent(db, b.ctx, id, { analytics: false }, 'api')).toEqual([]);
    const rows = await db.select().from(consentRecords).where(sql`${consentRecords.shopperId} = ${id}`);
    expect(rows).toEqual([]);
    expect(
      (await errorOf(recordConsentFromApi(db, b.ctx, { customerId: 'c-1', consent: { analytics: true } })))
        ?.code,
    ).toBe('not_found');
  });

  it('validates the API body with field messages and finds shoppers by customer or anonymous id', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'consent-api');
    const id = await addShopper(db, ctx.tenantId, 'c-7', 'anon-7');
    const bad = await errorOf(
      recordConsentFromApi(db, ctx, { consent: { analytics: 'yes', tracking: true } }),
    );
    expect(bad?.code).toBe('validation_failed');
    expect(JSON.stringify(bad?.fieldErrors)).toContain(
      'consent accepts analytics, personalization and advertising',
    );
    expect(JSON.stringify(bad?.fieldErrors)).toContain('Send true (granted) or false (denied).');
    const anonymous = await errorOf(recordConsentFromApi(db, ctx, { consent: { analytics: true } }));
    expect(anonymous?.fieldErrors).toEqual({ customerId: ['Send customerId or anonymousId.'] });
    const empty = await errorOf(recordConsentFromApi(db, ctx, { customerId: 'c-7', consent: {} }));
    expect(JSON.stringify(empty?.fieldErrors)).toContain('Name at least one purpose');
    const r = await recordConsentFromApi(db, ctx, {
      anonymousId: 'anon-7',
      consent: { personalization: false },
    });
    expect(r).toMatchObject({ shopperId: id, changed: 1 });
    expect(r.consent.purposes[1]).toMatchObject({
      purpose: 'personalization',
      granted: false,
      source: 'api',
    });
  });

  it('answers enforcement from memory, patched on write, and matches the SQL condition in both modes', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'consent-enf');
    const granted = await addShopper(db, ctx.tenantId, 'g');
    const denied = await addShopper(db, ctx.tenantId, 'd');
    const silent = await addShopper(db, ctx.tenantId, 's');
    await getConsentSnapshot(db, ctx.tenantId); // loaded before the writes: they must be patched in
    await recordConsent(db, ctx, granted, { advertising: true }, 'api');
    await recordConsent(db, ctx, denied, { advertising: false }, 'api');
    const allowedBySql = async () => {
      const scope = await consentScope(db, ctx);
      const r = await db.execute(sql`select external_id as x from shoppers s
        where s.tenant_id = ${ctx.tenantId}::uuid and ${consentAllowsSql('advertising', sql`s.id`, scope)} order by 1`);
      return rowsOf<{ x: string }>(r).map((row) => row.x);
    };
    const allowedInMemory = async () => {
      const out: string[] = [];
      for (const [x, id] of [
        ['d', denied],
        ['g', granted],
        ['s', silent],
      ] as const)
        if (await consentAllows(db, ctx.tenantId, id, 'advertising')) out.push(x);
      return out;
    };
    expect(await allowedBySql()).toEqual(['g', 's']);
    expect(await allowedInMemory()).toEqual(['g', 's']);
    await updatePrivacySettings(db, ctx, { consentMode: 'opt_in' });
    expect(await allowedBySql()).toEqual(['g']);
    expect(await allowedInMemory()).toEqual(['g']);

    // A change this process did not write (another process, an import) shows after invalidation.
    await db.execute(
      sql`update consent_state set granted = true where tenant_id = ${ctx.tenantId}::uuid and shopper_id = ${denied}::uuid`,
    );
    expect(await consentAllows(db, ctx.tenantId, denied, 'advertising')).toBe(false);
    invalidateConsent(ctx.tenantId);
    expect(await consentAllows(db, ctx.tenantId, denied, 'advertising')).toBe(true);
  });

  it('computes rates per day and purpose, totals with unknowns, and decisions by source', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'consent-rates');
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((x) => addShopper(db, ctx.tenantId, x)));
    await recordConsent(db, ctx, ids[0]!, { analytics: true, advertising: true }, 'snippet');
    await recordConsent(db, ctx, ids[1]!, { analytics: true, advertising: false }, 'snippet');
    await recordConsent(db, ctx, ids[2]!, { analytics: false }, 'api');
    const empty = await consentRates(db, (await createTestTenant(db, 'consent-none')).ctx, { days: 30 });
    expect(empty).toMatchObject({ recorded: 0, series: [] });
    const r = await consentRates(db, ctx, { days: 30 });
    expect(r.recorded).toBe(5);
    expect(r.series).toHaveLength(1);
    expect(r.series[0]!.rates.analytics).toBeCloseTo(2 / 3);
    expect(r.series[0]!.rates.advertising).toBeCloseTo(1 / 2);
    expect(r.series[0]!.rates.personalization).toBeUndefined();
    expect(r.totals).toEqual({
      analytics: { granted: 2, denied: 1, unknown: 1 },
      personalization: { granted: 0, denied: 0, unknown: 4 },
      advertising: { granted: 1, denied: 1, unknown: 2 },
    });
    expect(r.bySource).toContainEqual({ source: 'api', purpose: 'analytics', granted: 0, denied: 1 });
    expect(r.bySource).toContainEqual({ source: 'snippet', purpose: 'analytics', granted: 2, denied: 0 });
  });
});
