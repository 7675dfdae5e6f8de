import { describe, expect, it } from 'vitest';
import {
  groupMetrics,
  isJudgeable,
  metricsOfGroup,
  overallMetrics,
  parityGaps,
  type ScoredMember,
} from './metrics';

const m = (score: number, label: 0 | 1, group = 'a'): ScoredMember => ({ score, label, group });

/** `n` members of `group`: the first `pos` are positives; scores given per member in order. */
function group(name: string, scores: number[], pos: number): ScoredMember[] {
  return scores.map((s, i) => m(s, i < pos ? 1 : 0, name));
}

describe('metricsOfGroup', () => {
  it('counts selection, TPR, FPR and precision by hand', () => {
    // 4 positives (0.9, 0.8, 0.4, 0.2) and 4 negatives (0.7, 0.6, 0.3, 0.1) at threshold 0.5:
    // selected 0.9, 0.8, 0.7, 0.6 → TP 2, FP 2; TPR 2/4, FPR 2/4, precision 2/4.
    const g = [m(0.9, 1), m(0.8, 1), m(0.4, 1), m(0.2, 1), m(0.7, 0), m(0.6, 0), m(0.3, 0), m(0.1, 0)];
    const r = metricsOfGroup('a', g, 0.5);
    expect(r).toMatchObject({ n: 8, positives: 4, selected: 4, selectionRate: 0.5, baseRate: 0.5 });
    expect(r.tpr).toBe(0.5);
    expect(r.fpr).toBe(0.5);
    expect(r.precision).toBe(0.5);
    expect(r.meanPredicted).toBeCloseTo(0.5, 12);
    // Pairs (pos, neg) ranked correctly: 0.9 and 0.8 beat all 4, 0.4 beats 2, 0.2 beats 1 → 11/16.
    expect(r.auc).toBeCloseTo(11 / 16, 12);
    expect(r.judgeable).toBe(false);
    // Five equal-width bins: [0,.2) {0.1}, [.2,.4) {0.2,0.3}, [.4,.6) {0.4}, [.6,.8) {0.7,0.6}, [.8,1] {0.9,0.8}.
    expect(r.calibration.map((b) => b.count)).toEqual([1, 2, 1, 2, 2]);
    expect(r.calibration[1]).toMatchObject({ observed: 0.5 });
    expect(r.calibration[1]!.predicted).toBeCloseTo(0.25, 12);
  });

  it('leaves rates null when a class or the selection is empty', () => {
    const r = metricsOfGroup('a', [m(0.1, 0), m(0.2, 0)], 0.5);
    expect(r.tpr).toBeNull();
    expect(r.precision).toBeNull();
    expect(r.auc).toBeNull();
    expect(r.fpr).toBe(0);
  });
});

describe('parityGaps', () => {
  // A: 40 shoppers, 10 positives; the 10 positives and 10 negatives score 0.9 → 20 selected at 0.5.
  const a = group('A', [...Array(20).fill(0.9), ...Array(20).fill(0.1)], 10);
  // B: 50 shoppers, 10 positives; 5 positives score 0.9, 5 score 0.1; 5 negatives score 0.9 → 10 selected.
  const b = group(
    'B',
    [...Array(5).fill(0.9), ...Array(5).fill(0.1), ...Array(5).fill(0.9), ...Array(35).fill(0.1)],
    10,
  );
  // C: 10 shoppers, all selected — too few to judge, so it must not set the max.
  const c = group('C', Array(10).fill(0.9), 5);

  it('computes the gaps over judgeable groups only', () => {
    const groups = groupMetrics([...a, ...b, ...c], 0.5);
    expect(groups.map((g) => g.group)).toEqual(['B', 'A', 'C']);
    expect(groups.find((g) => g.group === 'C')!.judgeable).toBe(false);
    const gaps = parityGaps(groups);
    // Selection: A 20/40 = 0.5, B 10/50 = 0.2. TPR: A 10/10 = 1, B 5/10 = 0.5.
    expect(gaps.judged).toBe(2);
    expect(gaps.demographicParityDifference).toBeCloseTo(0.3, 12);
    expect(gaps.equalOpportunityDifference).toBeCloseTo(0.5, 12);
    expect(gaps.disparateImpactRatio).toBeCloseTo(0.4, 12);
    expect(gaps.fourFifthsFlag).toBe(true);
    expect(gaps).toMatchObject({ highestSelection: 'A', lowestSelection: 'B' });
  });

  it('has no gaps with fewer than two judgeable groups', () => {
    const gaps = parityGaps(groupMetrics([...a, ...c], 0.5));
    expect(gaps.judged).toBe(1);
    expect(gaps.demographicParityDifference).toBeNull();
    expect(gaps.fourFifthsFlag).toBe(false);
  });

  it('does not flag ratios at or above four fifths', () => {
    const a2 = group('A', [...Array(10).fill(0.9), ...Array(30).fill(0.1)], 10); // 0.25
    const b2 = group('B', [...Array(10).fill(0.9), ...Array(30).fill(0.1)], 5); // 0.25
    const gaps = parityGaps(groupMetrics([...a2, ...b2], 0.5));
    expect(gaps.disparateImpactRatio).toBe(1);
    expect(gaps.fourFifthsFlag).toBe(false);
  });
});

describe('overallMetrics and isJudgeable', () => {
  it('counts accuracy, precision, recall and F1 with per-group thresholds', () => {
    const members = [m(0.9, 1, 'x'), m(0.6, 0, 'x'), m(0.6, 1, 'y'), m(0.2, 0, 'y')];
    // x at 0.7: selects 0.9 (TP), not 0.6 (TN). y at 0.5: selects 0.6 (TP), not 0.2 (TN).
    const r = overallMetrics(members, { byGroup: { x: 0.7 }, fallback: 0.5 });
    expect(r).toMatchObject({ n: 4, positives: 2, selected: 2, accuracy: 1, precision: 1, recall: 1, f1: 1 });
    // One threshold 0.5: selects 0.9, 0.6, 0.6 → TP 2, FP 1: accuracy 3/4, precision 2/3, F1 0.8.
    const single = overallMetrics(members, 0.5);
    expect(single.accuracy).toBe(0.75);
    expect(single.precision).toBeCloseTo(2 / 3, 12);
    expect(single.f1).toBeCloseTo(0.8, 12);
  });

  it('judges groups of at least 30 shoppers with at least 5 positives', () => {
    expect(isJudgeable(30, 5)).toBe(true);
    expect(isJudgeable(29, 10)).toBe(false);
    expect(isJudgeable(100, 4)).toBe(false);
  });
});
