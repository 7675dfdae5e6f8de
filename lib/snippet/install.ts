/**
 * The install text merchants copy (Placements → Storefront install), generated from the same
 * constants the snippet is built from (lib/snippet/client/constants.ts), so they cannot drift.
 * Pure: the page passes the app's public origin, a key and the placements.
 */
import { createHash } from 'node:crypto';
import { type ScenarioId, SCENARIOS } from '@/lib/recommend/scenarios';
import { INLINE_STUB, LOADER_PATH, MARKER_ATTR } from './client/constants';

/** Placeholder shown until the merchant pastes a full publishable key. */
export const KEY_PLACEHOLDER = 'pk_YOUR_PUBLISHABLE_KEY';
/** A full publishable key: `pk_` and 32 URL-safe characters (lib/apikeys generateApiKey). */
export const PUBLISHABLE_KEY_PATTERN = /^pk_[A-Za-z0-9_-]{32}$/;

const escapeAttr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The origin storefronts load the snippet from: APP_URL when configured, else the request's
 * host and protocol (`x-forwarded-proto` only as sent by a proxy in front). Never ends with "/".
 */
export function publicOrigin(appUrl: string | undefined, host: string | null, proto: string | null): string {
  if (appUrl) return new URL(appUrl).origin;
  const scheme = proto === 'https' || proto === 'http' ? proto : 'http';
  return `${scheme}://${host ?? 'localhost'}`;
}

/** The CSP source of the inline stub: `'sha256-<base64 of the SHA-256 of its exact text>'`. */
export function inlineStubHash(): string {
  return `'sha256-${createHash('sha256').update(INLINE_STUB, 'utf8').digest('base64')}'`;
}

/** The loader tag: `<script async src="<origin>/t.js" data-key="pk_…"></script>`. */
export function scriptTag(
  origin: string,
  key: string,
  consentDefault: 'denied' | 'granted' = 'denied',
): string {
  const consent = consentDefault === 'granted' ? ' data-consent-default="granted"' : '';
  return `<script async src="${escapeAttr(origin + LOADER_PATH)}" data-key="${escapeAttr(key)}"${consent}></script>`;
}

/**
 * The ads bundle's tag and an ad slot (Ads → Campaigns, banner channel): the slot's key is the
 * campaign's placement key. Separate from t.js so shops without ads load none of it.
 */
export function adsTags(origin: string, key: string): { scriptTag: string; slot: string } {
  return {
    scriptTag: `<script async src="${escapeAttr(`${origin}/tailor-ads.js`)}" data-key="${escapeAttr(key)}"></script>`,
    slot: '<div data-tailor-ad="your-placement-key"></div>',
  };
}

export interface MarkerInfo {
  placement: string;
  name: string;
  html: string;
  /** Where it belongs and which data-* attributes to fill. */
  note: string;
}

/** One marker per placement, with data-item / data-cart when its scenario uses them. */
export function markerFor(p: { key: string; name: string; scenario: ScenarioId }): MarkerInfo {
  const needs = SCENARIOS[p.scenario].needs;
  const attrs = [`${MARKER_ATTR}="${escapeAttr(p.key)}"`];
  const notes: string[] = [];
  if (needs.item !== 'none') {
    attrs.push('data-item="PRODUCT_ID"');
    notes.push(
      needs.item === 'required'
        ? 'On product pages: data-item is the product’s id in your store (required).'
        : 'data-item (the product’s id in your store) is used when present.',
    );
  }
  if (needs.cart !== 'none') {
    attrs.push('data-cart="ID1,ID2"');
    notes.push('data-cart lists the product ids in the cart (optional).');
  }
  notes.push('data-height reserves the height in pixels before the widget loads (optional).');
  return { placement: p.key, name: p.name, html: `<div ${attrs.join(' ')}></div>`, note: notes.join(' ') };
}

/** The JavaScript API, as examples to adapt. */
export const JS_API_EXAMPLES = `// Product page (a marker with data-item sends this for you):
tailor('track', 'view', { productId: 'SKU-123' });
// Cart changes (widgets refresh by themselves afterwards):
tailor('track', 'add_to_cart', { productId: 'SKU-123', quantity: 1, priceMinor: 2499, currency: 'EUR' });
tailor('track', 'remove_from_cart', { productId: 'SKU-123' });
// Order confirmation: one event per line
tailor('track', 'purchase', { orderId: 'A-1001', currency: 'EUR',
  lines: [{ productId: 'SKU-123', quantity: 2, priceMinor: 2499 }] });
tailor('track', 'search', { query: 'linen shirt' });
// Logged-in shopper (sent only with the shopper's consent):
tailor('identify', 'customer-42');
// From your consent banner (IAB TCF v2 CMPs are read automatically):
tailor('consent', { analytics: true, personalization: true });
// Re-render the widgets, e.g. after the cart changed without a page load:
tailor('refresh');`;

/**
 * Content-Security-Policy directives a strict storefront needs: the app origin for the scripts,
 * the API calls and images. `withStub` adds the inline stub's hash to script-src.
 */
export function cspDirectives(origin: string, withStub = false): string[] {
  const script = withStub ? `script-src ${origin} ${inlineStubHash()}` : `script-src ${origin}`;
  return [script, `connect-src ${origin}`, `img-src ${origin}`];
}

/** The optional inline stub tag, for calling tailor() before t.js has loaded. */
export const inlineStubTag = (): string => `<script>${INLINE_STUB}</script>`;

/** Everything the install page shows, with KEY_PLACEHOLDER where the merchant's key goes. */
export function installTexts(
  origin: string,
  placements: { key: string; name: string; scenario: ScenarioId; status: string }[],
) {
  return {
    scriptTag: scriptTag(origin, KEY_PLACEHOLDER),
    ads: adsTags(origin, KEY_PLACEHOLDER),
    placeholder: KEY_PLACEHOLDER,
    markers: placements.filter((p) => p.status === 'active').map(markerFor),
    jsApi: JS_API_EXAMPLES,
    csp: cspDirectives(origin),
    cspWithStub: cspDirectives(origin, true),
    stubTag: inlineStubTag(),
    stubHash: inlineStubHash(),
  };
}
