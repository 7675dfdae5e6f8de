/**
 * Shopper histories as typed arrays and one string table: the form in which they cross to a
 * compute worker (lib/compute). A structured clone of the demo's 5k histories (200k event
 * objects) held the server's thread for ~90 ms per task, and a training run sends them four
 * times; typed arrays copy as blocks of memory, and the worker rebuilds the objects
 * (`unpackHistories`) on its own thread. `unpackHistories(await packHistories(h))` deep-equals
 * `h`, optional fields included, so a task computes exactly what it computed from the objects.
 */
import { LoopSlicer } from '@/lib/compute/yield';
import type { EventFact, OrderFact, ShopperHistory } from './types';

/** An optional string field: absent, null, or an index into `strings`. */
const ABSENT = -2;
const NULL = -1;

export interface PackedHistories {
  /** Every distinct string (ids, countries, statuses, types, sessions, categories) once. */
  strings: string[];
  /** Per shopper: id, country (NULL), first seen (NaN for null). */
  shopperId: Int32Array;
  country: Int32Array;
  firstSeenAt: Float64Array;
  /** Per shopper, the end of its orders and of its events (their start is the previous end). */
  ordersEnd: Int32Array;
  eventsEnd: Int32Array;
  /** Per order. `categoriesEnd` indexes `categories`; ABSENT in `hasCategories` = no such key. */
  orderAt: Float64Array;
  totalMinor: Float64Array;
  status: Int32Array;
  items: Float64Array;
  products: Float64Array;
  hasCategories: Uint8Array;
  categoriesEnd: Int32Array;
  categories: Int32Array;
  /** Per event. */
  eventAt: Float64Array;
  eventType: Int32Array;
  sessionId: Int32Array;
  eventCategory: Int32Array;
}

/** Interns strings into one table. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.index.set(s, i);
      this.strings.push(s);
    }
    return i;
  }

  optional(s: string | null | undefined): number {
    if (s === undefined) return ABSENT;
    return s === null ? NULL : this.of(s);
  }
}

const optionalString = (strings: readonly string[], i: number): string | null =>
  i === NULL ? null : strings[i]!;

/**
 * Packs `histories` in slices that give the event loop back (it runs on the server's thread in
 * the embedded setup; the demo's histories take ~30 ms in all).
 */
export async function packHistories(histories: readonly ShopperHistory[]): Promise<PackedHistories> {
  let orders = 0;
  let events = 0;
  let categories = 0;
  for (const h of histories) {
    orders += h.orders.length;
    events += h.events.length;
    for (const o of h.orders) categories += o.categories?.length ?? 0;
  }
  const n = histories.length;
  const table = new StringTable();
  const p: PackedHistories = {
    strings: table.strings,
    shopperId: new Int32Array(n),
    country: new Int32Array(n),
    firstSeenAt: new Float64Array(n),
    ordersEnd: new Int32Array(n),
    eventsEnd: new Int32Array(n),
    orderAt: new Float64Array(orders),
    totalMinor: new Float64Array(orders),
    status: new Int32Array(orders),
    items: new Float64Array(orders),
    products: new Float64Array(orders),
    hasCategories: new Uint8Array(orders),
    categoriesEnd: new Int32Array(orders),
    categories: new Int32Array(categories),
    eventAt: new Float64Array(events),
    eventType: new Int32Array(events),
    sessionId: new Int32Array(events),
    eventCategory: new Int32Array(events),
  };
  const slicer = new LoopSlicer();
  let o = 0;
  let c = 0;
  let e = 0;
  for (let s = 0; s < n; s++) {
    const h = histories[s]!;
    p.shopperId[s] = table.of(h.shopperId);
    p.country[s] = h.country === null ? NULL : table.of(h.country);
    p.firstSeenAt[s] = h.firstSeenAt ?? Number.NaN;
    for (const order of h.orders) {
      p.orderAt[o] = order.at;
      p.totalMinor[o] = order.totalMinor;
      p.status[o] = table.of(order.status);
      p.items[o] = order.items;
      p.products[o] = order.products;
      p.hasCategories[o] = order.categories ? 1 : 0;
      for (const cat of order.categories ?? []) p.categories[c++] = table.of(cat);
      p.categoriesEnd[o++] = c;
    }
    p.ordersEnd[s] = o;
    for (const event of h.events) {
      p.eventAt[e] = event.at;
      p.eventType[e] = table.of(event.type);
      p.sessionId[e] = table.optional(event.sessionId);
      p.eventCategory[e++] = table.optional(event.category);
    }
    p.eventsEnd[s] = e;
    if (slicer.due()) await slicer.yield();
  }
  return p;
}

/** The histories `packed` was made from (on the worker: objects built there, not cloned). */
export function unpackHistories(packed: PackedHistories): ShopperHistory[] {
  const { strings } = packed;
  const out: ShopperHistory[] = new Array(packed.shopperId.length);
  let o = 0;
  let c = 0;
  let e = 0;
  for (let s = 0; s < out.length; s++) {
    const orders: OrderFact[] = [];
    for (; o < packed.ordersEnd[s]!; o++) {
      const order: OrderFact = {
        at: packed.orderAt[o]!,
        totalMinor: packed.totalMinor[o]!,
        status: strings[packed.status[o]!] as OrderFact['status'],
        items: packed.items[o]!,
        products: packed.products[o]!,
      };
      const cats: string[] = [];
      for (; c < packed.categoriesEnd[o]!; c++) cats.push(strings[packed.categories[c]!]!);
      if (packed.hasCategories[o]) order.categories = cats;
      orders.push(order);
    }
    const events: EventFact[] = [];
    for (; e < packed.eventsEnd[s]!; e++) {
      const event: EventFact = { at: packed.eventAt[e]!, type: strings[packed.eventType[e]!]! };
      if (packed.sessionId[e] !== ABSENT) event.sessionId = optionalString(strings, packed.sessionId[e]!);
      if (packed.eventCategory[e] !== ABSENT)
        event.category = optionalString(strings, packed.eventCategory[e]!);
      events.push(event);
    }
    const first = packed.firstSeenAt[s]!;
    out[s] = {
      shopperId: strings[packed.shopperId[s]!]!,
      country: packed.country[s] === NULL ? null : strings[packed.country[s]!]!,
      firstSeenAt: Number.isNaN(first) ? null : first,
      orders,
      events,
    };
  }
  return out;
}
