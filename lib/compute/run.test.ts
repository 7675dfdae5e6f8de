import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { expandHeldOut, heldOutScores } from '@/lib/fairness/predictions/held-out';
import { syntheticHistories } from '@/lib/predict/binary/synthetic';
import { packHistories } from '@/lib/predict/packed';
import { TooLittleData } from '@/lib/predict/service-evaluate';
import { EmptySplitError } from '@/lib/recommend/eval/evaluate';
import { day } from '@/lib/recommend/models/test-data';
import { STORE_CUTOFF, syntheticStore } from '@/lib/recommend/test-store';
import { errorFromWire, errorToWire } from './errors';
import { runTaskOffThread } from './run';
import { runTaskHere } from './tasks';

const DAY = 86_400_000;

async function fitRequest(n: number) {
  const objects = syntheticHistories(n, 11);
  const times = objects.flatMap((h) => h.orders.map((o) => o.at));
  const end = Math.max(...times) + 1;
  const histories = await packHistories(objects);
  return { kind: 'propensity' as const, histories, objects, opts: { end, first: Math.min(...times) } };
}

describe('compute tasks on a worker thread', () => {
  it('predict.fit gives the same model, evaluation and scores as on this thread', {
    timeout: 120_000,
  }, async () => {
    const req = await fitRequest(400);
    const here = await runTaskHere('predict.fit', req);
    const there = await runTaskOffThread('predict.fit', req);
    expect(there.method).toBe(here.method);
    expect(there.artefact).toEqual(here.artefact);
    expect(there.evaluation).toEqual(here.evaluation);
    expect(there.scores).toEqual(here.scores);
    expect(there.scores.length).toBeGreaterThan(0);
    expect(there.asOf).toBe(req.opts.end - 30 * DAY);
  });

  it('segments.cluster finds the same clusters, labels and silhouettes as this thread', {
    timeout: 120_000,
  }, async () => {
    let seed = 5;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    // Three blobs in 4 dimensions.
    const rows = Array.from({ length: 600 }, (_, i) =>
      Float64Array.from({ length: 4 }, (_, d) => (i % 3) * 4 * (d === i % 3 ? 1 : 0) + random()),
    );
    const input = { rows, seed: 11 };
    const here = await runTaskHere('segments.cluster', input);
    const there = await runTaskOffThread('segments.cluster', input);
    expect(there.k).toBe(here.k);
    expect(Array.from(there.labels)).toEqual(Array.from(here.labels));
    expect(there.centroids.map((c) => Array.from(c))).toEqual(here.centroids.map((c) => Array.from(c)));
    expect(there.silhouettes).toEqual(here.silhouettes);
    expect(new Set(there.labels).size).toBe(there.k);
  });

  it('predict.drift measures today’s population against the card as this thread does', {
    timeout: 120_000,
  }, async () => {
    const req = await fitRequest(300);
    const fitted = await runTaskHere('predict.fit', req);
    expect(fitted.card?.reference).toBeTruthy();
    const input = {
      histories: req.histories,
      end: req.opts.end,
      models: [
        { kind: 'propensity' as const, artefact: fitted.artefact, reference: fitted.card!.reference! },
        { kind: 'churn' as const, artefact: { not: 'a model' }, reference: fitted.card!.reference! },
      ],
    };
    const there = await runTaskOffThread('predict.drift', input);
    expect(there).toEqual(await runTaskHere('predict.drift', input));
    expect('report' in there[0]! && there[0].report.population).toBeGreaterThan(0);
    expect(there[1]).toEqual({ skipped: 'the stored model could not be read' });
  });

  it('brings "too little data" back as TooLittleData', { timeout: 120_000 }, async () => {
    const req = { ...(await fitRequest(5)), histories: await packHistories([]) };
    await expect(runTaskOffThread('predict.fit', req)).rejects.toBeInstanceOf(TooLittleData);
  });

  it('fairness.held-out: the same held-out scores, re-attached to the caller’s histories', {
    timeout: 120_000,
  }, async () => {
    const { histories: packed, objects: histories, opts } = await fitRequest(300);
    const input = { kind: 'churn' as const, histories: packed, asOf: opts.end - 60 * DAY, horizonDays: 60 };
    const here = heldOutScores(input.kind, histories, input);
    const there = expandHeldOut(await runTaskOffThread('fairness.held-out', input), histories);
    expect(there.protocol).toBe(here.protocol);
    expect(there.scores.length).toBe(here.scores.length);
    expect(there.scores.length).toBeGreaterThan(0);
    there.scores.forEach((s, i) => {
      expect(s.history).toBe(here.scores[i]!.history);
      expect(s.score).toBe(here.scores[i]!.score);
      expect(s.label).toBe(here.scores[i]!.label);
    });
  });

  it('fairness.recommendations reports its steps and measures what this thread measures', {
    timeout: 120_000,
  }, async () => {
    const data = syntheticStore();
    const n = data.itemIds.length;
    const input = {
      dataset: data,
      facts: {
        brandId: Int32Array.from({ length: n }, (_, j) => j % 3),
        brandNames: ['alpha', 'beta', 'gamma'],
        priceMinor: Float64Array.from({ length: n }, (_, j) => 100 * (j + 1)),
        publishedAt: Float64Array.from({ length: n }, () => day(0)),
        categoryId: Int32Array.from({ length: n }, (_, j) => Math.floor(j / 20)),
        topCategory: Array.from({ length: n }, (_, j) => `cat${Math.floor(j / 20)}`),
      },
      vectors: null,
      cutoff: STORE_CUTOFF,
      mitigation: { newItemFloor: 0.2, newItemDays: 30, smallBrandFloor: 0, calibration: 0 },
      proposal: false,
    };
    const steps: string[] = [];
    const there = await runTaskOffThread('fairness.recommendations', input, (s) => steps.push(s));
    const here = await runTaskHere('fairness.recommendations', input);
    expect(steps).toEqual(['training', 'recommending', 'measuring']);
    expect({ ...there, durationMs: 0 }).toEqual({ ...here, durationMs: 0 });
  });

  it('recommend.fit serializes the same model as this thread, with its figures', {
    timeout: 120_000,
  }, async () => {
    const data = syntheticStore();
    const input = { data, asOf: STORE_CUTOFF };
    const there = await runTaskOffThread('recommend.fit', input);
    const here = await runTaskHere('recommend.fit', input);
    expect(there.bytes).toBeInstanceOf(Uint8Array);
    expect(there.bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(there.weights).toEqual(here.weights);
    expect(there.metrics.validationNdcg).toBe(here.metrics.validationNdcg);
    expect(there.metrics.validationNdcg).toBeGreaterThan(0);
    expect(there.asOf).toBe(STORE_CUTOFF);
  });

  it('recommend.evaluate reports each model and gives the table this thread gives', {
    timeout: 120_000,
  }, async () => {
    const input = {
      dataset: syntheticStore(),
      cutoff: STORE_CUTOFF,
      protocol: 'all' as const,
      vectors: null,
      bootstrap: { resamples: 50 },
    };
    const steps: string[] = [];
    const there = await runTaskOffThread('recommend.evaluate', input, (name) => steps.push(name));
    const here = await runTaskHere('recommend.evaluate', input);
    expect(steps).toEqual(there.evaluation.rows.map((r) => r.model));
    expect(steps).toContain('hybrid');
    expect(there.evaluation.rows.map((r) => [r.model, r.metrics])).toEqual(
      here.evaluation.rows.map((r) => [r.model, r.metrics]),
    );
    expect(there.evaluation.rows.every((r) => r.shopperScores === undefined)).toBe(true);
    expect(there.margin).toEqual(here.margin);
  });

  it('brings an empty split back as EmptySplitError', { timeout: 120_000 }, async () => {
    const data = syntheticStore();
    const n = data.itemIds.length;
    const input = {
      dataset: data,
      facts: {
        brandId: new Int32Array(n),
        brandNames: ['one'],
        priceMinor: new Float64Array(n),
        publishedAt: new Float64Array(n),
        categoryId: new Int32Array(n),
        topCategory: Array.from({ length: n }, () => null),
      },
      vectors: null,
      cutoff: 0, // nothing happened before 1970
      mitigation: { newItemFloor: 0, newItemDays: 30, smallBrandFloor: 0, calibration: 0 },
      proposal: false,
    };
    const error = await runTaskOffThread('fairness.recommendations', input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmptySplitError);
    expect((error as EmptySplitError).side).toBe('train');
  });
});

describe('errors across the thread', () => {
  it('keeps the classes callers tell apart, and name and message of any other', () => {
    const app = errorFromWire(errorToWire(new AppError('bad_request', 'No.')));
    expect(app).toBeInstanceOf(AppError);
    expect((app as AppError).code).toBe('bad_request');
    expect(app.message).toBe('No.');
    const other = errorFromWire(errorToWire(new RangeError('out of range')));
    expect(other.name).toBe('RangeError');
    expect(other.message).toBe('out of range');
    expect(errorFromWire(errorToWire('a string')).message).toBe('a string');
  });
});
