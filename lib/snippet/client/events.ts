/** Building the events the storefront sends, pure (the clock and id source are parameters). */
import type { Consent } from './consent';

/** Event types the snippet sends. */
export type TrackType =
  | 'page_view'
  | 'view'
  | 'add_to_cart'
  | 'remove_from_cart'
  | 'purchase'
  | 'search'
  | 'rec_impression'
  | 'rec_click';

export const TRACK_TYPES: readonly string[] = [
  'page_view',
  'view',
  'add_to_cart',
  'remove_from_cart',
  'purchase',
  'search',
  'rec_impression',
  'rec_click',
];

/** One purchase line in `tailor('track', 'purchase', { orderId, lines, currency })`. */
export interface PurchaseLine {
  productId: string | number;
  quantity?: number;
  priceMinor?: number;
}

/** Props of `tailor('track', type, props)`; placement/variant are set by the widgets. */
export interface TrackProps {
  productId?: string | number;
  quantity?: number;
  priceMinor?: number;
  currency?: string;
  query?: string;
  orderId?: string | number;
  lines?: PurchaseLine[];
  placement?: string;
  variant?: string;
}

/** Who and where: identity fields are set only when consent allows them. */
export interface Who {
  consent: Consent;
  anonymousId?: string | null;
  customerId?: string | null;
  /** Already stripped of query and hash. */
  url?: string;
  locale?: string;
}

/** The wire shape accepted by POST /api/v1/events. */
export interface WireEvent {
  eventId: string;
  type: TrackType;
  timestamp: string;
  productId?: string;
  quantity?: number;
  priceMinor?: number;
  currency?: string;
  query?: string;
  anonymousId?: string;
  customerId?: string;
  consent: { analytics: boolean; personalization?: boolean };
  context: { url?: string; locale?: string; placement?: string; variant?: string; orderId?: string };
}

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

/**
 * The events for one track call: one event, or one per line for a purchase with `lines`
 * (each carrying context.orderId and the order's currency). Without analytics consent the
 * events carry no anonymousId/customerId and say `consent: { analytics: false }`.
 * `now` is epoch ms; `newId` makes event ids.
 */
export function buildEvents(type: TrackType, props: TrackProps, who: Who, now: number, newId: () => string) {
  const lines: PurchaseLine[] | [undefined] =
    type === 'purchase' && Array.isArray(props.lines) ? props.lines : [undefined];
  const analytics = who.consent.analytics;
  const out: WireEvent[] = [];
  for (const line of lines) {
    const src = line ?? props;
    const e: WireEvent = {
      eventId: newId(),
      type,
      timestamp: new Date(now).toISOString(),
      consent: analytics
        ? { analytics: true, personalization: who.consent.personalization }
        : { analytics: false },
      context: {},
    };
    const productId = str(src.productId);
    if (productId) e.productId = productId;
    if (src.quantity !== undefined) e.quantity = src.quantity;
    if (src.priceMinor !== undefined) e.priceMinor = src.priceMinor;
    const currency = str(props.currency);
    if (currency) e.currency = currency;
    const query = str(props.query);
    if (query) e.query = query;
    if (analytics && who.anonymousId) e.anonymousId = who.anonymousId;
    if (analytics && who.customerId) e.customerId = who.customerId;
    const c = e.context;
    if (who.url) c.url = who.url;
    if (who.locale) c.locale = who.locale;
    const placement = str(props.placement);
    if (placement) c.placement = placement;
    const variant = str(props.variant);
    if (variant) c.variant = variant;
    const orderId = str(props.orderId);
    if (orderId) c.orderId = orderId;
    out.push(e);
  }
  return out;
}

/** Adds a viewed product to the front of the recently viewed list (unique, at most `cap`). */
export function pushRecent(list: readonly string[], productId: string, cap = 20): string[] {
  return [productId, ...list.filter((p) => p !== productId)].slice(0, cap);
}
