import { beforeAll, describe, expect, it } from 'vitest';
import { listPredictionModels } from '@/lib/predict/service';
import { seedPredictionFixture } from '@/lib/predict/data-fixture';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { TenantContext } from '@/lib/tenant/context';
import { type CliContext, UsageError } from '../command';
import { runCliCaptured, testCliContext } from '../testing/in-process';
import { predictEvaluate, predictTrain } from './predict';
import { parsePredictFlags } from './predict-format';

const END = new Date('2025-06-01T00:00:00Z');

/** Runs `tailor …` with only the predict commands, capturing output; none of these reach the database. */
function usage(...argv: string[]) {
  return runCliCaptured(argv, [predictTrain, predictEvaluate]);
}

describe('tailor predict flags', () => {
  it('rejects an unknown model, a bad date, a horizon out of range and a misplaced protocol', async () => {
    expect(() => parsePredictFlags({ model: 'ltv' })).toThrow(
      /--model must be one of churn, propensity, preference, clv/,
    );
    expect(() => parsePredictFlags({ asof: 'yesterday' })).toThrow(/--asof must be an ISO date/);
    expect(() => parsePredictFlags({ horizon: '0' })).toThrow(
      /--horizon must be a whole number of days from 1 to 365/,
    );
    expect(() => parsePredictFlags({ horizon: '400' })).toThrow(UsageError);
    expect(() => parsePredictFlags({ horizon: '7.5' })).toThrow(UsageError);
    expect(() => parsePredictFlags({ model: 'clv', protocol: 'cv5' })).toThrow(
      /--protocol applies to --model churn or propensity/,
    );
    expect(() => parsePredictFlags({ model: 'churn', protocol: 'bootstrap' })).toThrow(
      /--protocol must be one of temporal, cv5/,
    );
    expect(parsePredictFlags({ model: 'Churn', asof: '2011-09-10', horizon: '90', protocol: 'cv5' })).toEqual(
      {
        kind: 'churn',
        asOf: new Date('2011-09-10T00:00:00Z'),
        horizonDays: 90,
        protocol: 'cv5',
      },
    );

    const bad = await usage(
      'predict',
      'evaluate',
      '--workspace',
      'x',
      '--model',
      'nope',
      '--asof',
      '2024-01-01',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--model must be one of churn, propensity, preference, clv, got "nope".');
    expect(bad.stderr).toContain('Usage: tailor predict evaluate');
    const missing = await usage('predict', 'evaluate', '--workspace', 'x', '--model', 'churn');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --asof.');
    const horizon = await usage('predict', 'train', '--workspace', 'x', '--horizon', '30');
    expect(horizon.code).toBe(2);
    expect(horizon.stderr).toContain('--horizon needs --model.');
  });
});

describe.each(testDrivers())('tailor predict against a workspace (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  const out: string[] = [];
  const ctx = (): CliContext => testCliContext(() => h().db, out);

  beforeAll(async () => {
    shop = (await createTestTenant(h().db, 'cli-predict')).ctx;
    await seedPredictionFixture(h().db, shop.tenantId, { customers: 400, days: 400, end: END, seed: 11 });
  }, 120_000);

  it('prints a churn evaluation as JSON with the metrics at the top level and both baselines', {
    timeout: 120_000,
  }, async () => {
    out.length = 0;
    const code = await predictEvaluate.run(ctx(), {
      workspace: shop.slug,
      model: 'churn',
      asof: '2025-03-01',
      json: true,
    });
    expect(code).toBe(0);
    const body = JSON.parse(out.join('\n')) as Record<string, unknown>;
    for (const key of ['auc', 'prAuc', 'brier', 'baseRate', 'n'])
      expect(typeof body[key], key).toBe('number');
    expect(body).toMatchObject({
      kind: 'churn',
      protocol: 'temporal',
      horizonDays: 90,
      asOf: '2025-03-01T00:00:00.000Z',
    });
    expect(body.trainAsOf).toBe('2024-12-01T00:00:00.000Z');
    const baselines = body.baselines as Record<string, { auc: number; n: number }>;
    expect(baselines.recency!.n).toBe(body.n);
    expect(baselines.baseRate!.auc).toBe(0.5);
    expect(body.auc as number).toBeGreaterThan(0.5);
    expect(await listPredictionModels(h().db, shop)).toEqual([]);
  });

  it('prints a table for preference and trains one model as JSON', { timeout: 120_000 }, async () => {
    out.length = 0;
    expect(
      await predictEvaluate.run(ctx(), { workspace: shop.slug, model: 'preference', asof: '2025-03-01' }),
    ).toBe(0);
    expect(out[0]).toContain(`${shop.slug}: next category within 30 days as of 2025-03-01`);
    expect(out[1]).toMatch(/^SCORER\s+HIT@1\s+HIT@3\s+LOG LOSS/);
    out.length = 0;
    const code = await predictTrain.run(ctx(), {
      workspace: shop.slug,
      model: 'preference',
      asof: '2025-05-01',
      json: true,
    });
    expect(code).toBe(0);
    const body = JSON.parse(out.join('\n')) as {
      end: string;
      results: { kind: string; status: string; version: number }[];
    };
    expect(body.end).toBe('2025-05-01T00:00:00.000Z');
    expect(body.results).toMatchObject([{ kind: 'preference', status: 'ready', version: 1 }]);
    const [model] = await listPredictionModels(h().db, shop, 'preference');
    expect(model).toMatchObject({ live: true, asOf: new Date('2025-05-01T00:00:00Z') });
  });
});
