// The recommendations endpoint on a real database with a small trained model: keys, tenant
// isolation, validation, explanations, rules and the no-model fallback.
import { beforeAll, describe, expect, it } from 'vitest';
import { placements } from '@/db/schema';
import { ApiKeyCache } from '@/lib/api/key-cache';
import { createApiKey } from '@/lib/apikeys/service';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { upsertStorefrontSettings } from '@/lib/storefront/queries';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { createRecommendHandler } from './handler';
import type { RecommendationResult } from './service';
import { clearRecommendLookups } from './serve/lookups';
import { clearServingModels } from './serve/registry';
import { type SeededStore, seedSyntheticStore } from './serve/test-seed';
import { STORE_CUTOFF } from './test-store';
import { trainWorkspaceModel } from './train/service';

const SHOP = 'https://shop.example';
const BASE = 'http://tailor.test/api/v1/recommendations';
const generous = () => new TokenBucketLimiter({ ratePerSecond: 1e6, burst: 1e6 });

describe.each(testDrivers())('GET /api/v1/recommendations handler (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let store: SeededStore;
  let sk = '';
  let pk = '';
  let skB = '';
  const handle = (query: string, headers: Record<string, string> = {}) =>
    createRecommendHandler({ keys: new ApiKeyCache(), keyLimiter: generous(), clientLimiter: generous() })(
      new Request(`${BASE}?${query}`, { headers }),
    );
  const secret = (key = sk) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'rha')).ctx;
    b = (await createTestTenant(db, 'rhb')).ctx;
    store = await seedSyntheticStore(db, a);
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
    sk = (await createApiKey(db, a, { kind: 'secret', name: 'server' })).key;
    pk = (await createApiKey(db, a, { kind: 'publishable', name: 'shop', allowedOrigins: SHOP })).key;
    skB = (await createApiKey(db, b, { kind: 'secret', name: 'b' })).key;
    // No holdout arm here: a placement request for a shopper would otherwise land in the
    // non-personal holdout for ~10 % of random tenant ids (storefront-serving.test.ts covers it).
    await upsertStorefrontSettings(db, a, { holdoutShare: 0 });
    await db.insert(placements).values([
      { tenantId: a.tenantId, key: 'home', name: 'Home', scenario: 'for_you', count: 4 },
      {
        tenantId: a.tenantId,
        key: 'pinned',
        name: 'Pinned',
        scenario: 'trending',
        count: 5,
        rules: { pins: [{ productId: store.productIds[7]!, position: 2 }], excludeBrands: ['Globex'] },
      },
      { tenantId: b.tenantId, key: 'b-only', name: 'B', scenario: 'trending', count: 3 },
    ]);
  }, 180_000);

  it('secret key: a known customer gets personal picks with reasons in the requested locale', async () => {
    const res = await handle(`placement=home&shopper=${store.customerIds[0]}&explain=1&locale=de`, secret());
    expect(res.status).toBe(200);
    const body = (await res.json()) as RecommendationResult;
    expect(body).toMatchObject({
      placement: 'home',
      scenario: 'for_you',
      variant: 'personalized',
      model: { version: 1 },
    });
    expect(body.model?.trainedAt).toEqual(expect.any(String));
    expect(body.fallback).toBeUndefined();
    expect(body.items).toHaveLength(4);
    const first = body.items[0]!;
    expect(first.title).toMatch(/^Produkt /);
    expect(first.price).toEqual({ amountMinor: expect.any(Number), currency: 'EUR' });
    expect(first.reasons?.[0]?.text).toEqual(expect.any(String));
    expect(body.items.some((i) => i.reasons?.some((r) => r.kind === 'buy_again'))).toBe(true);
  });

  it('publishable key: personal scenarios fall back, nothing personal in the answer, CORS per origin', async () => {
    const q = `key=${pk}&scenario=buy_again&shopper=${store.customerIds[0]}&explain=1`;
    const res = await handle(q, { origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    const body = (await res.json()) as RecommendationResult;
    expect(body.scenario).toBe('trending');
    expect(body.fallback).toMatch(/visitor/);
    expect(body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/buy_again|Because you liked/);
    expect((await handle(q, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('similar items by the store’s product id; another tenant’s placement or product is a 404', async () => {
    const ok = await handle(`scenario=similar&item=${store.externalIds[0]}&k=3`, secret());
    const body = (await ok.json()) as RecommendationResult;
    expect(body.items).toHaveLength(3);
    expect(body.items.map((i) => i.externalId)).not.toContain(store.externalIds[0]);

    for (const res of [
      await handle('placement=b-only', secret()),
      await handle(`scenario=similar&item=${store.productIds[0]}`, secret(skB)),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it('rejects bad parameters in the one error shape', async () => {
    for (const q of ['scenario=trending&k=0', 'scenario=trending&k=abc', 'scenario=trending&k=500']) {
      const res = await handle(q, secret());
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields.k).toHaveLength(1);
    }
    expect((await handle('k=3', secret())).status).toBe(422);
    expect((await handle('scenario=nope', secret())).status).toBe(422);
    expect((await handle('scenario=trending')).status).toBe(401);
  });

  it('applies the placement rules: pins and brand exclusions, explained', async () => {
    const res = await handle('placement=pinned&explain=1', secret());
    const body = (await res.json()) as RecommendationResult;
    expect(body.items).toHaveLength(5);
    expect(body.items[1]!.productId).toBe(store.productIds[7]);
    expect(body.items[1]!.reasons?.some((r) => r.kind === 'rule')).toBe(true);
    // Odd items are Globex, excluded, except the pin the merchant chose by hand.
    const others = body.items.filter((_, i) => i !== 1);
    expect(others.every((i) => store.productIds.indexOf(i.productId) % 2 === 0)).toBe(true);
  });

  it('without a trained model, answers best sellers with a fallback note, never an error', async () => {
    const res = await handle('scenario=for_you&k=3', secret(skB));
    expect(res.status).toBe(200);
    const body = (await res.json()) as RecommendationResult;
    expect(body.model).toBeNull();
    expect(body.fallback).toMatch(/No model/);
    expect(body.items).toEqual([]);
  });
});
