// The storefront contract of GET /api/v1/recommendations (issue 4) and the issue 10 leftovers, on
// a real database with a small trained model: personalisation by the browser's anonymous id only,
// the holdout arm, the visit's views, links/images/widget, content look-alikes for a new product,
// identity stitching and cache invalidation.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, identityLinks, placements, products, shoppers } from '@/db/schema';
import { ApiKeyCache } from '@/lib/api/key-cache';
import { createApiKey } from '@/lib/apikeys/service';
import { createSegment } from '@/lib/segments/service';
import { embedLexical, LEXICAL_DIMENSIONS, LEXICAL_SPACE } from '@/lib/embeddings/lexical';
import { upsertVectors } from '@/lib/embeddings/queries';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { updateStorefrontSettings } from '@/lib/storefront/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { createRecommendHandler } from './handler';
import { setCatalogRevalidateMs } from './serve/catalog-cache';
import { assignVariant } from './serve/holdout';
import { clearRecommendLookups, invalidateRecommendServing } from './serve/lookups';
import { clearServingModels } from './serve/registry';
import { type SeededStore, seedSyntheticStore } from './serve/test-seed';
import type { RecommendationResult } from './service';
import { STORE_CUTOFF } from './test-store';
import { trainWorkspaceModel } from './train/service';

const SHOP = 'https://shop.example';
const BASE = 'http://tailor.test/api/v1/recommendations';
const generous = () => new TokenBucketLimiter({ ratePerSecond: 1e6, burst: 1e6 });

describe.each(testDrivers())('storefront recommendations (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let store: SeededStore;
  let sk = '';
  let pk = '';
  let newProduct = '';
  const call = async (query: string, kind: 'sk' | 'pk' = 'pk'): Promise<RecommendationResult> => {
    const headers: Record<string, string> =
      kind === 'sk' ? { authorization: `Bearer ${sk}` } : { origin: SHOP };
    const q = kind === 'pk' ? `key=${pk}&${query}` : query;
    const res = await createRecommendHandler({
      keys: new ApiKeyCache(),
      keyLimiter: generous(),
      clientLimiter: generous(),
    })(new Request(`${BASE}?${q}`, { headers }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as RecommendationResult;
  };
  const ids = (r: RecommendationResult) => r.items.map((i) => i.externalId);
  const setHoldout = (percent: number) =>
    updateStorefrontSettings(h().db, a, { holdoutPercent: percent, productUrlTemplate: '/p/{handle}' });

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'sfs')).ctx;
    store = await seedSyntheticStore(db, a);
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
    sk = (await createApiKey(db, a, { kind: 'secret', name: 'server' })).key;
    pk = (await createApiKey(db, a, { kind: 'publishable', name: 'shop', allowedOrigins: SHOP })).key;
    await db.insert(placements).values([
      {
        tenantId: a.tenantId,
        key: 'home',
        name: 'Home',
        scenario: 'for_you',
        count: 6,
        titles: { en: 'Picked for you', de: 'Für dich' },
        layout: 'carousel',
      },
      { tenantId: a.tenantId, key: 'plain', name: 'Plain', scenario: 'trending', count: 4 },
    ]);
    // Customer 0 browses as "anon-c0" (linked after signing in); a visitor row of its own exists too.
    const [c0] = await db.select().from(shoppers).where(eq(shoppers.externalId, store.customerIds[0]!));
    await db.insert(shoppers).values({ tenantId: a.tenantId, kind: 'visitor', anonymousId: 'anon-c0' });
    await db
      .insert(identityLinks)
      .values({ tenantId: a.tenantId, anonymousId: 'anon-c0', shopperId: c0!.id });
    await db
      .update(products)
      .set({ attributes: { handle: 'first-product' }, imageUrls: ['https://img.example/0.jpg', 'b.jpg'] })
      .where(eq(products.id, store.productIds[0]!));
    await db
      .update(products)
      .set({ title: { en: 'Merino wool hiking socks' } })
      .where(eq(products.id, store.productIds[3]!));
    const [fresh] = await db
      .insert(products)
      .values({
        tenantId: a.tenantId,
        externalId: 'new-socks',
        title: { en: 'Merino wool hiking socks green' },
        priceMinor: 1200,
        currency: 'EUR',
      })
      .returning({ id: products.id });
    newProduct = fresh!.id;
    const all = await db.select({ id: products.id, title: products.title }).from(products);
    await upsertVectors(db, a, {
      space: LEXICAL_SPACE,
      dims: LEXICAL_DIMENSIONS,
      rows: all.map((p) => ({ productId: p.id, textHash: 'h', vector: embedLexical(p.title.en ?? '') })),
    });
    await setHoldout(0);
    invalidateRecommendServing(a.tenantId);
  }, 180_000);

  it('publishable key + visitor personalizes; shopper= and no visitor stay non-personal', async () => {
    const anonymous = await call('placement=home');
    expect(anonymous.scenario).toBe('trending');
    expect(anonymous.variant).toBeUndefined();
    const visitor = await call('placement=home&visitor=anon-c0');
    expect(visitor).toMatchObject({ scenario: 'for_you', variant: 'personalized' });
    expect(ids(visitor)).not.toEqual(ids(anonymous));
    // The secret-key answer for the customer is what the linked browser gets.
    expect(ids(visitor)).toEqual(ids(await call(`placement=home&shopper=${store.customerIds[0]}`, 'sk')));

    // Explanations on a storefront never quote the shopper's history (buy again, their own items).
    const skReasons = (await call(`placement=home&shopper=${store.customerIds[0]}&explain=1`, 'sk')).items;
    expect(skReasons.some((i) => i.reasons?.some((r) => r.kind === 'buy_again'))).toBe(true);
    const pkReasons = (await call('placement=home&visitor=anon-c0&explain=1')).items;
    expect(
      pkReasons.some((i) => i.reasons?.some((r) => r.kind === 'buy_again' || r.kind === 'collaborative')),
    ).toBe(false);

    const guessed = await call(`placement=home&shopper=${store.customerIds[0]}&explain=1`);
    expect(guessed.scenario).toBe('trending');
    expect(guessed.variant).toBeUndefined();
    expect(ids(guessed)).toEqual(ids(anonymous));
    expect(guessed.fallback).toMatch(/visitor=/);
  });

  it('holdout: stable per visitor, share 0 holds nobody out, the held-out arm gets non-personal trending', async () => {
    await setHoldout(50);
    const candidates = Array.from({ length: 40 }, (_, i) => `anon-h${i}`);
    const held = candidates.find((v) => assignVariant(a.tenantId, v, 0.5) === 'holdout')!;
    const kept = candidates.find((v) => assignVariant(a.tenantId, v, 0.5) === 'personalized')!;
    const [c0] = await h().db.select().from(shoppers).where(eq(shoppers.externalId, store.customerIds[0]!));
    await h()
      .db.insert(identityLinks)
      .values([held, kept].map((anonymousId) => ({ tenantId: a.tenantId, anonymousId, shopperId: c0!.id })));
    const out = await call(`placement=home&visitor=${held}&recent=${store.externalIds[5]}`);
    expect(out).toMatchObject({ scenario: 'trending', variant: 'holdout' });
    expect(ids(out)).toEqual(ids(await call('placement=home')));
    expect((await call(`placement=home&visitor=${held}`)).variant).toBe('holdout');
    const personal = await call(`placement=home&visitor=${kept}`);
    expect(personal).toMatchObject({ scenario: 'for_you', variant: 'personalized' });
    // Without a placement there is no experiment, so no variant.
    expect((await call(`scenario=trending&visitor=${held}`)).variant).toBeUndefined();
    await setHoldout(0);
    expect((await call(`placement=home&visitor=${held}`)).variant).toBe('personalized');
  });

  it('recent views feed recently_viewed and the session re-ranking, for both key kinds', async () => {
    const [x, y, z] = [store.externalIds[5]!, store.externalIds[9]!, store.externalIds[25]!];
    const sent = await call(`scenario=recently_viewed&visitor=fresh-browser&recent=${x},nope,${y}`);
    expect(ids(sent)).toEqual([x, y]);
    expect(ids(await call(`scenario=recently_viewed&recent=${x},${y}`, 'sk'))).toEqual([x, y]);
    // No visitor id on a storefront: nothing personal, the visit's views included.
    expect((await call(`scenario=recently_viewed&recent=${x}`)).scenario).toBe('trending');
    const plain = await call('placement=home&visitor=fresh-browser');
    const steered = await call(`placement=home&visitor=fresh-browser&recent=${z}`);
    expect(ids(steered)).not.toEqual(ids(plain));

    // A secret-key shopper's latest view events count without being sent (newest first).
    const [c1] = await h().db.select().from(shoppers).where(eq(shoppers.externalId, store.customerIds[1]!));
    await h()
      .db.insert(events)
      .values(
        [store.productIds[40]!, store.productIds[41]!].map((productId, i) => ({
          tenantId: a.tenantId,
          eventId: `view-${i}`,
          type: 'view' as const,
          shopperId: c1!.id,
          productId,
          occurredAt: new Date(Date.now() - 60_000 + i * 1_000),
        })),
      );
    const viewed = await call(`scenario=recently_viewed&shopper=${store.customerIds[1]}`, 'sk');
    expect(ids(viewed)).toEqual([store.externalIds[41], store.externalIds[40]]);

    // A browser's own views count (stored, as the events API does, under its visitor shopper);
    // another browser's never do.
    const [visitor] = await h()
      .db.insert(shoppers)
      .values({ tenantId: a.tenantId, kind: 'visitor', anonymousId: 'browser-7' })
      .returning({ id: shoppers.id });
    await h()
      .db.insert(events)
      .values({
        tenantId: a.tenantId,
        eventId: 'view-anon',
        type: 'view',
        anonymousId: 'browser-7',
        shopperId: visitor!.id,
        productId: store.productIds[50]!,
        occurredAt: new Date(Date.now() - 5_000),
      });
    expect(ids(await call('scenario=recently_viewed&visitor=browser-7'))).toEqual([store.externalIds[50]]);
    expect(ids(await call('scenario=recently_viewed&visitor=browser-8'))).toEqual([]);
  });

  it('items carry storefront links and images; a named placement carries its widget', async () => {
    const out = await call(
      `scenario=recently_viewed&recent=${store.externalIds[0]},${store.externalIds[1]}`,
      'sk',
    );
    expect(out.items[0]).toMatchObject({ url: '/p/first-product', imageUrl: 'https://img.example/0.jpg' });
    expect(out.items[1]!.url).toBe(`/p/${store.externalIds[1]}`);
    expect(out.items[1]).not.toHaveProperty('imageUrl');
    expect(out.widget).toBeUndefined();

    const de = await call('placement=home&locale=de-AT');
    expect(de.widget).toEqual({ title: 'Für dich', layout: 'carousel', theme: {} });
    expect((await call('placement=home&locale=fr')).widget?.title).toBe('Picked for you');
    expect((await call('placement=plain')).widget).toEqual({ title: null, layout: 'grid', theme: {} });
    await updateStorefrontSettings(h().db, a, { defaultTitle: 'You may like', theme: { accent: '#112233' } });
    expect((await call('placement=plain')).widget).toEqual({
      title: 'You may like',
      layout: 'grid',
      theme: { accent: '#112233' },
    });
  });

  it('similar for a brand-new product answers its content look-alikes', async () => {
    const out = await call(`scenario=similar&item=new-socks&k=3&explain=1`, 'sk');
    expect(out.items[0]!.externalId).toBe(store.externalIds[3]);
    expect(out.items[0]!.reasons?.[0]?.kind).toBe('content');
    expect(out.fallback).toMatch(/look-alikes/);
    expect(out.items.map((i) => i.productId)).not.toContain(newProduct);
  });

  it('stitches a linked anonymous id to its customer on a secret key', async () => {
    const customer = await call(`scenario=buy_again&shopper=${store.customerIds[0]}`, 'sk');
    expect(customer.items.length).toBeGreaterThan(0);
    expect(ids(await call('scenario=buy_again&shopper=anon-c0', 'sk'))).toEqual(ids(customer));
  });

  it('a price written by an import is visible to the next request once the import invalidates', async () => {
    setCatalogRevalidateMs(3_600_000);
    try {
      const q = `scenario=recently_viewed&recent=${store.externalIds[2]}`;
      const before = (await call(q, 'sk')).items[0]!.price.amountMinor;
      await h().db.update(products).set({ priceMinor: 4242 }).where(eq(products.id, store.productIds[2]!));
      expect((await call(q, 'sk')).items[0]!.price.amountMinor).toBe(before);
      invalidateRecommendServing(a.tenantId); // what the import job, syncs and product webhooks call
      expect((await call(q, 'sk')).items[0]!.price.amountMinor).toBe(4242);
    } finally {
      setCatalogRevalidateMs(5_000);
    }
  });
  it("an audience placement answers its segment's shoppers only", async () => {
    const db = h().db;
    const [c0] = await db.select().from(shoppers).where(eq(shoppers.externalId, store.customerIds[0]!));
    const segment = await createSegment(db, a, {
      name: 'Customer zero',
      rules: { match: 'all', conditions: [{ field: 'kind', op: 'eq', value: 'customer' }] },
    });
    await db.insert(placements).values({
      tenantId: a.tenantId,
      key: 'members',
      name: 'Members only',
      scenario: 'trending',
      count: 4,
      rules: { audienceSegmentId: segment.id },
    });
    invalidateRecommendServing(a.tenantId);
    expect(c0?.kind).toBe('customer');
    const member = await call(`placement=members&shopper=${store.customerIds[0]}`, 'sk');
    expect(member.items.length).toBeGreaterThan(0);
    const stranger = await call('placement=members', 'sk');
    expect(stranger.items).toEqual([]);
    expect(stranger.fallback).toContain('not in the placement’s audience');
    // The browser's anonymous id of customer 0 is stitched to it: a member too.
    expect((await call('placement=members&visitor=anon-c0')).items.length).toBeGreaterThan(0);
    expect((await call('placement=members&visitor=nobody-known')).items).toEqual([]);
  });
});
