/** URL and locale helpers, pure. */

/**
 * The page URL without query string and hash (they may carry emails, tokens, campaign ids),
 * at most 2,048 characters. Returns undefined for something that is not a URL.
 */
export function stripUrl(href: string): string | undefined {
  try {
    const u = new URL(href);
    return (u.origin + u.pathname).slice(0, 2048);
  } catch {
    return undefined;
  }
}

/** A BCP 47 tag from `<html lang>` or navigator.language (`en_US` → `en-US`), or undefined. */
export function normalizeLocale(raw: string | null | undefined): string | undefined {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) && tag.length <= 35 ? tag : undefined;
}

/** Recommendation request parameters; visitor/recent only with personalization consent. */
export interface RecsQuery {
  key: string;
  placement: string;
  locale?: string;
  item?: string;
  cart?: string[];
  visitor?: string;
  recent?: string[];
  /** Ask for each item's reasons (the store shows a "why" line). */
  explain?: boolean;
}

/** `<api>/api/v1/recommendations?…`; empty optional parameters are left out. */
export function recommendationsUrl(api: string, q: RecsQuery): string {
  const p = new URLSearchParams({ key: q.key, placement: q.placement });
  if (q.locale) p.set('locale', q.locale);
  if (q.item) p.set('item', q.item);
  if (q.cart?.length) p.set('cart', q.cart.join(','));
  if (q.explain) p.set('explain', '1');
  if (q.visitor) {
    p.set('visitor', q.visitor);
    if (q.recent?.length) p.set('recent', q.recent.slice(0, 20).join(','));
  }
  return `${api}/api/v1/recommendations?${p}`;
}

/** Splits `data-cart="a, b"` into ids, blanks dropped. */
export const splitIds = (v: string | null | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
