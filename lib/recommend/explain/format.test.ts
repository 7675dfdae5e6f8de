import { describe, expect, it } from 'vitest';
import { formatReason } from './format';
import { type Reason, withContributions } from './reasons';

const names = (item: number) => ['Linen shirt', 'Wool socks', 'Candle'][item] ?? `#${item}`;
const en = (r: Reason) => formatReason(r, names, 'en');
const de = (r: Reason) => formatReason(r, names, 'de');

const buyAgain: Reason = {
  kind: 'buy_again',
  count: 3,
  medianIntervalDays: 40.6,
  daysSinceLast: 38,
  contribution: 1,
};
const content: Reason = { kind: 'content', similarTo: 0, similarity: 0.8234, contribution: 1 };
const popularDE: Reason = {
  kind: 'popular',
  scope: 'country',
  scopeValue: 'DE',
  windowDays: 7,
  contribution: 1,
};
const boost: Reason = { kind: 'rule', rule: 'brand = Acme', factor: 1.5, contribution: 0.33 };

describe('formatReason', () => {
  it('writes the preview sentences in English', () => {
    expect(en(buyAgain)).toBe('Bought 3 times, usually every 41 days');
    expect(en(content)).toBe('Similar to Linen shirt you viewed (0.82)');
    expect(en(popularDE)).toBe('Popular in Germany this week');
    expect(en(boost)).toBe('Boosted by rule: brand = Acme ×1.5');
    expect(en({ ...boost, factor: 0.5 })).toBe('Buried by rule: brand = Acme ×0.5');
    expect(en({ kind: 'rule', rule: 'pin', pinned: true, position: 2, contribution: 0 })).toBe(
      'Pinned to position 2 by the merchant',
    );
    expect(
      en({ kind: 'buy_again', count: 1, medianIntervalDays: 30, daysSinceLast: 20, contribution: 1 }),
    ).toBe('Bought once, usually reordered every 30 days');
  });

  it('writes the same reasons in German, with German numbers and country names', () => {
    expect(de(buyAgain)).toBe('3-mal gekauft, meist alle 41 Tage');
    expect(de(content)).toBe('Ähnlich wie Linen shirt, zuletzt angesehen (0,82)');
    expect(de(popularDE)).toBe('Beliebt in Deutschland diese Woche');
    expect(de(boost)).toBe('Hervorgehoben durch Regel: brand = Acme ×1,5');
  });

  it('covers every kind, and French and Spanish', () => {
    const collaborative: Reason = {
      kind: 'collaborative',
      neighbours: [
        { item: 2, weight: 0.1 },
        { item: 0, weight: 0.5 },
        { item: 1, weight: 0.3 },
      ],
      contribution: 1,
    };
    expect(en(collaborative)).toBe('Because you liked Linen shirt and Wool socks');
    expect(en({ kind: 'session', item: 2, position: 1, contribution: 1 })).toBe(
      'Because you just viewed Candle',
    );
    expect(en({ kind: 'bought_together', with: 1, lift: 4, confidence: 0.3, contribution: 1 })).toBe(
      'Often bought with Wool socks',
    );
    expect(en({ kind: 'trending', windowDays: 7, growth: 2.4, contribution: 1 })).toBe(
      'Trending this week (×2.4)',
    );
    expect(en({ kind: 'popular', scope: 'global', windowDays: null, contribution: 1 })).toBe(
      'Popular with many shoppers',
    );
    expect(
      en({ kind: 'popular', scope: 'category', scopeValue: 'Shirts', windowDays: 14, contribution: 1 }),
    ).toBe('Popular in Shirts in the last 14 days');
    expect(formatReason(popularDE, names, 'fr')).toBe('Populaire cette semaine (Allemagne)');
    expect(formatReason(buyAgain, names, 'es-MX')).toBe('Comprado 3 veces, normalmente cada 41 días');
    // A country given by name (Online Retail stores names) is used as is; a bad locale falls back.
    expect(formatReason({ ...popularDE, scopeValue: 'United Kingdom' }, names, 'not a locale!')).toBe(
      'Popular in United Kingdom this week',
    );
  });
});

describe('withContributions', () => {
  it('shares the score by part and sums to 1', () => {
    const r = withContributions(
      [
        { kind: 'session', item: 0, position: 1 },
        { kind: 'popular', scope: 'global', windowDays: 7 },
      ],
      [3, 1],
    );
    expect(r.map((x) => x.contribution)).toEqual([0.75, 0.25]);
    expect(() => withContributions([], [1])).toThrow(RangeError);
  });
});
