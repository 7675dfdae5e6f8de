import { beforeAll, describe, expect, it } from 'vitest';
import { createPlacement } from '@/lib/placements/service';
import { seedPredictionFixture } from '@/lib/predict/data-fixture';
import { getShopperScores, listScoredShoppers } from '@/lib/predict/service';
import { trainPredictions } from '@/lib/predict/service-train';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { updateStorefrontSettings } from '@/lib/storefront/service';
import { createTestTenant } from '@/lib/testing/fixtures';
import { type CliContext, CliError, UsageError } from '../command';
import { runCliCaptured, testCliContext } from '../testing/in-process';
import { explain } from './explain';
import { parseExplainTarget } from './explain-format';

const END = new Date('2025-06-01T00:00:00Z');

/** Runs `tailor …` with only the explain command, capturing output; none of these reach the database. */
function usage(...argv: string[]) {
  return runCliCaptured(argv, [explain]);
}

describe('tailor explain flags', () => {
  it('needs exactly one of --model and --placement, and a known model', async () => {
    expect(() => parseExplainTarget({ model: 'churn', placement: 'home' })).toThrow(
      'Pass either --model or --placement, not both.',
    );
    expect(() => parseExplainTarget({})).toThrow(UsageError);
    expect(() => parseExplainTarget({ model: 'preference' })).toThrow(
      '--model must be one of churn, propensity, clv, got "preference".',
    );
    expect(parseExplainTarget({ model: ' CLV ' })).toEqual({ kind: 'model', model: 'clv' });
    expect(parseExplainTarget({ placement: 'home' })).toEqual({ kind: 'placement', placement: 'home' });

    const both = await usage(
      'explain',
      '--workspace',
      'x',
      '--shopper',
      'y',
      '--model',
      'churn',
      '--placement',
      'p',
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Pass either --model or --placement, not both.');
    expect(both.stderr).toContain('Usage: tailor explain');
    const missing = await usage('explain', '--workspace', 'x', '--model', 'churn');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --shopper.');
  });
});

describe.each(testDrivers())('tailor explain against a workspace (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let shopper: string;
  const out: string[] = [];
  const ctx = (): CliContext => testCliContext(() => h().db, out);
  const run = async (o: Parameters<typeof explain.run>[1]) => {
    out.length = 0;
    const code = await explain.run(ctx(), { workspace: shop.slug, shopper, ...o });
    return { code, text: out.join('\n') };
  };

  beforeAll(async () => {
    const db = h().db;
    shop = (await createTestTenant(db, 'cli-explain')).ctx;
    await seedPredictionFixture(db, shop.tenantId, { customers: 160, days: 300, end: END, seed: 3 });
    await trainPredictions(db, shop, { kinds: ['churn', 'clv'], end: END });
    await trainWorkspaceModel(db, shop, { asOf: END });
    await createPlacement(db, shop, { key: 'home', name: 'Home', scenario: 'for_you', count: 3, titles: {} });
    // The explanation is what the shopper sees: with the default 10 % uplift holdout, a random
    // shopper id lands in the non-personal arm one run in ten. No holdout keeps this test's arm fixed.
    await updateStorefrontSettings(db, shop, { holdoutPercent: 0 });
    for (const top of await listScoredShoppers(db, shop, 'clv', { order: 'desc', limit: 20 })) {
      if ((await getShopperScores(db, shop, top.shopperId)).churn) {
        shopper = top.shopperId;
        break;
      }
    }
    expect(shopper).toBeDefined();
  }, 180_000);

  it('prints score, baseValue and contributions that add up, for churn and clv', async () => {
    for (const model of ['churn', 'clv']) {
      const { code, text } = await run({ model, json: true });
      expect(code).toBe(0);
      const body = JSON.parse(text) as {
        score: number;
        baseValue: number;
        total: number;
        link: string;
        contributions: { feature: string; label: string; value: string; contribution: number }[];
      };
      expect(body.contributions.length).toBeGreaterThan(0);
      for (const c of body.contributions)
        expect(Object.keys(c)).toEqual(['feature', 'label', 'value', 'contribution']);
      const sum = body.contributions.reduce((s, c) => s + c.contribution, body.baseValue);
      expect(Math.abs(sum - body.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(body.total)));
      expect(body.score).toBeCloseTo(model === 'churn' ? 1 / (1 + Math.exp(-body.total)) : body.total, 9);
    }
    const human = await run({ model: 'churn' });
    expect(human.text).toMatch(
      new RegExp(`^Churn risk of ${shopper}: \\d+\\.\\d% \\(typical shopper \\d+\\.\\d%\\)`),
    );
    expect(human.text).toContain('FEATURE');
    expect(human.text).toMatch(/log-odds → \d+\.\d%$/);
  });

  it('prints a placement’s list with each item’s reasons and shares', async () => {
    const { code, text } = await run({ placement: 'home', json: true });
    expect(code).toBe(0);
    const body = JSON.parse(text) as {
      placement: string;
      items: { productId: string; reasons: { kind: string; text: string; contribution: number }[] }[];
    };
    expect(body.placement).toBe('home');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.reasons.length > 0 && i.reasons.every((r) => r.text.length > 0))).toBe(
      true,
    );
    const human = await run({ placement: 'home' });
    expect(human.text).toMatch(/^Placement home \(for_you\) for /);
    expect(human.text).toMatch(/\n1\. .+ score \d\.\d{3}\n {3}- .+ \[/);
  });

  it('says clearly what was not found', async () => {
    await expect(explain.run(ctx(), { workspace: 'no-such', shopper, model: 'churn' })).rejects.toThrow(
      'Workspace not found: no-such',
    );
    await expect(run({ shopper: 'nobody', model: 'churn' })).rejects.toThrow(
      `Shopper not found in workspace ${shop.slug}: nobody`,
    );
    await expect(run({ placement: 'nope' })).rejects.toThrow(
      `Placement not found in workspace ${shop.slug}: nope`,
    );
    await expect(run({ model: 'propensity' })).rejects.toThrow(CliError);
    await expect(run({ model: 'propensity' })).rejects.toThrow(
      'No live purchase propensity model: train predictions first.',
    );
  });
});
