import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/recommend/eval/metrics';
import { groupMetrics, overallMetrics, type ScoredMember } from './metrics';
import { mitigate, operatingPoint, perGroupThresholds, topShareThreshold } from './thresholds';

/** Groups whose scores differ in level (B scores lower), labels drawn from the scores. */
function population(seed: number): ScoredMember[] {
  const rand = seededRandom(seed);
  const out: ScoredMember[] = [];
  const sizes: [string, number, number][] = [
    ['A', 120, 0.15],
    ['B', 90, -0.15],
    ['C', 61, 0],
    ['tiny', 12, 0.3],
  ];
  for (const [group, n, shift] of sizes) {
    for (let i = 0; i < n; i++) {
      const score = Math.min(0.999, Math.max(0.001, rand() * 0.7 + 0.15 + shift));
      out.push({ group, score, label: rand() < score ? 1 : 0 });
    }
  }
  return out;
}

describe('topShareThreshold and operatingPoint', () => {
  it('selects the top share, cutting between two scores', () => {
    const scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    expect(topShareThreshold(scores, 0.2)).toBeCloseTo(0.85, 12);
    expect(scores.filter((s) => s >= topShareThreshold(scores, 0.2))).toEqual([0.9, 1]);
    expect(topShareThreshold(scores, 0)).toBeGreaterThan(1);
    expect(topShareThreshold(scores, 1)).toBe(0.1);
  });

  it('keeps the list threshold unless it selects almost nobody or everybody', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    expect(operatingPoint(scores, 0.6)).toEqual({ threshold: 0.6, basis: 'list' });
    const low = operatingPoint(scores, 0.995);
    expect(low.basis).toBe('top20');
    expect(scores.filter((s) => s >= low.threshold)).toHaveLength(20);
  });
});

describe('perGroupThresholds', () => {
  it('gives every judgeable group the overall selection rate within one shopper', () => {
    for (const seed of [1, 2, 3]) {
      const members = population(seed);
      const base = 0.5;
      const rate = overallMetrics(members, base).selectionRate;
      const thresholds = perGroupThresholds(members, 'selection_rate', base);
      expect(Object.keys(thresholds).sort()).toEqual(['A', 'B', 'C']);
      for (const g of groupMetrics(members, { byGroup: thresholds, fallback: base })) {
        if (g.group === 'tiny') expect(g.threshold).toBe(base);
        else expect(Math.abs(g.selected - rate * g.n)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives every judgeable group the overall TPR within one positive', () => {
    const members = population(4);
    const recall = overallMetrics(members, 0.5).recall!;
    const thresholds = perGroupThresholds(members, 'true_positive_rate', 0.5);
    for (const g of groupMetrics(members, { byGroup: thresholds, fallback: 0.5 })) {
      if (g.group === 'tiny') continue;
      expect(Math.abs(g.tpr! * g.positives - recall * g.positives)).toBeLessThanOrEqual(1);
    }
  });
});

describe('mitigate', () => {
  it('reports the gap closing and the accuracy cost before vs after', () => {
    const members = population(5);
    const r = mitigate(members, 'selection_rate', 0.5);
    expect(r.before.gaps.demographicParityDifference!).toBeGreaterThan(0.15);
    expect(r.after.gaps.demographicParityDifference!).toBeLessThan(0.03);
    expect(r.fairnessGain!).toBeCloseTo(
      r.before.gaps.demographicParityDifference! - r.after.gaps.demographicParityDifference!,
      12,
    );
    expect(r.accuracyCost).toBeCloseTo(r.before.overall.accuracy - r.after.overall.accuracy, 12);
    expect(r.after.gaps.fourFifthsFlag).toBe(false);
  });
});
