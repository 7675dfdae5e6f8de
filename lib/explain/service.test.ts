// Explanations of one shopper through the service, the page loader and the REST API: waterfalls
// that add up to the stored score, reasons of a placement's list, and another workspace's shopper
// (or a workspace without live models) is "not found". Both database drivers.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/shoppers/[id]/explanations/route';
import { shoppers } from '@/db/schema';
import { createApiKey } from '@/lib/apikeys/service';
import { createPlacement } from '@/lib/placements/service';
import { seedPredictionFixture } from '@/lib/predict/data-fixture';
import { getShopperScores, listScoredShoppers } from '@/lib/predict/service';
import { trainPredictions } from '@/lib/predict/service-train';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { explainShopperRecommendations, explainShopperScore } from './service';
import { loadShopperExplanations } from './view';

const END = new Date('2025-06-01T00:00:00Z');

const call = (key: string, id: string, model?: string) =>
  GET(
    new Request(`http://x/api/v1/shoppers/${id}/explanations${model ? `?model=${model}` : ''}`, {
      headers: { authorization: `Bearer ${key}` },
    }),
    { params: Promise.resolve({ id }) },
  );

describe.each(testDrivers())('explanations of a shopper (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let customer: string;
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'explain-a')).ctx;
    b = (await createTestTenant(db, 'explain-b')).ctx;
    await seedPredictionFixture(db, a.tenantId, { customers: 160, days: 300, end: END, seed: 5 });
    await trainPredictions(db, a, { kinds: ['churn', 'propensity', 'clv'], end: END });
    // A recommendation model over the same orders (without one, serving falls back to the last
    // 30 days' best sellers, and the fixture ends long before today).
    await trainWorkspaceModel(db, a, { asOf: END });
    await createPlacement(db, a, { key: 'home', name: 'Home', scenario: 'for_you', count: 4, titles: {} });
    await db.insert(shoppers).values({ tenantId: b.tenantId, kind: 'customer', externalId: 'C-1' });
    // A customer scored by all three kinds (clv and churn need a paid order; propensity follows).
    for (const top of await listScoredShoppers(db, a, 'clv', { order: 'desc', limit: 50 })) {
      const kinds = await getShopperScores(db, a, top.shopperId);
      if (kinds.churn && kinds.propensity && kinds.clv) {
        customer = top.shopperId;
        break;
      }
    }
    expect(customer).toBeDefined();
    keyA = (await createApiKey(db, a, { kind: 'secret', name: 'server' })).key;
    keyB = (await createApiKey(db, b, { kind: 'secret', name: 'server' })).key;
  }, 180_000);

  it('explains each live model so that base + Σ contributions = total = the stored score', async () => {
    const stored = await getShopperScores(h().db, a, customer);
    for (const kind of ['churn', 'propensity', 'clv'] as const) {
      const e = await explainShopperScore(h().db, a, customer, kind);
      const sum = e.contributions.reduce((s, c) => s + c.contribution, e.baseValue);
      expect(Math.abs(sum - e.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e.total)));
      const score = e.link === 'logit' ? 1 / (1 + Math.exp(-e.total)) : e.total;
      expect(score).toBeCloseTo(stored[kind]!.score, 6);
      expect(e.contributions.every((c) => c.label.length > 0 && c.value.length > 0)).toBe(true);
    }
  });

  it('finds the shopper by the store’s customer id too, and not in another workspace', async () => {
    const [row] = await h()
      .db.select({ externalId: shoppers.externalId })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, a.tenantId), eq(shoppers.id, customer)));
    const byExternal = await explainShopperScore(h().db, a, row!.externalId!, 'churn');
    expect(byExternal.shopperId).toBe(customer);
    await expect(explainShopperScore(h().db, b, customer, 'churn')).rejects.toThrow('Shopper not found.');
    await expect(explainShopperScore(h().db, b, 'C-1', 'churn')).rejects.toThrow(
      'No live churn risk model: train predictions first.',
    );
  });

  it('answers the REST API with the one error shape', async () => {
    const ok = await call(keyA, customer, 'propensity');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      data: { model: string; baseValue: number; contributions: unknown[] };
    };
    expect(body.data.model).toBe('propensity');
    expect(body.data.contributions.length).toBeGreaterThan(0);
    const bad = await call(keyA, customer, 'preference');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'model must be one of churn, propensity, clv.',
        fields: { model: ['model must be one of churn, propensity, clv.'] },
      },
    });
    const other = await call(keyB, customer, 'churn');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'Shopper not found.' } });
  });

  it('explains a placement’s list with reasons whose shares come with each item', async () => {
    const rec = await explainShopperRecommendations(h().db, a, customer, 'home', 'en');
    expect(rec.placement).toBe('home');
    expect(rec.items.length).toBeGreaterThan(0);
    for (const item of rec.items) {
      expect(item.reasons?.length).toBeGreaterThan(0);
      for (const r of item.reasons ?? []) expect(typeof r.contribution).toBe('number');
    }
    await expect(explainShopperRecommendations(h().db, a, customer, 'nope', 'en')).rejects.toThrow(
      'Placement not found.',
    );
    await expect(explainShopperRecommendations(h().db, b, customer, 'home', 'en')).rejects.toThrow(
      'Shopper not found.',
    );
  });

  it('loads the page view: picks, waterfalls, unknown shoppers and placements', async () => {
    const view = await loadShopperExplanations(h().db, a, { ref: customer, placement: 'home', locale: 'en' });
    expect(view.liveKinds).toEqual(['churn', 'propensity', 'clv']);
    expect(view.picks.map((p) => p.kind)).toEqual(['churn', 'propensity']);
    expect(view.predictions.every((p) => 'explanation' in p)).toBe(true);
    expect(view.recommendations?.items.length).toBeGreaterThan(0);
    const missing = await loadShopperExplanations(h().db, b, { ref: customer, placement: '', locale: 'en' });
    expect(missing).toMatchObject({ notFound: true, shopper: null, liveKinds: [], picks: [] });
    const wrongPlacement = await loadShopperExplanations(h().db, a, {
      ref: customer,
      placement: 'x',
      locale: 'en',
    });
    expect(wrongPlacement.recommendationError).toBe('Placement not found.');
  });
});
