import { describe, expect, it } from 'vitest';
import type { RecommendationFairnessReport } from '@/lib/fairness/recommendations/report';
import { describeMitigation, formatChange, pct, summarize } from './present';

const figures = { gini: 0.86, longTailCoverage: 0.12, longTailExposure: 0.05, lorenz: [] };
const report = {
  proposal: true,
  pool: 30,
  mitigation: { newItemFloor: 0.2, newItemDays: 30, smallBrandFloor: 0, calibration: 0.5 },
  groups: [
    {
      dimension: 'age',
      rows: [
        {
          label: 'New',
          items: 18,
          catalogShare: 0.18,
          purchaseShare: 0.1,
          exposureShare: 0.04,
          exposureShareAfter: 0.12,
        },
      ],
    },
  ],
  popularity: { before: figures, after: figures, longTailItems: 400 },
  table: [
    { metric: 'ndcg10', kind: 'accuracy', before: 0.2, after: 0.19, higherIsBetter: true },
    { metric: 'newSlotShare', kind: 'fairness', before: 0, after: 0.05, higherIsBetter: true },
  ],
} as unknown as RecommendationFairnessReport;

describe('fairness presentation', () => {
  it('writes the plain-language summary from the report', () => {
    const lines = summarize(report);
    expect(lines[0]).toBe(
      'New products get 4.0 % of what shoppers see but are 18 % of the catalog and 10 % of purchases.',
    );
    expect(lines[1]).toMatch(/^Exposure is highly concentrated \(Gini 0\.86\); 12 % of the long-tail/);
    expect(lines[2]).toBe('The proposed mitigation costs ranking quality 5.0 % (NDCG@10 0.200 → 0.190).');
    expect(lines[3]).toMatch(
      /^The 20 % floor for new products reaches 5\.0 % of slots: the catalog has too few of them/,
    );
    expect(lines).toHaveLength(4);
  });

  it('formats changes as points for shares and relative change for scores, with direction', () => {
    expect(
      formatChange({ metric: 'newShare', kind: 'fairness', before: 0.04, after: 0.12, higherIsBetter: true }),
    ).toEqual({
      text: '+8.0 pts',
      better: true,
    });
    expect(
      formatChange({ metric: 'gini', kind: 'fairness', before: 0.8, after: 0.6, higherIsBetter: false }),
    ).toEqual({
      text: '−25.0 %',
      better: true,
    });
    expect(
      formatChange({ metric: 'ndcg10', kind: 'accuracy', before: 0.2, after: 0.2, higherIsBetter: true })
        .better,
    ).toBeNull();
    expect(pct(0.004)).toBe('0.4 %');
    expect(pct(0)).toBe('0 %');
  });

  it('describes the mitigation in words', () => {
    expect(
      describeMitigation({ newItemFloor: 0.2, newItemDays: 30, smallBrandFloor: 0, calibration: 0.5 }),
    ).toBe('at least 20 % new products (≤ 30 days), calibration 50 %');
    expect(describeMitigation({ newItemFloor: 0, newItemDays: 30, smallBrandFloor: 0, calibration: 0 })).toBe(
      'off',
    );
  });
});
