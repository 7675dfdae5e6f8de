import { describe, expect, it } from 'vitest';
import type { Explanation } from '@/lib/predict/types';
import { contributionView, explanationSentence, levelOf, scoreLabel } from './explain';
import { countAtOrAbove, defaultSegmentName, parseThreshold, thresholdRules } from './lists';
import { numberIn, topCategoriesOf } from './score-detail';

const explanation: Explanation = {
  kind: 'churn',
  method: 'logistic-gam',
  link: 'logit',
  base: -0.3,
  contributions: [
    { feature: 'recency', label: 'Days since last order', value: '120', contribution: 1.1 },
    { feature: 'frequency', label: 'Orders', value: '1', contribution: 0.4 },
    { feature: 'monetary', label: 'Spend', value: '€40', contribution: -0.2 },
    { feature: 'gap', label: 'Mean gap', value: '–', contribution: 0.05 },
  ],
  total: 1.05,
  score: 1 / (1 + Math.exp(-1.05)),
};

describe('scores in words', () => {
  it('puts a probability in one of three levels', () => {
    expect(levelOf(0.72)).toBe('high');
    expect(levelOf(0.6)).toBe('high');
    expect(levelOf(0.31)).toBe('medium');
    expect(levelOf(0.05)).toBe('low');
    expect(scoreLabel('churn', 0.7234)).toBe('High churn risk — 72%');
    expect(scoreLabel('propensity', 0.08)).toBe('Low purchase propensity — 8%');
  });
});

describe('contributionView', () => {
  it('orders contributions by size, scales the bars and sums the rest so it still adds up', () => {
    const view = contributionView(explanation, { limit: 3 });
    expect(view.bars.map((b) => [b.feature, b.text, b.widthPct])).toEqual([
      ['recency', '+1.10', 100],
      ['frequency', '+0.40', 36],
      ['monetary', '−0.20', 18],
    ]);
    expect(view.rest).toEqual({ count: 1, contribution: 0.05, text: '+0.05' });
    expect(view.base).toBe('−0.30');
    expect(view.sum).toBe('+1.35');
    expect(view.total).toBe('1.05');
    expect(view.unit).toBe('log-odds');
    expect(view.gap).toBeCloseTo(0, 10);
    expect(explanationSentence(explanation, view)).toBe(
      'Base −0.30 + contributions +1.35 = 1.05 log-odds → 74%.',
    );
  });

  it('formats identity-link explanations with the given formats and reports a gap when they do not add up', () => {
    const money = (v: number) => `€${v.toFixed(0)}`;
    const clv: Explanation = {
      kind: 'clv',
      method: 'bgnbd-gamma-gamma',
      link: 'identity',
      base: 100,
      contributions: [{ feature: 'f', label: 'Frequency', value: '3', contribution: 50 }],
      total: 160,
      score: 160,
    };
    const view = contributionView(clv, { format: (v) => `+${money(v)}`, formatPlain: money });
    expect(view.bars[0]?.text).toBe('+€50');
    expect(view.base).toBe('€100');
    expect(view.gap).toBe(-10);
    expect(explanationSentence(clv, view)).toBe('Base €100 + contributions +€50 = €160.');
  });
});

describe('lists', () => {
  it('accepts only the offered thresholds, as a share or a percentage', () => {
    expect(parseThreshold('0.7', 0.6)).toBe(0.7);
    expect(parseThreshold('80', 0.6)).toBe(0.8);
    expect(parseThreshold(['0.9', '0.3'], 0.6)).toBe(0.9);
    expect(parseThreshold('0.65', 0.6)).toBe(0.6);
    expect(parseThreshold('abc', 0.5)).toBe(0.5);
    expect(parseThreshold(undefined, 0.5)).toBe(0.5);
  });

  it('builds the segment rules and name of a threshold', () => {
    expect(thresholdRules('churn', 0.7)).toEqual({
      match: 'all',
      conditions: [{ field: 'churn', op: 'gte', value: 0.7 }],
    });
    expect(defaultSegmentName('churn', 0.7)).toBe('At risk: churn risk ≥ 70%');
    expect(defaultSegmentName('propensity', 0.5)).toBe('Ready to buy: purchase propensity ≥ 50%');
  });

  it('counts shoppers at or above a threshold from the histogram, or says it cannot', () => {
    const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: i + 1 }));
    expect(countAtOrAbove(bins, 0.7)).toBe(8 + 9 + 10);
    expect(countAtOrAbove(bins, 0.3)).toBe(4 + 5 + 6 + 7 + 8 + 9 + 10);
    expect(countAtOrAbove(bins, 0.75)).toBeNull();
    expect(countAtOrAbove([], 0.5)).toBe(0);
  });
});

describe('score detail', () => {
  it('reads numbers and top categories defensively', () => {
    expect(numberIn({ pAlive: 0.8 }, 'pAlive')).toBe(0.8);
    expect(numberIn({ pAlive: '0.8' }, 'pAlive')).toBeNull();
    expect(numberIn(null, 'pAlive')).toBeNull();
    expect(
      topCategoriesOf({
        top: [
          { category: 'Shoes', probability: 0.2 },
          { category: 'Bags', probability: 0.5 },
          { category: 42, probability: 0.9 },
          { category: 'Hats', probability: 1.2 },
        ],
      }),
    ).toEqual([
      { category: 'Hats', probability: 1 },
      { category: 'Bags', probability: 0.5 },
      { category: 'Shoes', probability: 0.2 },
    ]);
    expect(topCategoriesOf({ top: 'x' })).toEqual([]);
  });
});
