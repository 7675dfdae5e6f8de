import { beforeAll, describe, expect, it } from 'vitest';
import type { BuyAgainModel } from '../models/buy-again';
import type { ItemKnnModel } from '../models/item-knn';
import type { TunedRecommender } from '../models/tuned';
import { buyAgain, forYou, recommendFromModel, similar } from '../serve/recommend';
import { ServingModel } from '../serve/serving-model';
import { STORE, STORE_CUTOFF, syntheticStore } from '../test-store';
import { ArtefactFormatError, deserializeArtefact, serializeArtefact } from './artefact';
import { type FittedModel, fitModel } from './fit';
import type { ModelArtefact } from './model-artefact';

describe('artefact container', () => {
  it('round-trips typed arrays, NaN inside them, strings and nulls', () => {
    const value = {
      a: Int32Array.of(1, -2),
      f: Float32Array.of(Number.NaN, 0.5),
      d: Float64Array.of(1e15),
      n: null,
      s: ['x', 'ü'],
      u: Uint8Array.of(7),
    };
    for (const deflate of [true, false]) {
      const back = deserializeArtefact<typeof value>(serializeArtefact(value, { deflate }));
      expect(Array.from(back.a)).toEqual([1, -2]);
      expect(Number.isNaN(back.f[0]!)).toBe(true);
      expect(back.f[1]).toBe(0.5);
      expect(back.d[0]).toBe(1e15);
      expect(back).toMatchObject({ n: null, s: ['x', 'ü'] });
      expect(Array.from(back.u)).toEqual([7]);
    }
  });

  it('refuses other bytes and other format versions', () => {
    const bytes = serializeArtefact({ a: 1 });
    expect(() => deserializeArtefact(bytes.subarray(1))).toThrow(ArtefactFormatError);
    const future = bytes.slice();
    future[4] = 99;
    expect(() => deserializeArtefact(future)).toThrow(/not supported/);
  });
});

describe('serving model from a fitted hybrid', () => {
  let fitted: FittedModel;
  let fresh: ServingModel;
  let loaded: ServingModel;
  beforeAll(async () => {
    fitted = await fitModel(syntheticStore(), { asOf: STORE_CUTOFF });
    fresh = new ServingModel(fitted.artefact, 'v', 1, fitted.bytes.byteLength);
    loaded = new ServingModel(
      deserializeArtefact<ModelArtefact>(fitted.bytes),
      'v',
      1,
      fitted.bytes.byteLength,
    );
  });
  const now = STORE_CUTOFF;
  const tuned = (name: string) =>
    (fitted.hybrid.components.find((c) => c.name === name) as TunedRecommender).inner;

  it('answers identically after the round trip', () => {
    for (let s = 0; s < STORE.shoppers; s += 7) {
      const q = { shopper: s, now, k: 10 };
      expect(forYou(loaded, q)).toEqual(forYou(fresh, q));
      expect(buyAgain(loaded, s, now, 10)).toEqual(buyAgain(fresh, s, now, 10));
    }
    for (const item of [0, 25, 61]) expect(similar(loaded, item, 10)).toEqual(similar(fresh, item, 10));
    expect(recommendFromModel(loaded, { scenario: 'trending', k: 5 })).toEqual(
      recommendFromModel(fresh, { scenario: 'trending', k: 5 }),
    );
  });

  it('matches the in-memory components: buy-again exactly, kNN neighbours exactly', () => {
    const ba = tuned('buy-again') as BuyAgainModel;
    const knn = tuned('item-knn') as ItemKnnModel;
    for (let s = 0; s < STORE.shoppers; s += 11) {
      expect(buyAgain(loaded, s, now, 10).map((r) => r.item)).toEqual(
        Array.from(ba.recommend({ shopper: s, now, k: 10 }).items),
      );
    }
    for (const item of [0, 30, 45]) {
      expect(similar(loaded, item, 10).map((r) => r.item)).toEqual(
        Array.from(knn.neighboursOf(item).items.subarray(0, 10)),
      );
    }
  });

  it('reproduces the in-memory hybrid for known shoppers (top-10 overlap)', () => {
    let overlap = 0;
    let n = 0;
    for (let s = 0; s < STORE.shoppers; s += 3) {
      const mine = new Set(forYou(loaded, { shopper: s, now, k: 10 }).map((r) => r.item));
      const theirs = Array.from(fitted.hybrid.recommend({ shopper: s, now, k: 10 }).items);
      overlap += theirs.filter((i) => mine.has(i)).length / Math.max(1, theirs.length);
      n++;
    }
    expect(overlap / n).toBeGreaterThan(0.9);
  });

  it('gives reasons and a cold answer', () => {
    const list = forYou(loaded, { shopper: 3, now, k: 5 });
    expect(list).toHaveLength(5);
    expect(list.every((r) => r.reason.type.length > 0)).toBe(true);
    const cold = recommendFromModel(loaded, { scenario: 'for_you', shopper: 'nobody', now, k: 5 });
    expect(cold).toHaveLength(5);
    expect(buyAgain(loaded, 0, now, 3)[0]?.reason).toMatchObject({ type: 'buy_again' });
  });
});
