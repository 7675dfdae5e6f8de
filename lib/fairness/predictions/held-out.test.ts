import { describe, expect, it } from 'vitest';
import { eligible, labelOf } from '@/lib/predict/binary';
import { SYNTHETIC_AS_OF, SYNTHETIC_START, syntheticHistories } from '@/lib/predict/binary/synthetic';
import { heldOutScores } from './held-out';

const DAY = 86_400_000;

describe('heldOutScores', () => {
  const hs = syntheticHistories(600, 3);

  it('trains on the earlier period and scores the later one with its own labels', () => {
    const r = heldOutScores('churn', hs, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
    expect(r.protocol).toBe('temporal');
    expect(r.trainAsOf).toBe(SYNTHETIC_AS_OF - 90 * DAY);
    const chosen = hs.filter((h) => eligible('churn', h, SYNTHETIC_AS_OF));
    expect(r.scores).toHaveLength(chosen.length);
    for (const s of r.scores.slice(0, 50)) {
      expect(s.label).toBe(labelOf('churn', s.history, SYNTHETIC_AS_OF, 90));
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(1);
    }
  });

  it('cross-fits when the data does not reach back to an earlier training period', () => {
    // 60 days in, only ~135 shoppers exist: too few to train on; 120 days in, enough to cross-fit.
    const asOf = SYNTHETIC_START + 120 * DAY;
    const r = heldOutScores('propensity', hs, { asOf, horizonDays: 60 });
    expect(r.protocol).toBe('cv5');
    expect(r.trainAsOf).toBe(asOf);
    expect(r.scores.length).toBe(hs.filter((h) => eligible('propensity', h, asOf)).length);
    expect(new Set(r.scores.map((x) => x.score)).size).toBeGreaterThan(10);
  });

  it('falls back to the rule on a tiny store, saying why', () => {
    const r = heldOutScores('churn', hs.slice(0, 40), { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
    expect(r.protocol).toBe('rule');
    expect(r.method).toBe('rule-recency');
    expect(r.fallback).toMatch(/eligible shoppers/);
  });
});
