// Ad campaigns, settings, segment briefs and product picking through the services: validation,
// permissions, audit, sealed keys and tenant isolation. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adSettings, auditLog } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { buildSegmentBrief } from './brief';
import { pickProducts } from './products';
import {
  createCampaign,
  deleteCampaign,
  getAdSettingsView,
  getCampaign,
  listCampaigns,
  loadGeneratorSettings,
  setCampaignStatus,
  updateAdSettings,
  updateCampaign,
} from './service';
import { type AdsStore, seedAdsStore } from './test-fixture';

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(testDrivers())('ads campaigns and settings (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let shop: TenantContext;
  let other: TenantContext;
  let store: AdsStore;
  const base = () => ({
    name: 'Summer linen',
    objective: 'sales',
    segmentIds: [store.vipSegmentId],
    locales: ['en', 'de'],
    channels: ['google-rsa', 'banner'],
    budgetSplit: JSON.stringify({ 'google-rsa': 0.7, banner: 0.3 }),
    placementKey: 'home-hero',
  });

  beforeAll(async () => {
    shop = (await createTestTenant(db(), 'ads')).ctx;
    other = (await createTestTenant(db(), 'ads-other')).ctx;
    store = await seedAdsStore(db(), shop);
  }, 60_000);

  it('refuses invalid campaigns with field errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ placementKey: '' }, 'placementKey'],
      [{ budgetSplit: { 'google-rsa': 0.5, banner: 0.3 } }, 'budgetSplit'],
      [{ budgetSplit: { meta: 1 } }, 'budgetSplit.meta'],
      [{ startsOn: '2026-12-10', endsOn: '2026-12-01' }, 'endsOn'],
      [{ locales: ['en', 'xx'] }, 'locales.1'],
      [{ locales: [] }, 'locales'],
      [{ channels: 'google-rsa,google-rsa', budgetSplit: '' }, 'channels'],
      [{ name: '  ' }, 'name'],
      [{ productMode: 'manual', productIds: [] }, 'productIds'],
      [{ budgetMinor: '5000', currency: '' }, 'currency'],
    ];
    for (const [patch, field] of cases) {
      const e = await errorOf(createCampaign(db(), shop, { ...base(), ...patch }));
      expect(e.code, field).toBe('validation_failed');
      expect(Object.keys(e.fieldErrors ?? {}), field).toContain(field);
    }
    // Another workspace's segment is not one of ours.
    const foreign = await seedAdsStore(db(), other);
    const e = await errorOf(createCampaign(db(), shop, { ...base(), segmentIds: [foreign.vipSegmentId] }));
    expect(e.fieldErrors?.segmentIds).toEqual(['A chosen segment no longer exists.']);
  });

  it('creates, lists, updates, sets the status and deletes, with audit entries', async () => {
    const created = await createCampaign(db(), shop, { ...base(), budgetMinor: '50000', currency: 'eur' });
    expect(created).toMatchObject({
      status: 'draft',
      segments: [{ id: store.vipSegmentId, name: 'VIP' }],
      locales: ['en', 'de'],
      budgetMinor: 50000,
      currency: 'EUR',
      budgetSplit: { 'google-rsa': 0.7, banner: 0.3 },
      optimization: {
        policy: 'thompson',
        reward: 'click',
        explorationFloor: 0.05,
        autoPause: true,
        alpha: 1,
      },
      counts: { candidate: 0, approved: 0, rejected: 0, paused: 0 },
    });
    const list = await listCampaigns(db(), shop);
    expect(list.find((c) => c.id === created.id)).toMatchObject({
      segmentNames: ['VIP'],
      channels: ['google-rsa', 'banner'],
    });
    expect(await listCampaigns(db(), other)).toEqual([]);
    expect(await getCampaign(db(), other, created.id)).toBeNull();
    expect(await getCampaign(db(), shop, 'not-a-uuid')).toBeNull();

    const updated = await updateCampaign(db(), shop, created.id, {
      ...base(),
      channels: ['meta'],
      budgetSplit: '',
      placementKey: '',
      optimization: JSON.stringify({ policy: 'linucb', alpha: '0.5' }),
    });
    expect(updated).toMatchObject({ channels: ['meta'], budgetSplit: { meta: 1 }, placementKey: null });
    expect(updated.optimization).toMatchObject({ policy: 'linucb', alpha: 0.5 });
    expect((await errorOf(updateCampaign(db(), other, created.id, base()))).code).toBe('not_found');

    expect((await setCampaignStatus(db(), shop, created.id, 'active')).status).toBe('active');
    expect((await errorOf(setCampaignStatus(db(), shop, created.id, 'live'))).code).toBe('validation_failed');
    expect((await errorOf(setCampaignStatus(db(), other, created.id, 'paused'))).code).toBe('not_found');
    expect((await errorOf(deleteCampaign(db(), other, created.id))).code).toBe('not_found');
    await deleteCampaign(db(), shop, created.id);
    expect(await getCampaign(db(), shop, created.id)).toBeNull();

    const actions = (
      await db()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, shop.tenantId), eq(auditLog.targetId, created.id)))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'ads.campaign_created',
        'ads.campaign_updated',
        'ads.campaign_status',
        'ads.campaign_deleted',
      ]),
    );
  });

  it('lets an analyst read but not change ads', async () => {
    const analyst = await createTestMember(db(), shop, 'analyst');
    expect(Array.isArray(await listCampaigns(db(), analyst))).toBe(true);
    expect((await errorOf(createCampaign(db(), analyst, base()))).code).toBe('forbidden');
    expect((await errorOf(updateAdSettings(db(), analyst, { provider: 'template' }))).code).toBe('forbidden');
    const marketer = await createTestMember(db(), shop, 'marketer');
    expect((await createCampaign(db(), marketer, base())).name).toBe('Summer linen');
  });

  it('seals the API key, never returns it, and decrypts it for the generator', async () => {
    expect(await getAdSettingsView(db(), shop)).toMatchObject({
      provider: 'template',
      keySet: false,
      temperature: 0.7,
    });
    const e = await errorOf(updateAdSettings(db(), shop, { provider: 'openai' }));
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['openaiBaseUrl', 'openaiModel']),
    );

    const view = await updateAdSettings(db(), shop, {
      provider: 'openai',
      openaiBaseUrl: 'http://127.0.0.1:9/v1',
      openaiModel: 'gpt-test',
      openaiKey: 'sk-secret-123',
      bannedWords: 'cheap\nfree',
      requiredTerms: ['Nordwind'],
      temperature: '0.4',
    });
    expect(view).toMatchObject({
      keySet: true,
      bannedWords: ['cheap', 'free'],
      requiredTerms: ['Nordwind'],
      temperature: 0.4,
    });
    expect(JSON.stringify(view)).not.toContain('sk-secret');
    const [stored] = await db().select().from(adSettings).where(eq(adSettings.tenantId, shop.tenantId));
    expect(stored?.openaiKeySealed).toMatch(/^v\d+:/);
    expect(stored?.openaiKeySealed).not.toContain('sk-secret');
    expect(await loadGeneratorSettings(db(), shop)).toEqual({
      provider: 'openai',
      openai: { baseUrl: 'http://127.0.0.1:9/v1', model: 'gpt-test', apiKey: 'sk-secret-123' },
    });
    // A sealed key copied into another workspace does not open there.
    await updateAdSettings(db(), other, {
      provider: 'openai',
      openaiBaseUrl: 'http://127.0.0.1:9/v1',
      openaiModel: 'm',
    });
    await db()
      .update(adSettings)
      .set({ openaiKeySealed: stored?.openaiKeySealed })
      .where(eq(adSettings.tenantId, other.tenantId));
    expect((await errorOf(loadGeneratorSettings(db(), other))).message).toMatch(/cannot be read/);

    // Blank keeps the key; clearing removes it; the audit names the field, never the key.
    await updateAdSettings(db(), shop, {
      provider: 'openai',
      openaiBaseUrl: 'http://127.0.0.1:9/v1',
      openaiModel: 'gpt-test',
      openaiKey: '',
    });
    expect((await getAdSettingsView(db(), shop)).keySet).toBe(true);
    await updateAdSettings(db(), shop, { provider: 'template', clearOpenaiKey: 'on' });
    expect(await getAdSettingsView(db(), shop)).toMatchObject({
      provider: 'template',
      keySet: false,
      bannedWords: [],
    });
    const audits = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, shop.tenantId), eq(auditLog.action, 'ads.settings_updated')));
    expect(audits.length).toBe(3);
    expect(JSON.stringify(audits)).not.toContain('sk-secret');
    expect(JSON.stringify(audits)).toContain('openaiKey');
  });

  it('briefs a segment from its members’ profiles', async () => {
    const vip = await buildSegmentBrief(db(), shop, store.vipSegmentId);
    expect(vip).toMatchObject({
      id: store.vipSegmentId,
      name: 'VIP',
      size: 6,
      topCategories: [{ name: 'Shirts', share: 1 }],
      topBrands: [{ name: 'Nordwind', share: 1 }],
      priceBand: 'premium',
      rfmSegment: 'champions',
    });
    const all = await buildSegmentBrief(db(), shop, null);
    expect(all).toMatchObject({ id: null, name: 'All shoppers', size: 10, priceBand: 'premium' });
    expect(all.topCategories).toEqual([
      { name: 'Shirts', share: 0.6 },
      { name: 'Mugs', share: 0.4 },
    ]);
    expect((await errorOf(buildSegmentBrief(db(), other, store.vipSegmentId))).code).toBe('not_found');
  });

  it('picks sellable products with catalog facts: the segment’s purchases first', async () => {
    const vip = await pickProducts(
      db(),
      shop,
      { productMode: 'recommended', productIds: [] },
      store.vipSegmentId,
      'de',
    );
    expect(vip.map((p) => p.id)).toEqual([store.products.linen, store.products.mug, store.products.lamp]);
    expect(vip[0]).toEqual({
      id: store.products.linen,
      externalId: 'linen',
      title: 'Leinenhemd',
      brand: 'Nordwind',
      category: 'Shirts',
      priceMinor: 4900,
      currency: 'EUR',
      compareAtMinor: 6900,
      discountPercent: 29,
    });
    expect(vip[1]).toMatchObject({ title: 'Steingutbecher', compareAtMinor: null, discountPercent: null });
    const manual = await pickProducts(
      db(),
      shop,
      { productMode: 'manual', productIds: [store.products.vase, store.products.lamp, store.products.scarf] },
      null,
      'ja',
    );
    expect(manual.map((p) => p.title)).toEqual(['Desk Lamp']); // archived and sold-out left out; ja → first title
    expect(
      await pickProducts(
        db(),
        other,
        { productMode: 'manual', productIds: [store.products.lamp] },
        null,
        'en',
      ),
    ).toEqual([]);
  });
});
