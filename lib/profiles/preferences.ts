import type { Affinity, PriceBand, ProductInfo } from './types';

/**
 * Preferences from what a shopper did with products: purchases count most, then carts, then
 * views, and older signals fade (half-life below). Pure functions over typed arrays.
 */

/** Weight of one signal by kind: a purchase says more than a cart, a cart more than a view. */
export const SIGNAL_WEIGHTS = { purchase: 5, cart: 2, view: 1 } as const;
export type SignalKind = keyof typeof SIGNAL_WEIGHTS;
/** A signal loses half its weight every this many days. */
export const HALF_LIFE_DAYS = 45;

export interface ProductSignal {
  productId: string;
  kind: SignalKind;
  /** ms since epoch. */
  at: number;
  /** Units (purchases), 1 otherwise. */
  quantity?: number;
}

/** The weight of one signal at `now`: kind weight × quantity (capped at 5) × recency decay. */
export function signalWeight(s: ProductSignal, now: number): number {
  const ageDays = Math.max(0, (now - s.at) / 86_400_000);
  const units = Math.min(5, Math.max(1, s.quantity ?? 1));
  return SIGNAL_WEIGHTS[s.kind] * units * 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

/** Weighted shares of a key over the signals, largest first (ties by name), summing to 1. */
export function affinities(
  signals: readonly ProductSignal[],
  products: ReadonlyMap<string, ProductInfo>,
  key: (p: ProductInfo) => string | null,
  now: number,
  limit = 8,
): Affinity[] {
  const sums = new Map<string, number>();
  let total = 0;
  for (const s of signals) {
    const p = products.get(s.productId);
    const name = p ? key(p) : null;
    if (!name) continue;
    const w = signalWeight(s, now);
    sums.set(name, (sums.get(name) ?? 0) + w);
    total += w;
  }
  if (total <= 0) return [];
  return [...sums.entries()]
    .map(([name, w]) => ({ name, share: w / total }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Where a price sits in its category: below the first tercile budget, above the second premium. */
export function bandOf(price: number, terciles: readonly [number, number]): PriceBand {
  if (price < terciles[0]) return 'budget';
  if (price > terciles[1]) return 'premium';
  return 'mid';
}

/**
 * The shopper's price band: each signal's product placed in its leaf category's price terciles,
 * weighted like affinities; the band with the largest weight wins (mid on a tie). `shares` is
 * the weight per band (0s when nothing could be placed, and `band` is then null).
 */
export function priceBand(
  signals: readonly ProductSignal[],
  products: ReadonlyMap<string, ProductInfo>,
  terciles: ReadonlyMap<string, readonly [number, number]>,
  now: number,
): { band: PriceBand | null; shares: Record<PriceBand, number> } {
  const w: Record<PriceBand, number> = { budget: 0, mid: 0, premium: 0 };
  let total = 0;
  for (const s of signals) {
    const p = products.get(s.productId);
    const t = p?.leaf ? terciles.get(p.leaf) : undefined;
    if (!p || !t || p.priceMinor === null) continue;
    const weight = signalWeight(s, now);
    w[bandOf(p.priceMinor, t)] += weight;
    total += weight;
  }
  if (total <= 0) return { band: null, shares: w };
  const shares = { budget: w.budget / total, mid: w.mid / total, premium: w.premium / total };
  const band: PriceBand =
    shares.mid >= shares.budget && shares.mid >= shares.premium
      ? 'mid'
      : shares.budget >= shares.premium
        ? 'budget'
        : 'premium';
  return { band, shares };
}

/** Language tag → its primary language, lower case (`de-AT` → `de`). */
export const primaryLanguage = (tag: string): string => tag.trim().split(/[-_]/)[0]!.toLowerCase();

/**
 * Preferred language: the shares of the locales the shopper's events carried, with the
 * shopper's own locale counted as one event when no event says anything. Largest first.
 */
export function languageShares(
  eventLocales: readonly (string | null)[],
  shopperLocale: string | null,
): { locale: string; share: number }[] {
  const counts = new Map<string, number>();
  for (const l of eventLocales)
    if (l?.trim()) counts.set(primaryLanguage(l), (counts.get(primaryLanguage(l)) ?? 0) + 1);
  if (counts.size === 0 && shopperLocale?.trim()) counts.set(primaryLanguage(shopperLocale), 1);
  let total = 0;
  for (const n of counts.values()) total += n;
  return [...counts.entries()]
    .map(([locale, n]) => ({ locale, share: n / total }))
    .sort((a, b) => b.share - a.share || a.locale.localeCompare(b.locale));
}

/**
 * The interest vector: the weighted mean of the unit vectors of the signals' products,
 * normalised to unit length. Null when no signal's product has a vector (or they cancel out).
 */
export function interestVector(
  signals: readonly ProductSignal[],
  vectors: ReadonlyMap<string, Float32Array>,
  now: number,
): { vector: Float32Array; items: number } | null {
  let sum: Float64Array | null = null;
  const used = new Set<string>();
  for (const s of signals) {
    const v = vectors.get(s.productId);
    if (!v) continue;
    if (!sum) sum = new Float64Array(v.length);
    if (v.length !== sum.length) continue;
    const w = signalWeight(s, now);
    for (let i = 0; i < v.length; i++) sum[i]! += w * v[i]!;
    used.add(s.productId);
  }
  if (!sum) return null;
  let norm = 0;
  for (let i = 0; i < sum.length; i++) norm += sum[i]! * sum[i]!;
  norm = Math.sqrt(norm);
  if (!(norm > 1e-12)) return null;
  const out = new Float32Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = sum[i]! / norm;
  return { vector: out, items: used.size };
}
