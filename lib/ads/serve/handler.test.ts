// The ad endpoints on a real database: decisions per placement, locale, segment and dates, the
// bandit learning from counters, experiments, auto-pause, feedback counting with dedupe, tokens
// that are forged, expired or another workspace's, and tenant isolation.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adArmStats, adCreatives, adExperiments, adLinucbState } from '@/db/schema';
import { createRng } from '@/lib/ads/bandit/rng';
import type { AdDecision } from '@/lib/ads/types';
import { ApiKeyCache } from '@/lib/api/key-cache';
import { createApiKey } from '@/lib/apikeys/service';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { createSegment } from '@/lib/segments/service';
import { seedShoppers } from '@/lib/segments/testing/seed';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { invalidateAdServing } from './cache';
import { type AdHandlerOptions, createAdDecisionHandler, createAdFeedbackHandler } from './handler';
import { seedAdCampaign } from './test-seed';
import { TOKEN_TTL_MS } from './token';

const SHOP = 'https://shop.example';
const BASE = 'http://tailor.test/api/v1/ads';
const generous = () => new TokenBucketLimiter({ ratePerSecond: 1e6, burst: 1e6 });

describe.each(testDrivers())('ad decide and feedback handlers (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const db = () => h().db;
  let a: TenantContext;
  let b: TenantContext;
  let sk = '';
  let pk = '';
  let skB = '';
  let hero: { campaignId: string; creativeIds: string[] };

  // One key cache for the file: each request then skips the key lookup, as in production.
  const keys = new ApiKeyCache();
  const opts = (o: AdHandlerOptions = {}): AdHandlerOptions => ({
    keys,
    keyLimiter: generous(),
    clientLimiter: generous(),
    ...o,
  });
  const decide = async (query: string, headers: Record<string, string> = {}, o: AdHandlerOptions = {}) =>
    createAdDecisionHandler(opts(o))(new Request(`${BASE}/decide?${query}`, { headers }));
  const decision = async (query: string, key = sk, o: AdHandlerOptions = {}) => {
    const res = await decide(query, { authorization: `Bearer ${key}` }, o);
    expect(res.status).toBe(200);
    return ((await res.json()) as { decision: AdDecision }).decision;
  };
  const feedback = (body: unknown, key = sk, o: AdHandlerOptions = {}) =>
    createAdFeedbackHandler(opts(o))(
      new Request(`${BASE}/feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const stats = async (creativeId: string, contextKey = '') =>
    (
      await db()
        .select()
        .from(adArmStats)
        .where(and(eq(adArmStats.creativeId, creativeId), eq(adArmStats.contextKey, contextKey)))
    )[0];

  beforeAll(async () => {
    a = (await createTestTenant(db(), 'ads-a')).ctx;
    b = (await createTestTenant(db(), 'ads-b')).ctx;
    sk = (await createApiKey(db(), a, { kind: 'secret', name: 'server' })).key;
    pk = (await createApiKey(db(), a, { kind: 'publishable', name: 'shop', allowedOrigins: SHOP })).key;
    skB = (await createApiKey(db(), b, { kind: 'secret', name: 'b' })).key;
    hero = await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'hero',
      locales: ['en', 'de'],
      productExternalId: 'SKU-1',
      optimization: { autoPause: false },
      creatives: [
        { headline: 'Summer shirts' },
        { headline: 'Fresh shirts for summer' },
        { headline: 'Shirts you will love' },
        { headline: 'Sommerhemden', locale: 'de', cta: 'Jetzt kaufen' },
        { headline: 'Not approved yet', status: 'candidate' },
      ],
    });
  }, 120_000);

  it('serves an approved creative of the placement in the request language, with CORS for a storefront', async () => {
    const res = await decide(`key=${pk}&placement=hero&locale=de-CH&visitor=v1`, { origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    const { decision } = (await res.json()) as { decision: AdDecision };
    expect(decision).toMatchObject({
      creativeId: hero.creativeIds[3],
      campaignId: hero.campaignId,
      locale: 'de',
      channel: 'banner',
      fields: { headline: ['Sommerhemden'], cta: ['Jetzt kaufen'] },
      url: '/p/SKU-1',
      imageUrl: 'https://img.example/SKU-1.jpg',
      via: 'bandit',
    });
    expect(decision.token).toMatch(/^\d+\.[\w-]+\.[\w-]{43}$/);
    expect((await decide(`key=${pk}&placement=hero`, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('falls back to English, never serves a candidate, and answers 204 when nothing serves', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) seen.add((await decision('placement=hero&locale=fr')).creativeId);
    expect([...seen].sort()).toEqual(hero.creativeIds.slice(0, 3).sort());
    for (const q of ['placement=nowhere', 'placement=hero&locale=en']) {
      const key = q.includes('nowhere') ? sk : skB;
      const res = await decide(q, { authorization: `Bearer ${key}` });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
    }
  });

  it('respects campaign status and dates', async () => {
    await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'paused',
      status: 'paused',
      creatives: [{ headline: 'x' }],
    });
    await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'later',
      startsOn: '2999-01-01',
      creatives: [{ headline: 'x' }],
    });
    await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'over',
      endsOn: '2000-01-01',
      creatives: [{ headline: 'x' }],
    });
    await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'now',
      startsOn: '2000-01-01',
      endsOn: '2999-12-31',
      creatives: [{ headline: 'On now' }],
    });
    invalidateAdServing(a.tenantId);
    for (const p of ['paused', 'later', 'over']) {
      expect((await decide(`placement=${p}`, { authorization: `Bearer ${sk}` })).status).toBe(204);
    }
    expect((await decision('placement=now')).fields.headline).toEqual(['On now']);
  });

  it('rejects bad parameters in the one error shape', async () => {
    const res = await decide('placement=a%20b&device=phone', { authorization: `Bearer ${sk}` });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['device', 'placement']);
  });

  it('counts an impression and a click once per token, in memory and in ad_arm_stats', async () => {
    const d = await decision('placement=hero&locale=en');
    const r1 = await feedback({ token: d.token, type: 'impression' });
    expect(r1.status).toBe(202);
    expect(await r1.json()).toEqual({ counted: true });
    expect(await (await feedback({ token: d.token, type: 'impression' })).json()).toEqual({ counted: false });
    expect(await (await feedback({ token: d.token, type: 'click' })).json()).toEqual({ counted: true });
    expect(await stats(d.creativeId)).toMatchObject({
      impressions: 1,
      clicks: 1,
      conversions: 0,
      campaignId: hero.campaignId,
    });
  });

  it('refuses forged, expired and foreign tokens and bad bodies', async () => {
    const d = await decision('placement=hero&locale=en');
    const last = d.token.at(-1) === 'A' ? 'B' : 'A';
    const forged = `${d.token.slice(0, -1)}${last}`;
    const cases: [unknown, string, number, AdHandlerOptions?][] = [
      [{ token: forged, type: 'click' }, sk, 422],
      [{ token: 'not-a-token', type: 'click' }, sk, 422],
      [{ token: d.token, type: 'click' }, skB, 422],
      [{ token: d.token, type: 'click' }, sk, 422, { now: () => Date.now() + TOKEN_TTL_MS + 60_000 }],
      [{ token: d.token, type: 'hover' }, sk, 422],
      ['{not json', sk, 400],
    ];
    for (const [body, key, status, o] of cases) {
      const res = await feedback(body, key, o);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(
        /validation_failed|bad_request/,
      );
    }
    expect(await stats(d.creativeId).then((s) => s?.clicks ?? 0)).toBeLessThanOrEqual(1);
  });

  it('Thompson sampling follows the counters, the floor keeps every arm served', async () => {
    const c = await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'learn',
      optimization: { autoPause: false, explorationFloor: 0.05 },
      creatives: [{ headline: 'A' }, { headline: 'B' }, { headline: 'C' }],
    });
    await db()
      .insert(adArmStats)
      .values(
        c.creativeIds.map((creativeId, i) => ({
          tenantId: a.tenantId,
          creativeId,
          campaignId: c.campaignId,
          impressions: 2_000,
          clicks: i === 1 ? 200 : 20,
        })),
      );
    invalidateAdServing(a.tenantId);
    const counts = new Map<string, number>();
    const rng = createRng(11);
    for (let i = 0; i < 300; i++) {
      const id = (await decision('placement=learn', sk, { rng })).creativeId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.get(c.creativeIds[1]!) ?? 0).toBeGreaterThan(200);
    for (const id of c.creativeIds) expect(counts.get(id) ?? 0).toBeGreaterThan(0);
  });

  it('auto-pauses a clear loser after 500 impressions, with the reason', async () => {
    const c = await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'prune',
      creatives: [{ headline: 'A' }, { headline: 'B' }, { headline: 'C' }],
    });
    await db()
      .insert(adArmStats)
      .values(
        c.creativeIds.map((creativeId, i) => ({
          tenantId: a.tenantId,
          creativeId,
          campaignId: c.campaignId,
          impressions: 1_000,
          clicks: i === 0 ? 2 : 80,
        })),
      );
    invalidateAdServing(a.tenantId);
    for (let i = 0; i < 30; i++)
      expect((await decision('placement=prune')).creativeId).not.toBe(c.creativeIds[0]);
    const [row] = await db().select().from(adCreatives).where(eq(adCreatives.id, c.creativeIds[0]!));
    expect(row).toMatchObject({
      status: 'paused',
      pausedReason: expect.stringMatching(/^auto: probability to be best/),
    });
  });

  it('a running experiment assigns each visitor a stable arm and counts under exp:<id>', async () => {
    const c = await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'ab',
      creatives: [{ headline: 'Control' }, { headline: 'Variant' }],
    });
    const [exp] = await db()
      .insert(adExperiments)
      .values({
        tenantId: a.tenantId,
        campaignId: c.campaignId,
        name: 'Headline test',
        status: 'running',
        creativeIds: c.creativeIds,
        plan: { baselineRate: 0.02, minDetectableLift: 0.2, alpha: 0.05, power: 0.8, perArm: 10_000 },
        salt: 'fixed-salt',
      })
      .returning({ id: adExperiments.id });
    invalidateAdServing(a.tenantId);
    const arms = new Set<string>();
    for (let v = 0; v < 20; v++) {
      const first = await decision(`placement=ab&visitor=visitor-${v}`);
      expect(first.via).toBe('experiment');
      expect((await decision(`placement=ab&visitor=visitor-${v}`)).creativeId).toBe(first.creativeId);
      arms.add(first.creativeId);
    }
    expect(arms.size).toBe(2);
    expect((await decision('placement=ab')).via).toBe('bandit');
    const d = await decision('placement=ab&visitor=visitor-3');
    await feedback({ token: d.token, type: 'impression' });
    expect(await stats(d.creativeId, `exp:${exp!.id}`)).toMatchObject({ impressions: 1 });
    expect(await stats(d.creativeId, '')).toMatchObject({ impressions: 1 });
  });

  it('serves segment creatives to members (secret key shopper=), general ones to others', async () => {
    const [member] = await seedShoppers(db(), a.tenantId, [
      { country: 'DE', externalId: 'cust-de' },
      { country: 'FR', externalId: 'cust-fr' },
    ]);
    expect(member).toBeDefined();
    const seg = await createSegment(db(), a, {
      name: 'Germany',
      rules: { conditions: [{ field: 'country', op: 'eq', value: 'DE' }] },
    });
    await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'seg',
      segmentIds: [seg.id],
      creatives: [{ headline: 'For Germany', segmentId: seg.id }, { headline: 'For everyone' }],
    });
    invalidateAdServing(a.tenantId);
    const de = await decision('placement=seg&shopper=cust-de');
    expect(de.fields.headline).toEqual(['For Germany']);
    await feedback({ token: de.token, type: 'impression' });
    expect(await stats(de.creativeId, `segment:${seg.id}`)).toMatchObject({ impressions: 1 });
    expect((await decision('placement=seg&shopper=cust-fr')).fields.headline).toEqual(['For everyone']);
    expect((await decision('placement=seg')).fields.headline).toEqual(['For everyone']);
  });

  it('LinUCB campaigns sign the context into the token and store A and b', async () => {
    const c = await seedAdCampaign(db(), a.tenantId, {
      placementKey: 'lin',
      locales: ['en', 'de'],
      optimization: { policy: 'linucb', alpha: 1 },
      creatives: [{ headline: 'One' }, { headline: 'Two' }],
    });
    invalidateAdServing(a.tenantId);
    const d = await decision('placement=lin&locale=en&device=mobile');
    await feedback({ token: d.token, type: 'impression' });
    await feedback({ token: d.token, type: 'click' });
    const [row] = await db().select().from(adLinucbState).where(eq(adLinucbState.creativeId, d.creativeId));
    // Layout [bias | no segments | en de | mobile desktop tablet]: x = e0 + e1 + e3.
    expect(row).toMatchObject({ campaignId: c.campaignId, dimensions: 6 });
    expect(row!.b).toEqual([1, 1, 0, 1, 0, 0]);
    expect(row!.a[0]).toBe(2);
    expect(row!.a[1 * 6 + 3]).toBe(1);
    expect(row!.a[2 * 6 + 2]).toBe(1);
  });
});
