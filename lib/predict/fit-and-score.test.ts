import { describe, expect, it } from 'vitest';
import { syntheticHistories } from './binary/synthetic';
import { fitAndScore, fitAndScoreOffThread } from './fit-and-score';
import { TooLittleData } from './service-evaluate';

const DAY = 86_400_000;

function request(n: number) {
  const histories = syntheticHistories(n, 11);
  const times = histories.flatMap((h) => h.orders.map((o) => o.at));
  const end = Math.max(...times) + 1;
  return { kind: 'propensity' as const, histories, opts: { end, first: Math.min(...times) } };
}

describe('fitting a prediction kind on a worker thread', () => {
  it('gives the same model, evaluation and scores as on this thread', { timeout: 120_000 }, async () => {
    const req = request(400);
    const here = await fitAndScore(req);
    const there = await fitAndScoreOffThread(req);
    expect(there.method).toBe(here.method);
    expect(there.artefact).toEqual(here.artefact);
    expect(there.evaluation).toEqual(here.evaluation);
    expect(there.scores).toEqual(here.scores);
    expect(there.scores.length).toBeGreaterThan(0);
    expect(there.asOf).toBe(req.opts.end - 30 * DAY);
  });

  it('brings "too little data" back as TooLittleData', { timeout: 120_000 }, async () => {
    const req = { ...request(5), histories: [] };
    await expect(fitAndScoreOffThread(req)).rejects.toBeInstanceOf(TooLittleData);
  });
});
