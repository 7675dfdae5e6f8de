// Recommendations honour personalization consent (lib/recommend/service.ts → ./enforce.ts): a
// shopper who refused it gets exactly the non-personal answer an anonymous visitor gets.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoppers } from '@/db/schema';
import { clearRecommendLookups } from '@/lib/recommend/serve/lookups';
import { clearServingModels } from '@/lib/recommend/serve/registry';
import { type SeededStore, seedSyntheticStore } from '@/lib/recommend/serve/test-seed';
import { getRecommendations, type RecommendationInput } from '@/lib/recommend/service';
import { STORE_CUTOFF } from '@/lib/recommend/test-store';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { recordConsent } from './service';

describe.each(testDrivers())('recommendations and consent (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let store: SeededStore;
  const ask = (input: Partial<RecommendationInput>) =>
    getRecommendations(h().db, a, {
      nonPersonal: false,
      scenario: 'for_you',
      cart: [],
      explain: false,
      k: 6,
      locale: 'en',
      ...input,
    });
  const ids = (r: { items: { externalId: string }[] }) => r.items.map((i) => i.externalId);
  const shopperId = async (externalId: string) =>
    (await h().db.select().from(shoppers).where(eq(shoppers.externalId, externalId)))[0]!.id;

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'crec')).ctx;
    store = await seedSyntheticStore(db, a);
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
  }, 180_000);

  it('serves the anonymous fallback once personalization is denied, and personal results again on a grant', async () => {
    const customer = store.customerIds[0]!;
    const anonymous = await ask({});
    const personal = await ask({ shopper: customer });
    expect(personal.scenario).toBe('for_you');
    expect(ids(personal)).not.toEqual(ids(anonymous));

    const id = await shopperId(customer);
    await recordConsent(h().db, a, id, { personalization: false }, 'api');
    const refused = await ask({ shopper: customer });
    expect(refused.scenario).toBe('trending');
    expect(refused.fallback).toContain('not consented to personalization');
    expect(ids(refused)).toEqual(ids(await ask({ scenario: 'trending' })));
    // Other purposes do not matter here; a new grant restores personal results.
    await recordConsent(h().db, a, id, { personalization: true, advertising: false }, 'api');
    expect(ids(await ask({ shopper: customer }))).toEqual(ids(personal));
  });

  it('opt_in: no personal results without a recorded grant', async () => {
    const customer = store.customerIds[1]!;
    const before = await ask({ shopper: customer });
    expect(before.scenario).toBe('for_you');
    await updatePrivacySettings(h().db, a, { consentMode: 'opt_in' });
    expect((await ask({ shopper: customer })).scenario).toBe('trending');
    await recordConsent(h().db, a, await shopperId(customer), { personalization: true }, 'api');
    expect(ids(await ask({ shopper: customer }))).toEqual(ids(before));
  });
});
