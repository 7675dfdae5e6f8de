/**
 * The shopper signals the preference model reads, strictly before a cutoff: each fact as (signal,
 * category, age in days), plus the store's category popularity and the category a shopper buys
 * next (the label). Purchases count each paid order once, split evenly over its lines'
 * categories, so one big basket does not outweigh several visits.
 */
import type { ShopperHistory } from '@/lib/predict/types';

export const DAY_MS = 86_400_000;

/** Signal kinds, in the order the model's weights use. */
export const SIGNALS = ['purchases', 'carts', 'views'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Event types read as each signal (a recommendation click is a look at a product, like a view). */
const EVENT_SIGNAL: Record<string, number> = { add_to_cart: 1, view: 2, rec_click: 2 };

/** Days of purchases the popularity prior is computed over. */
export const POPULARITY_DAYS = 90;

/** One weighted fact: signal index (0 purchases, 1 carts, 2 views), category, age and weight. */
export interface SignalFact {
  signal: number;
  category: string;
  ageDays: number;
  weight: number;
}

/** The shopper's facts strictly before `cutoff` (epoch ms) that name a category. */
export function signalFacts(h: ShopperHistory, cutoff: number): SignalFact[] {
  const out: SignalFact[] = [];
  for (const o of h.orders) {
    if (o.status !== 'paid' || !(o.at < cutoff) || !o.categories || o.categories.length === 0) continue;
    const ageDays = (cutoff - o.at) / DAY_MS;
    const weight = 1 / o.categories.length;
    for (const category of o.categories) out.push({ signal: 0, category, ageDays, weight });
  }
  for (const e of h.events) {
    const signal = EVENT_SIGNAL[e.type];
    if (signal === undefined || !e.category || !(e.at < cutoff)) continue;
    out.push({ signal, category: e.category, ageDays: (cutoff - e.at) / DAY_MS, weight: 1 });
  }
  return out;
}

/**
 * The category of the shopper's first paid order in [from, to) that has categories: its most
 * frequent line category (ties: the earliest line). Null when there is none.
 */
export function nextCategory(h: ShopperHistory, from: number, to: number): string | null {
  for (const o of h.orders) {
    if (o.status !== 'paid' || o.at < from || o.at >= to || !o.categories || o.categories.length === 0)
      continue;
    const counts = new Map<string, number>();
    for (const c of o.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    let best = o.categories[0]!;
    for (const c of o.categories) if (counts.get(c)! > counts.get(best)!) best = c;
    return best;
  }
  return null;
}

/**
 * Categories known before `cutoff` (from orders and events, sorted) and their popularity: each
 * category's share of purchases in the POPULARITY_DAYS before the cutoff, add-one smoothed so every
 * known category has a positive probability. Sums to 1 (empty when no category is known).
 */
export function popularityAt(
  histories: readonly ShopperHistory[],
  cutoff: number,
): { categories: string[]; popularity: number[] } {
  const known = new Set<string>();
  const bought = new Map<string, number>();
  const since = cutoff - POPULARITY_DAYS * DAY_MS;
  for (const h of histories) {
    for (const f of signalFacts(h, cutoff)) {
      known.add(f.category);
      if (f.signal === 0 && cutoff - f.ageDays * DAY_MS >= since) {
        bought.set(f.category, (bought.get(f.category) ?? 0) + f.weight);
      }
    }
  }
  const categories = [...known].sort();
  const raw = categories.map((c) => (bought.get(c) ?? 0) + 1);
  const total = raw.reduce((a, b) => a + b, 0);
  return { categories, popularity: raw.map((v) => v / total) };
}
