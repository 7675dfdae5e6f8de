import { describe, expect, it } from 'vitest';
import { fromBuyAgain, fromPairStats, fromPopularity } from './adapters';

describe('model reason adapters', () => {
  it('maps the models’ records onto the Reason union', () => {
    expect(
      fromBuyAgain({
        count: 3,
        medianIntervalDays: 41,
        intervalSource: 'shopper',
        daysSinceLast: 39,
        expectedIntervalDays: 40,
      }),
    ).toEqual({ kind: 'buy_again', count: 3, medianIntervalDays: 41, daysSinceLast: 39 });
    const country = {
      segment: 'country',
      value: 'Germany',
      mode: 'recent',
      windowDays: 7,
      halfLifeDays: null,
    } as const;
    expect(fromPopularity(country)).toEqual({
      kind: 'popular',
      scope: 'country',
      scopeValue: 'Germany',
      windowDays: 7,
    });
    expect(fromPopularity({ ...country, segment: 'global', value: null })).toEqual({
      kind: 'popular',
      scope: 'global',
      windowDays: 7,
    });
    expect(fromPairStats(4, { together: 9, confidence: 0.3, lift: 2.5 })).toEqual({
      kind: 'bought_together',
      with: 4,
      lift: 2.5,
      confidence: 0.3,
    });
  });
});
