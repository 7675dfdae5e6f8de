/** Small synthetic datasets with known structure, shared by the model tests. */
import { DAY_MS } from '../matrix/interaction-matrix';
import { type Dataset, type InteractionKind, KIND_CODE } from '../types';

export const T0 = Date.UTC(2024, 0, 1);

/** Epoch ms of day `d` after T0 (fractions allowed). */
export function day(d: number): number {
  return T0 + d * DAY_MS;
}

export interface TestEvent {
  shopper: number;
  item: number;
  day: number;
  kind?: InteractionKind;
}

/** A Dataset from events in any order (sorted by time here, stable), kind defaulting to purchase. */
export function makeDataset(
  events: TestEvent[],
  opts: {
    nShoppers: number;
    nItems: number;
    itemCategory?: (string | null)[];
    shopperCountry?: (string | null)[];
  },
): Dataset {
  const sorted = events.map((e, i) => ({ ...e, i })).sort((a, b) => a.day - b.day || a.i - b.i);
  return {
    shopperIds: Array.from({ length: opts.nShoppers }, (_, s) => `s${s}`),
    itemIds: Array.from({ length: opts.nItems }, (_, i) => `i${i}`),
    shopper: Int32Array.from(sorted, (e) => e.shopper),
    item: Int32Array.from(sorted, (e) => e.item),
    time: Float64Array.from(sorted, (e) => day(e.day)),
    kind: Uint8Array.from(sorted, (e) => KIND_CODE[e.kind ?? 'purchase']),
    quantity: new Float32Array(sorted.length).fill(1),
    itemCategory: opts.itemCategory,
    shopperCountry: opts.shopperCountry,
  };
}

/**
 * Two clusters: shoppers 0–9 buy among items 0–4, shoppers 10–19 among items 5–9, each three
 * consecutive items of their cluster (so every item has six buyers), on days 0–29.
 */
export function twoClusters(extra: TestEvent[] = []): Dataset {
  const events: TestEvent[] = [...extra];
  for (let s = 0; s < 20; s++) {
    const base = s < 10 ? 0 : 5;
    for (let j = 0; j < 3; j++)
      events.push({ shopper: s, item: base + ((s + j) % 5), day: (s * 3 + j) % 30 });
  }
  const nShoppers = Math.max(20, ...events.map((e) => e.shopper + 1));
  const nItems = Math.max(10, ...events.map((e) => e.item + 1));
  return makeDataset(events, { nShoppers, nItems });
}

/** Items of a Ranked as a plain array, for readable assertions. */
export function itemsOf(ranked: { items: Int32Array }): number[] {
  return Array.from(ranked.items);
}
