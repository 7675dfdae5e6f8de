import type { AttributedRow, WidgetDayRow } from './queries';
import { MIN_DAYS_PER_ARM, MIN_IMPRESSIONS_PER_ARM, type Variant } from './schemas';
import { newcombeDiff, type Verdict, verdictOf, welchDiff } from './uplift';

/** Raw counts for one arm (or both together). Money in minor units of the workspace currency. */
export interface Counts {
  impressions: number;
  /** Impressions by identified shoppers: the denominator of conversion rate and revenue per impression. */
  identified: number;
  clicks: number;
  /** Clicks followed by an add-to-cart of the clicked product within the window. */
  cartClicks: number;
  /** Attributed orders (an order counts once per placement). */
  conversions: number;
  revenueMinor: number;
  /** Purchase lines that would attribute but are in another currency (not converted). */
  otherCurrencyLines: number;
}

/** Counts plus the derived rates (0 when the denominator is 0). */
/** Counts of both arms of one placement or group. */
export type ArmCounts = Record<Variant, Counts>;

export interface Metrics extends Counts {
  /** clicks ÷ impressions. */
  ctr: number;
  /** cartClicks ÷ clicks. */
  addToCartRate: number;
  /** The primary rate: conversions ÷ identified impressions. */
  conversionRate: number;
  /** conversions ÷ clicks. */
  conversionPerClick: number;
  /** revenueMinor ÷ identified impressions (minor units, fractional). */
  revenuePerImpression: number;
}

export interface Group {
  key: string;
  name: string;
  scenario: string;
  total: Metrics;
  arms: Record<Variant, Metrics>;
}

export interface DayPoint {
  day: string;
  impressions: number;
  clicks: number;
  conversions: number;
  revenueMinor: number;
}

export interface Uplift {
  verdict: Verdict;
  /** Personalized minus holdout (rate, or minor units per impression); null without enough data. */
  diff: number | null;
  low: number | null;
  high: number | null;
  personalized: number;
  holdout: number;
  /** diff ÷ holdout value; null when the holdout value is 0 or there is not enough data. */
  relative: number | null;
}

const zero = (): Counts => ({
  impressions: 0,
  identified: 0,
  clicks: 0,
  cartClicks: 0,
  conversions: 0,
  revenueMinor: 0,
  otherCurrencyLines: 0,
});
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Adds the derived rates to raw counts. */
export function withRates(c: Counts): Metrics {
  return {
    ...c,
    ctr: ratio(c.clicks, c.impressions),
    addToCartRate: ratio(c.cartClicks, c.clicks),
    conversionRate: ratio(c.conversions, c.identified),
    conversionPerClick: ratio(c.conversions, c.clicks),
    revenuePerImpression: ratio(c.revenueMinor, c.identified),
  };
}

function add(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
}

const asVariant = (v: string): Variant => (v === 'holdout' ? 'holdout' : 'personalized');

/**
 * Counts per placement key and variant. Carts count distinct clicks; conversions count distinct
 * orders per placement, and an order converts only through lines in the workspace currency.
 */
export function countByPlacement(widgets: readonly WidgetDayRow[], attributed: readonly AttributedRow[]) {
  const out = new Map<string, Record<Variant, Counts>>();
  const get = (p: string) => {
    const m = out.get(p) ?? { personalized: zero(), holdout: zero() };
    out.set(p, m);
    return m;
  };
  for (const w of widgets) {
    const c = get(w.placement)[asVariant(w.variant)];
    c.impressions += w.impressions;
    c.identified += w.identified;
    c.clicks += w.clicks;
  }
  const carts = new Set<string>();
  const orders = new Set<string>();
  for (const a of attributed) {
    const c = get(a.placement)[asVariant(a.variant)];
    const key = `${a.placement}\u0000${a.kind === 'purchase' ? a.orderKey : a.clickId}`;
    if (a.kind === 'add_to_cart') {
      if (!carts.has(key)) c.cartClicks += 1;
      carts.add(key);
      continue;
    }
    c.revenueMinor += a.revenueMinor;
    c.otherCurrencyLines += a.otherCurrencyLines;
    if (a.lines > 0 && !orders.has(key)) {
      c.conversions += 1;
      orders.add(key);
    }
  }
  return out;
}

/** Sums arms of several placements into one group's metrics. */
export function sumGroup(parts: readonly Record<Variant, Counts>[]): Pick<Group, 'total' | 'arms'> {
  const p = zero();
  const h = zero();
  for (const x of parts) {
    add(p, x.personalized);
    add(h, x.holdout);
  }
  const t = zero();
  add(t, p);
  add(t, h);
  return { total: withRates(t), arms: { personalized: withRates(p), holdout: withRates(h) } };
}

/** Impressions, clicks, conversions and revenue per UTC day, both arms together, every day listed. */
export function dailySeries(
  days: readonly string[],
  widgets: readonly WidgetDayRow[],
  attributed: readonly AttributedRow[],
): DayPoint[] {
  const map = new Map(
    days.map((d) => [d, { day: d, impressions: 0, clicks: 0, conversions: 0, revenueMinor: 0 }]),
  );
  for (const w of widgets) {
    const p = map.get(w.day);
    if (p) {
      p.impressions += w.impressions;
      p.clicks += w.clicks;
    }
  }
  const seen = new Set<string>();
  for (const a of attributed) {
    const p = map.get(a.day);
    if (!p || a.kind !== 'purchase') continue;
    p.revenueMinor += a.revenueMinor;
    const key = `${a.placement}\u0000${a.orderKey}`;
    if (a.lines > 0 && !seen.has(key)) p.conversions += 1;
    seen.add(key);
  }
  return [...map.values()];
}

/** Personalized vs holdout on the primary rate, Newcombe interval; null-valued under the threshold. */
export function conversionUplift(arms: Record<Variant, Metrics>): Uplift {
  const { personalized: p, holdout: h } = arms;
  const base = { personalized: p.conversionRate, holdout: h.conversionRate };
  if (p.identified < MIN_IMPRESSIONS_PER_ARM || h.identified < MIN_IMPRESSIONS_PER_ARM) {
    return { ...base, verdict: 'not_enough_data', diff: null, low: null, high: null, relative: null };
  }
  // A conversion is an (order, placement) pair; it cannot outnumber widget views in practice, but clamp.
  const d = newcombeDiff(
    Math.min(p.conversions, p.identified),
    p.identified,
    Math.min(h.conversions, h.identified),
    h.identified,
  );
  return {
    ...base,
    verdict: verdictOf(d),
    diff: d.diff,
    low: d.low,
    high: d.high,
    relative: h.conversionRate > 0 ? d.diff / h.conversionRate : null,
  };
}

/**
 * Revenue per identified impression, personalized vs holdout: Welch interval over per-day values
 * (each day's revenue ÷ identified impressions in that arm), days without impressions left out.
 */
export function revenueUplift(
  arms: Record<Variant, Metrics>,
  widgets: readonly WidgetDayRow[],
  attributed: readonly AttributedRow[],
): Uplift {
  const perDay = (v: Variant) => {
    const imp = new Map<string, number>();
    const rev = new Map<string, number>();
    for (const w of widgets)
      if (asVariant(w.variant) === v) imp.set(w.day, (imp.get(w.day) ?? 0) + w.identified);
    for (const a of attributed)
      if (a.kind === 'purchase' && asVariant(a.variant) === v)
        rev.set(a.day, (rev.get(a.day) ?? 0) + a.revenueMinor);
    return [...imp].filter(([, n]) => n > 0).map(([d, n]) => (rev.get(d) ?? 0) / n);
  };
  const { personalized: p, holdout: h } = arms;
  const base = { personalized: p.revenuePerImpression, holdout: h.revenuePerImpression };
  const a = perDay('personalized');
  const b = perDay('holdout');
  if (
    p.identified < MIN_IMPRESSIONS_PER_ARM ||
    h.identified < MIN_IMPRESSIONS_PER_ARM ||
    a.length < MIN_DAYS_PER_ARM ||
    b.length < MIN_DAYS_PER_ARM
  ) {
    return { ...base, verdict: 'not_enough_data', diff: null, low: null, high: null, relative: null };
  }
  const d = welchDiff(a, b);
  return {
    // Shown next to the interval, so the same estimator: the mean of the daily values.
    personalized: d.meanA,
    holdout: d.meanB,
    verdict: verdictOf(d),
    diff: d.diff,
    low: d.low,
    high: d.high,
    relative: d.meanB > 0 ? d.diff / d.meanB : null,
  };
}
