/** Per-shopper and per-country tables the artefact stores, computed from the dataset as of a date. */
import { TopK } from '@/lib/embeddings/top-k';
import { countBefore, decayFactor } from '../matrix/interaction-matrix';
import { type Dataset, KIND_CODE } from '../types';

/** Per country, its top items by decayed purchase popularity: `items/scores[ptr[c] .. ptr[c+1])`. */
export interface CountryTrending {
  ptr: Int32Array;
  items: Int32Array;
  scores: Float32Array;
}

/** Distinct items per shopper before `asOf`, ascending (any kind): the seeds item-to-item models start from. */
export function buildHistory(data: Dataset, asOf: number): { ptr: Int32Array; items: Int32Array } {
  const end = countBefore(data, asOf);
  const nItems = data.itemIds.length;
  const keys = new Set<number>();
  for (let e = 0; e < end; e++) keys.add(data.shopper[e]! * nItems + data.item[e]!);
  return pairsToCsr(keys, nItems, data.shopperIds.length);
}

/**
 * The blend's priors (lib/recommend/models/hybrid-features.ts), computed the same way: item
 * popularity as log1p(distinct shoppers)/log1p(max), and per bought pair (aligned with the
 * buy-again lists `ptr`/`items`) the number of purchase events and the latest one.
 */
export function buildPurchasePriors(data: Dataset, asOf: number, ptr: Int32Array, items: Int32Array) {
  const end = countBefore(data, asOf);
  const nItems = data.itemIds.length;
  const seen = new Set<number>();
  const counts = new Float64Array(nItems);
  const purchases = new Int32Array(items.length);
  const lastPurchase = new Float64Array(items.length);
  for (let e = 0; e < end; e++) {
    const s = data.shopper[e]!;
    const i = data.item[e]!;
    const key = s * nItems + i;
    if (!seen.has(key)) {
      seen.add(key);
      counts[i]!++;
    }
    if (data.kind[e] !== KIND_CODE.purchase) continue;
    const p = findSorted(items, ptr[s] ?? 0, ptr[s + 1] ?? 0, i);
    if (p < 0) continue;
    purchases[p]!++;
    lastPurchase[p] = data.time[e]!;
  }
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  const scale = max > 0 ? 1 / Math.log1p(max) : 0;
  const popularity = Float32Array.from(counts, (c) => Math.log1p(c) * scale);
  return { popularity, purchases, lastPurchase };
}

/**
 * "Popular in Germany this week": per country, each shopper's latest purchase of an item votes
 * 2^(−age/halfLife), top `top` items kept. Shoppers without a country vote nowhere here (the global
 * decayed table covers them).
 */
export function countryTrending(
  data: Dataset,
  asOf: number,
  shopperCountry: Int32Array,
  nCountries: number,
  opts: { halfLifeDays: number; top: number },
): CountryTrending {
  const end = countBefore(data, asOf);
  const nItems = data.itemIds.length;
  const latest = new Map<number, number>();
  for (let e = 0; e < end; e++) {
    if (data.kind[e] !== KIND_CODE.purchase || shopperCountry[data.shopper[e]!]! < 0) continue;
    latest.set(data.shopper[e]! * nItems + data.item[e]!, data.time[e]!);
  }
  const tables = Array.from({ length: nCountries }, () => new Map<number, number>());
  for (const [key, time] of latest) {
    const table = tables[shopperCountry[Math.floor(key / nItems)]!]!;
    const item = key % nItems;
    table.set(item, (table.get(item) ?? 0) + decayFactor(asOf - time, opts.halfLifeDays));
  }
  const ptr = new Int32Array(nCountries + 1);
  const items: number[] = [];
  const scores: number[] = [];
  tables.forEach((table, c) => {
    const top = new TopK(opts.top);
    for (const [item, score] of table) top.push(item, score);
    for (const { row, score } of top.sorted()) {
      items.push(row);
      scores.push(score);
    }
    ptr[c + 1] = items.length;
  });
  return { ptr, items: Int32Array.from(items), scores: Float32Array.from(scores) };
}

/** Position of `value` in the ascending `arr[from .. to)`, −1 when absent. */
export function findSorted(arr: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function pairsToCsr(
  keys: Set<number>,
  nItems: number,
  nRows: number,
): { ptr: Int32Array; items: Int32Array } {
  const sorted = Float64Array.from(keys).sort();
  const ptr = new Int32Array(nRows + 1);
  const items = new Int32Array(sorted.length);
  sorted.forEach((key, at) => {
    ptr[Math.floor(key / nItems) + 1]!++;
    items[at] = key % nItems;
  });
  for (let r = 0; r < nRows; r++) ptr[r + 1]! += ptr[r]!;
  return { ptr, items };
}
