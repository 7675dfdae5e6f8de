/**
 * Behaviour features for clustering and the names of the clusters they produce. Pure: profiles
 * in, standardized rows and trait names out. Counts and money are log-transformed (log1p) so a
 * few big spenders do not become clusters of their own; then every feature is z-scored.
 */

/** The profile facts clustering reads (one shopper). Days relative to the run's `now`. */
export interface BehaviourFacts {
  /** Days since the last order or event; null without either. */
  recencyDays: number | null;
  orders: number;
  monetaryMinor: number;
  aovMinor: number | null;
  sessions: number;
  views: number;
  returns: number;
  meanGapDays: number | null;
}

export const FEATURES = [
  'recency',
  'orders',
  'monetary',
  'aov',
  'sessions',
  'viewsPerSession',
  'returnsShare',
  'meanGap',
] as const;
export type Feature = (typeof FEATURES)[number];

/** Phrases for a centroid far above (high) or below (low) the average on a feature. */
const TRAITS: Record<Feature, { high: string; low: string }> = {
  recency: { high: 'lapsed', low: 'recent' },
  orders: { high: 'frequent', low: 'few orders' },
  monetary: { high: 'high spend', low: 'low spend' },
  aov: { high: 'big baskets', low: 'small baskets' },
  sessions: { high: 'many visits', low: 'few visits' },
  viewsPerSession: { high: 'browsers', low: 'quick visits' },
  returnsShare: { high: 'returners', low: 'few returns' },
  meanGap: { high: 'long gaps between orders', low: 'short gaps between orders' },
};

/**
 * Raw feature rows (before standardizing). Missing recency becomes the largest observed plus a
 * month (never active reads as long ago); a missing mean gap (under two orders) becomes the
 * largest observed gap (as infrequent as anyone).
 */
export function rawFeatures(facts: readonly BehaviourFacts[]): Float64Array[] {
  const maxOf = (xs: (number | null)[]) => xs.reduce<number>((m, v) => (v !== null && v > m ? v : m), 0);
  const maxRecency = maxOf(facts.map((f) => f.recencyDays)) + 30;
  const maxGap = maxOf(facts.map((f) => f.meanGapDays));
  return facts.map((f) =>
    Float64Array.from([
      Math.log1p(Math.max(0, f.recencyDays ?? maxRecency)),
      Math.log1p(Math.max(0, f.orders)),
      Math.log1p(Math.max(0, f.monetaryMinor) / 100),
      Math.log1p(Math.max(0, f.aovMinor ?? 0) / 100),
      Math.log1p(Math.max(0, f.sessions)),
      Math.log1p(f.views / Math.max(1, f.sessions)),
      f.orders > 0 ? Math.min(1, f.returns / f.orders) : 0,
      Math.log1p(Math.max(0, f.meanGapDays ?? maxGap)),
    ]),
  );
}

/** z-scores per column (a constant column becomes 0). Returns the rows and the column stats. */
export function standardize(rows: readonly Float64Array[]): {
  rows: Float64Array[];
  mean: Float64Array;
  std: Float64Array;
} {
  const dim = rows[0]?.length ?? 0;
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (const r of rows) for (let j = 0; j < dim; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < dim; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  for (let j = 0; j < dim; j++) std[j] = Math.sqrt(std[j]!);
  const z = rows.map((r) => r.map((v, j) => (std[j]! > 1e-12 ? (v - mean[j]!) / std[j]! : 0)));
  return { rows: z, mean, std };
}

export interface ClusterTrait {
  feature: Feature;
  z: number;
  phrase: string;
}

/** Features that only exist through orders: redundant once a cluster has none. */
const ORDER_FEATURES: ReadonlySet<Feature> = new Set([
  'orders',
  'monetary',
  'aov',
  'returnsShare',
  'meanGap',
]);

/**
 * The two features with the largest |z| of a centroid, as phrases. A cluster whose members
 * average under half an order is named by its strongest browsing trait and "no orders" (its
 * low spend, baskets and gaps all follow from having no orders).
 */
export function clusterTraits(centroid: Float64Array, meanOrders: number, count = 2): ClusterTrait[] {
  const ranked = FEATURES.map((feature, j) => ({ feature, z: centroid[j] ?? 0 })).sort(
    (a, b) => Math.abs(b.z) - Math.abs(a.z) || FEATURES.indexOf(a.feature) - FEATURES.indexOf(b.feature),
  );
  const phrase = (t: { feature: Feature; z: number }): ClusterTrait => ({
    ...t,
    phrase: TRAITS[t.feature][t.z >= 0 ? 'high' : 'low'],
  });
  if (meanOrders < 0.5) {
    const orders = ranked.find((t) => t.feature === 'orders') ?? { feature: 'orders' as const, z: 0 };
    const browsing = ranked
      .filter((t) => !ORDER_FEATURES.has(t.feature))
      .slice(0, count - 1)
      .map(phrase);
    return [...browsing, { ...orders, phrase: 'no orders' }];
  }
  return ranked.slice(0, count).map(phrase);
}

/** "High spend · frequent": the traits joined, the first capitalized. */
export function clusterName(traits: readonly ClusterTrait[]): string {
  const text = traits.map((t) => t.phrase).join(' · ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Cluster';
}
