import { describe, expect, it } from 'vitest';
import { niceCeiling } from '@/components/ui/bar-chart';
import {
  blendWeights,
  chosenSettings,
  formatBytes,
  formatInterval,
  formatMarginHeadline,
  formatMetric,
  formatNdcg,
  formatSigned,
  hybridFirst,
  shortModelName,
} from './present';

describe('model quality formatting', () => {
  it('formats NDCG with three decimals and a dash when missing', () => {
    expect(formatNdcg(0.34812)).toBe('0.348');
    expect(formatNdcg(null)).toBe('–');
    expect(formatNdcg(Number.NaN)).toBe('–');
  });

  it('lists the learned blend weights by size, negative ones included, with merchant labels', () => {
    const view = blendWeights({
      'buy-again': -0.83,
      ease: 1.69,
      popularity: 2.2,
      custom: 0.5,
      bad: Number.NaN,
    });
    expect(view.map((w) => w.feature)).toEqual(['popularity', 'ease', 'buy-again', 'custom']);
    expect(view[2]).toEqual({
      feature: 'buy-again',
      label: 'Due for a reorder (buy-again timing)',
      weight: -0.83,
    });
    // A feature the labels do not know yet keeps its own name.
    expect(view[3]!.label).toBe('custom');
    expect(blendWeights({})).toEqual([]);
    expect(blendWeights(null)).toEqual([]);
  });

  it('formats artefact sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('lists the chosen settings by component name', () => {
    expect(
      chosenSettings({
        itemknn: { chosen: 'k=50', scores: {} },
        ease: { chosen: 'λ=250', scores: { 'λ=250': 0.2 } },
      }),
    ).toEqual([
      ['ease', 'λ=250'],
      ['itemknn', 'k=50'],
    ]);
    expect(chosenSettings(undefined)).toEqual([]);
  });
});

describe('offline evaluation formatting', () => {
  it('shows shares with three decimals, novelty in bits with two, and a dash when missing', () => {
    expect(formatMetric('ndcg10', 0.38612)).toBe('0.386');
    expect(formatMetric('novelty', 4.2851)).toBe('4.29');
    expect(formatMetric('hr10', null)).toBe('–');
    expect(formatInterval('ndcg10', [0.3791, 0.3934])).toBe('[0.379, 0.393]');
    expect(formatInterval('ndcg10', [null, null])).toBe('[–, –]');
  });

  it('signs margins with a true minus and says ± for a zero', () => {
    expect(formatSigned(0.0391)).toBe('+0.039');
    expect(formatSigned(-0.0042)).toBe('−0.004');
    expect(formatSigned(-0.0001)).toBe('±0.000');
    expect(formatMarginHeadline({ metric: 'ndcg10', difference: 0.039, ci: [0.0301, 0.0482] })).toBe(
      '+0.039 NDCG@10 (95% CI +0.030 to +0.048)',
    );
  });

  it('puts the hybrid first and keeps the baselines in the CLI order', () => {
    const rows = ['most-popular', 'recent-popular', 'buy-again', 'item-knn', 'ease', 'hybrid'].map(
      (model) => ({
        model,
      }),
    );
    expect(hybridFirst(rows).map((r) => r.model)).toEqual([
      'hybrid',
      'most-popular',
      'recent-popular',
      'buy-again',
      'item-knn',
      'ease',
    ]);
    expect(shortModelName('item-knn')).toBe('kNN');
    expect(shortModelName('unknown')).toBe('unknown');
  });
});

describe('niceCeiling', () => {
  it('rounds the largest value up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceCeiling([0.0386, 0.02])).toBeCloseTo(0.05);
    expect(niceCeiling([0.42])).toBeCloseTo(0.5);
    expect(niceCeiling([0.2])).toBeCloseTo(0.2);
    expect(niceCeiling([3.9, 4.3])).toBeCloseTo(5);
    expect(niceCeiling([0, Number.NaN])).toBe(1);
  });
});
