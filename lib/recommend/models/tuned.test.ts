import { describe, expect, it } from 'vitest';
import { validationSplit } from '../eval/validation';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';
import { PopularityModel } from './popularity';
import { day, makeDataset, type TestEvent } from './test-data';
import { TunedRecommender } from './tuned';

// 20 shoppers buy item 0 early (shopper 0 also items 1 and 2); in the 28 days before day 91 each
// buys item 0 again and item 1.
const events: TestEvent[] = [{ shopper: 0, item: 1, day: 5 }];
for (let s = 0; s < 20; s++) {
  events.push({ shopper: s, item: 0, day: 10 + s });
  events.push({ shopper: s, item: 0, day: 80 + (s % 9) }, { shopper: s, item: 1, day: 81 + (s % 9) });
}
events.push({ shopper: 0, item: 2, day: 1 });
const data = makeDataset(events, { nShoppers: 20, nItems: 3 });
const asOf = day(91);

/** Recommends a fixed item and records every `asOf` it was fitted at. */
class Spy implements Recommender {
  readonly fits: number[] = [];
  constructor(
    readonly name: string,
    private readonly item: number,
  ) {}
  fit(_: Dataset, { asOf }: { asOf: number }): void {
    this.fits.push(asOf);
  }
  recommend(q: RecommendQuery): Ranked {
    return q.exclude?.has(this.item)
      ? { items: new Int32Array(0), scores: new Float32Array(0) }
      : { items: Int32Array.of(this.item), scores: Float32Array.of(1) };
  }
}

function tuned(spies: Spy[]): TunedRecommender {
  return new TunedRecommender(
    'pick',
    spies.map((spy) => ({ label: spy.name, make: () => spy })),
  );
}

describe('TunedRecommender', () => {
  it('keeps the candidate that is best on the validation window, then refits it up to asOf', async () => {
    const bad = new Spy('item 2', 2);
    const good = new Spy('item 0', 0);
    const model = tuned([bad, good]);
    await model.fit(data, { asOf });
    expect(model.report.chosen).toBe('item 0');
    expect(model.report.scores['item 0']).toBeGreaterThan(model.report.scores['item 2']!);
    // Tuning fitted both before the window only; the final fit is the winner's, up to asOf.
    expect(bad.fits).toEqual([day(63)]);
    expect(good.fits).toEqual([day(63), asOf]);
    expect(model.recommend({ shopper: 3, now: asOf, k: 1 }).items[0]).toBe(0);
  });

  it('uses a blend’s split through select, and then does not tune again for the same asOf', async () => {
    const a = new Spy('item 0', 0);
    const b = new Spy('item 1', 1);
    const model = tuned([a, b]);
    const split = validationSplit(data, asOf, { protocol: 'new-items' });
    await model.select(data, split, asOf);
    // Under new-items item 0 (everyone's before the window) is excluded: item 1 wins.
    expect(model.report.chosen).toBe('item 1');
    await model.fit(data, { asOf });
    expect(a.fits).toEqual([day(63)]);
    expect(b.fits).toEqual([day(63), asOf]);
  });

  it('keeps the first candidate without scoring when there is nothing to validate on', async () => {
    const model = new TunedRecommender('pop', [
      { label: 'all-time', make: () => new PopularityModel() },
      { label: 'recent', make: () => new PopularityModel({ mode: 'recent' }) },
    ]);
    await model.fit(data, { asOf: day(30) }); // no purchase in the window before day 30 by a known shopper
    expect(model.report).toEqual({ chosen: 'all-time', scores: {} });
    expect(() => new TunedRecommender('none', [])).toThrow(RangeError);
  });
});
