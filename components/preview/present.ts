import type { ShopperMatch } from '@/lib/recommend/preview-queries';

type Params = Record<string, string | string[] | undefined>;

export interface PreviewQuery {
  shopper: string;
  item: string;
  /** The cart field as typed: comma-separated product ids. */
  cartText: string;
  cart: string[];
  locale: string;
  q: string;
  /** A segment id whose members are offered to pick from. */
  segment: string;
  /** Products viewed earlier in this visit (ids as given), newest first. */
  viewed: string[];
}

/** Views of the visit kept in the preview's URL (the API takes up to 20). */
export const VIEWED_MAX = 10;

function one(params: Params, key: string, max = 200): string {
  const v = params[key];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim().slice(0, max);
}

/** The preview's URL state; a locale the workspace does not support falls back to its default. */
export function parsePreviewQuery(
  params: Params,
  locales: readonly string[],
  fallback: string,
): PreviewQuery {
  const cartText = one(params, 'cart', 4_000);
  const locale = one(params, 'locale');
  return {
    shopper: one(params, 'shopper'),
    item: one(params, 'item'),
    cartText,
    cart: cartText
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    locale: locales.includes(locale) ? locale : fallback,
    q: one(params, 'q'),
    segment: one(params, 'segment', 64),
    viewed: [
      ...new Set(
        one(params, 'viewed', 4_000)
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ].slice(0, VIEWED_MAX),
  };
}

/** The preview URL with some fields changed; empty fields are left out. */
export function previewHref(slug: string, query: PreviewQuery, change: Partial<PreviewQuery> = {}): string {
  const next = { ...query, ...change };
  const cart = change.cart ? change.cart.join(',') : (change.cartText ?? next.cartText);
  const params = new URLSearchParams();
  for (const [key, value] of [
    ['shopper', next.shopper],
    ['item', next.item],
    ['cart', cart],
    ['locale', next.locale],
    ['q', next.q],
    ['segment', next.segment],
    ['viewed', next.viewed.join(',')],
  ] as const) {
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return `/${slug}/preview${s ? `?${s}` : ''}`;
}

/**
 * The preview after the shopper opens a product: it becomes the product on screen and the one
 * before it joins the visit's views (newest first), as a storefront session would.
 */
export function viewHref(slug: string, query: PreviewQuery, productId: string): string {
  const viewed = [query.item, ...query.viewed].filter((id) => id && id !== productId);
  return previewHref(slug, query, {
    item: productId,
    q: '',
    viewed: [...new Set(viewed)].slice(0, VIEWED_MAX),
  });
}

/** What a merchant recognises a shopper by: name and email, else their ids. */
export function shopperLabel(s: ShopperMatch): string {
  const who = [s.name, s.email].filter(Boolean).join(' · ');
  const id = s.externalId ?? s.anonymousId ?? s.id;
  return who ? `${who} (${id})` : `${s.kind === 'visitor' ? 'Visitor' : 'Customer'} ${id}`;
}

/** The value to put in the shopper field to select exactly this shopper. */
export function shopperRef(s: ShopperMatch): string {
  return s.externalId ?? s.anonymousId ?? s.email ?? s.id;
}

/** A reason's share of the item's score as a bar width, 0–1 (a bury rule's negative share too). */
export function contributionShare(contribution: number): number {
  if (!Number.isFinite(contribution)) return 0;
  return Math.min(1, Math.abs(contribution));
}
