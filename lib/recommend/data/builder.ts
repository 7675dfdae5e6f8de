/**
 * Accumulates interactions in growable typed arrays, mapping string ids to dense indexes on the way,
 * then sorts them by time into a Dataset. Half a million rows cost ~10 MB here instead of ~100 MB
 * as objects.
 */
import type { Dataset } from '@/lib/recommend/types';

export class DatasetBuilder {
  private readonly shopperIndex = new Map<string, number>();
  private readonly itemIndex = new Map<string, number>();
  private readonly shopperIds: string[] = [];
  private readonly itemIds: string[] = [];
  private size = 0;
  private shopper = new Int32Array(1024);
  private item = new Int32Array(1024);
  private time = new Float64Array(1024);
  private kind = new Uint8Array(1024);
  private quantity = new Float32Array(1024);

  get length(): number {
    return this.size;
  }

  /** Adds one interaction; `time` in epoch ms, `kind` a KIND_CODE, quantity clamped to ≥ 1. */
  add(shopperId: string, itemId: string, time: number, kind: number, quantity: number): void {
    if (this.size === this.time.length) this.grow();
    const i = this.size++;
    this.shopper[i] = indexOf(this.shopperIndex, this.shopperIds, shopperId);
    this.item[i] = indexOf(this.itemIndex, this.itemIds, itemId);
    this.time[i] = time;
    this.kind[i] = kind;
    this.quantity[i] = Number.isFinite(quantity) && quantity > 1 ? quantity : 1; // NaN and junk count as one
  }

  /**
   * The interactions sorted by time (equal times keep insertion order), with shoppers and items
   * renumbered by first appearance in time: indexes then do not depend on storage order or paging,
   * so every driver yields the same Dataset.
   */
  build(): Dataset {
    const n = this.size;
    const order = timeOrder(this.time.subarray(0, n));
    const shoppers = renumber(this.shopper, order, this.shopperIds);
    const items = renumber(this.item, order, this.itemIds);
    const time = new Float64Array(n);
    const kind = new Uint8Array(n);
    const quantity = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const src = order[i]!;
      time[i] = this.time[src]!;
      kind[i] = this.kind[src]!;
      quantity[i] = this.quantity[src]!;
    }
    return {
      shopperIds: shoppers.ids,
      itemIds: items.ids,
      shopper: shoppers.column,
      item: items.column,
      time,
      kind,
      quantity,
    };
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const bigger = <T extends Int32Array | Float64Array | Uint8Array | Float32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.shopper = bigger(this.shopper, new Int32Array(cap));
    this.item = bigger(this.item, new Int32Array(cap));
    this.time = bigger(this.time, new Float64Array(cap));
    this.kind = bigger(this.kind, new Uint8Array(cap));
    this.quantity = bigger(this.quantity, new Float32Array(cap));
  }
}

/**
 * Indexes of `time` by time, equal times in index order: a stable counting sort by rank among
 * the distinct times. Same order as sorting the indexes with `t[a] - t[b] || a - b`, without a
 * comparator call per step: 400k interactions took ~80 ms that way, on the server's thread when
 * a job loads a dataset in the embedded setup. Times are finite (epoch ms).
 */
export function timeOrder(time: Float64Array): Uint32Array {
  const n = time.length;
  const distinct = time.slice().sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || distinct[i] !== distinct[m - 1]) distinct[m++] = distinct[i]!;
  const start = new Uint32Array(m + 1);
  const rank = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = time[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    start[lo + 1]!++;
  }
  for (let r = 0; r < m; r++) start[r + 1]! += start[r]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[rank[i]!]!++] = i;
  return order;
}

function indexOf(index: Map<string, number>, ids: string[], id: string): number {
  let i = index.get(id);
  if (i === undefined) {
    i = ids.length;
    index.set(id, i);
    ids.push(id);
  }
  return i;
}

/** `column` read in `order`, with its values renumbered by first appearance; ids follow. */
function renumber(column: Int32Array, order: Uint32Array, ids: readonly string[]) {
  const next = new Int32Array(ids.length).fill(-1);
  const out = new Int32Array(order.length);
  const newIds: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const old = column[order[i]!]!;
    if (next[old] === -1) {
      next[old] = newIds.length;
      newIds.push(ids[old]!);
    }
    out[i] = next[old]!;
  }
  return { column: out, ids: newIds };
}
