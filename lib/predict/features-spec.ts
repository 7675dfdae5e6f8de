/**
 * The list of shopper features the churn and propensity models use: key, human label, unit (for
 * formatting an explanation) and how the model transforms it (log1p where the raw value is
 * skewed: counts, days, money). The values themselves are computed in features.ts.
 */

export type FeatureUnit = 'days' | 'count' | 'money' | 'ratio' | 'share' | 'flag' | 'log-ratio';

export interface FeatureSpec {
  key: FeatureKey;
  label: string;
  unit: FeatureUnit;
  /** Transform before standardizing the linear term: log1p for skewed non-negative values. */
  transform: 'log1p' | 'none';
}

const SPECS = [
  { key: 'recencyDays', label: 'Days since last order', unit: 'days', transform: 'log1p' },
  { key: 'frequency', label: 'Paid orders', unit: 'count', transform: 'log1p' },
  { key: 'monetary', label: 'Total spend', unit: 'money', transform: 'log1p' },
  { key: 'aov', label: 'Average order value', unit: 'money', transform: 'log1p' },
  { key: 'tenureDays', label: 'Days since first seen', unit: 'days', transform: 'log1p' },
  { key: 'firstOrderDays', label: 'Days since first order', unit: 'days', transform: 'log1p' },
  { key: 'meanGapDays', label: 'Usual days between orders', unit: 'days', transform: 'log1p' },
  { key: 'lastGapDays', label: 'Days between the last two orders', unit: 'days', transform: 'log1p' },
  { key: 'overdue', label: 'Days since last order ÷ usual gap', unit: 'ratio', transform: 'log1p' },
  { key: 'orders30', label: 'Orders in the last 30 days', unit: 'count', transform: 'log1p' },
  { key: 'orders90', label: 'Orders in the last 90 days', unit: 'count', transform: 'log1p' },
  { key: 'orders180', label: 'Orders in the last 180 days', unit: 'count', transform: 'log1p' },
  { key: 'orders365', label: 'Orders in the last 365 days', unit: 'count', transform: 'log1p' },
  {
    key: 'spendTrend',
    label: 'Spend trend (last 90 days vs the 90 before)',
    unit: 'log-ratio',
    transform: 'none',
  },
  {
    key: 'decayedOrders',
    label: 'Recent order weight (60-day half-life)',
    unit: 'count',
    transform: 'log1p',
  },
  { key: 'ordersPerMonth', label: 'Orders per month since the first', unit: 'count', transform: 'log1p' },
  { key: 'gapVariation', label: 'Irregularity of gaps between orders', unit: 'ratio', transform: 'none' },
  { key: 'unitPrice', label: 'Average price per item', unit: 'money', transform: 'log1p' },
  { key: 'lastOrderShare', label: 'Last order value ÷ average order', unit: 'ratio', transform: 'log1p' },
  {
    key: 'seasonOrders',
    label: 'Orders in the coming 90 days of the season a year ago',
    unit: 'count',
    transform: 'log1p',
  },
  { key: 'monthsActive', label: 'Months with an order', unit: 'count', transform: 'log1p' },
  { key: 'itemsPerOrder', label: 'Items per order', unit: 'count', transform: 'log1p' },
  { key: 'productsPerOrder', label: 'Products per order', unit: 'count', transform: 'log1p' },
  { key: 'problemShare', label: 'Share of orders cancelled or returned', unit: 'share', transform: 'none' },
  { key: 'categories', label: 'Categories bought', unit: 'count', transform: 'log1p' },
  { key: 'homeMarket', label: 'In the home market', unit: 'flag', transform: 'none' },
  { key: 'sessions7', label: 'Sessions in the last 7 days', unit: 'count', transform: 'log1p' },
  { key: 'sessions30', label: 'Sessions in the last 30 days', unit: 'count', transform: 'log1p' },
  { key: 'sessions90', label: 'Sessions in the last 90 days', unit: 'count', transform: 'log1p' },
  { key: 'views30', label: 'Product views in the last 30 days', unit: 'count', transform: 'log1p' },
  { key: 'carts30', label: 'Add-to-carts in the last 30 days', unit: 'count', transform: 'log1p' },
  {
    key: 'openCarts30',
    label: 'Add-to-carts since the last order (30 days)',
    unit: 'count',
    transform: 'log1p',
  },
  { key: 'eventRecencyDays', label: 'Days since last visit', unit: 'days', transform: 'log1p' },
] as const satisfies readonly {
  key: string;
  label: string;
  unit: FeatureUnit;
  transform: 'log1p' | 'none';
}[];

export type FeatureKey = (typeof SPECS)[number]['key'];

/** All features, in the order of the vectors `shopperFeatures` returns. */
export const FEATURES: readonly FeatureSpec[] = SPECS;

const BY_KEY = new Map<string, FeatureSpec>(FEATURES.map((f) => [f.key, f]));

/** The spec of a feature key; throws on an unknown key (a model saved by a newer version). */
export function featureSpec(key: string): FeatureSpec {
  const spec = BY_KEY.get(key);
  if (!spec) throw new Error(`unknown shopper feature "${key}"`);
  return spec;
}

/** A raw feature value for display ("12 days", "3", "84.50", "40 %", "yes"); NaN → "—". */
export function formatFeature(spec: FeatureSpec, value: number): string {
  if (!Number.isFinite(value)) return '—';
  switch (spec.unit) {
    case 'days':
      return `${Math.round(value)} days`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'money':
      return value.toFixed(2);
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'share':
      return `${Math.round(value * 100)} %`;
    case 'flag':
      return value ? 'yes' : 'no';
    case 'log-ratio':
      return `${value >= 0 ? '+' : '−'}${Math.round(Math.abs(Math.expm1(value)) * 100)} %`;
  }
}
