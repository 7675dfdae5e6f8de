import type { RfmSegment } from '@/db/schema';
import type { ShopperSort } from '@/lib/profiles/queries';

/** Labels and URL state of the Shoppers pages (pure: no React, no database). */

export const RFM_LABELS: Record<RfmSegment, string> = {
  champions: 'Champions',
  loyal: 'Loyal',
  potential_loyalists: 'Potential loyalists',
  new: 'New',
  promising: 'Promising',
  need_attention: 'Need attention',
  about_to_sleep: 'About to sleep',
  at_risk: 'At risk',
  cannot_lose: 'Cannot lose',
  hibernating: 'Hibernating',
  lost: 'Lost',
};

export const RFM_HINTS: Record<RfmSegment, string> = {
  champions: 'Bought recently, buy often and spend the most.',
  loyal: 'Buy regularly.',
  potential_loyalists: 'Recent shoppers with a few orders.',
  new: 'First order very recently.',
  promising: 'Recent, but only one order so far.',
  need_attention: 'Average recency and frequency.',
  about_to_sleep: 'Few orders, and not recently.',
  at_risk: 'Used to buy often; not for a while.',
  cannot_lose: 'Bought the most often, long ago.',
  hibernating: 'Few orders, long ago.',
  lost: 'Lowest recency and frequency.',
};

export const SORT_LABELS: Record<ShopperSort, string> = {
  recency: 'Last order',
  orders: 'Orders',
  monetary: 'Spend',
  churn: 'Churn risk',
  propensity: 'Purchase propensity',
  clv: 'Expected 12-month spend',
  lastSeen: 'Last seen',
  name: 'Name',
};

/** The list's URL state, as strings (the service validates them). */
export interface ShopperQuery {
  q: string;
  sort: string;
  dir: string;
  segment: string;
  kind: string;
  country: string;
  page: number;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The list's state from the URL (validated by the service; this only reads strings). */
export function parseShopperQuery(params: Record<string, string | string[] | undefined>): ShopperQuery {
  const page = Number.parseInt(one(params.page), 10);
  return {
    q: one(params.q).slice(0, 200),
    sort: one(params.sort),
    dir: one(params.dir),
    segment: one(params.segment),
    kind: one(params.kind),
    country: one(params.country),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The list URL for a state, dropping empty values (and page 1). */
export function shoppersHref(slug: string, q: Partial<ShopperQuery>): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'segment', 'kind', 'country', 'sort', 'dir'] as const) {
    const v = q[key];
    if (v) params.set(key, String(v));
  }
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const s = params.toString();
  return `/${slug}/shoppers${s ? `?${s}` : ''}`;
}

/** A probability as a whole percentage ("62 %"), "—" when missing. */
export function formatPercent(p: number | null | undefined, locale = 'en'): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** Days as "today", "1 day", "12 days" (rounded down). */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return '—';
  const d = Math.floor(days);
  return d <= 0 ? 'today' : d === 1 ? '1 day' : `${d} days`;
}

/** The name a shopper is shown by: name, email, store id, or "Visitor ab12cd". */
export function shopperLabel(s: {
  name: string | null;
  email: string | null;
  externalId: string | null;
  id: string;
}): string {
  return s.name || s.email || s.externalId || `Visitor ${s.id.slice(0, 6)}`;
}

export const EVENT_LABELS: Record<string, string> = {
  page_view: 'Viewed a page',
  view: 'Viewed',
  add_to_cart: 'Added to cart',
  remove_from_cart: 'Removed from cart',
  purchase: 'Bought',
  search: 'Searched',
  review: 'Reviewed',
  rec_click: 'Clicked a recommendation',
};

export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const ATTRIBUTE_LABELS: Record<string, string> = {
  age_band: 'Age band',
  age: 'Age',
  gender: 'Gender',
};
