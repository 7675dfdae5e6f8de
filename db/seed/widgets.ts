import type { EventRow } from './activity';
import { Rng } from './random';
import { DAY_MS, HOUR_MS, type Timeline } from './timeline';

/** Default placement keys (lib/placements/defaults.ts) the demo's widgets are shown in. */
export const WIDGET_PLACEMENTS = {
  home: 'home-for-you',
  similar: 'product-similar',
  cart: 'cart-bought-together',
  trending: 'trending',
} as const;

/** Tuning of the simulated widget traffic; rates are per source event. */
export const WIDGET_RATES = {
  /** Days of widget history before `now`. */
  days: 60,
  /** Share of shoppers in the holdout arm (non-personal recommendations). */
  holdoutShare: 0.1,
  /** Impression chance per page view (home widgets), product view and add-to-cart. */
  homeImpression: 0.45,
  trendingImpression: 0.2,
  similarImpression: 0.3,
  cartImpression: 0.35,
  /** Chance that a product view came from a widget click, per arm. */
  browseClick: { personalized: 0.045, holdout: 0.035 },
  /** Chance that a purchased line was found through a widget, per arm: a modest real uplift. */
  purchaseClick: { personalized: 0.16, holdout: 0.12 },
} as const;

export interface WidgetTraffic {
  events: EventRow[];
  /** occurred_at of each event in ms, parallel to `events`. */
  times: number[];
}

type Arm = 'personalized' | 'holdout';

/**
 * Which widget a browsing click (a product view, not necessarily bought) came from, by one uniform
 * draw: every placement gets browsing clicks, so none of them converts every click to a cart.
 */
function browsePlacement(u: number): string {
  if (u < 0.5) return WIDGET_PLACEMENTS.similar;
  if (u < 0.75) return WIDGET_PLACEMENTS.home;
  if (u < 0.9) return WIDGET_PLACEMENTS.trending;
  return WIDGET_PLACEMENTS.cart;
}

/**
 * Simulated storefront widget traffic over the last WIDGET_RATES.days days of `events` (the
 * generated behaviour, any order): `rec_impression` events next to page views, product views and
 * add-to-carts, and `rec_click` events just before some product views, so the sessions that follow
 * (add-to-cart, purchase) attribute by last click. Each shopper sits in one arm (10 % holdout);
 * personalized widgets are clicked and lead to purchases somewhat more often. Deterministic for a
 * given seed and input; every event has its shopper (demo shoppers consented).
 */
export function simulateWidgetTraffic(
  seed: number,
  opts: { tenantId: string; timeline: Timeline; events: readonly EventRow[] },
): WidgetTraffic {
  const rng = new Rng(seed);
  const { nowMs } = opts.timeline;
  const fromMs = nowMs - WIDGET_RATES.days * DAY_MS;
  const out: WidgetTraffic = { events: [], times: [] };
  const arms = new Map<string, Arm>();
  const armOf = (shopperId: string): Arm => {
    const known = arms.get(shopperId);
    if (known) return known;
    const a: Arm = rng.chance(WIDGET_RATES.holdoutShare) ? 'holdout' : 'personalized';
    arms.set(shopperId, a);
    return a;
  };

  const emit = (src: EventRow, type: 'rec_impression' | 'rec_click', at: number, placement: string) => {
    const ms = Math.min(nowMs - 1, Math.max(opts.timeline.startMs, Math.floor(at)));
    out.events.push({
      tenantId: opts.tenantId,
      eventId: '',
      type,
      shopperId: src.shopperId ?? null,
      anonymousId: src.anonymousId ?? null,
      sessionId: src.sessionId ?? null,
      productId: type === 'rec_click' ? (src.productId ?? null) : null,
      quantity: null,
      priceMinor: null,
      currency: null,
      query: null,
      context: { placement, variant: armOf(src.shopperId ?? '') },
      occurredAt: new Date(ms),
      receivedAt: new Date(ms + rng.int(40, 1500)),
    });
    out.times.push(ms);
  };
  const click = (src: EventRow, at: number, placement: string) => {
    emit(src, 'rec_impression', at - rng.uniform(4_000, 60_000), placement);
    emit(src, 'rec_click', at, placement);
  };

  // Where each (session, product) was first looked at: a widget click that led to a purchase
  // happened just before it, so the session's add-to-cart attributes too.
  const firstTouch = new Map<string, number>();
  const inWindow = opts.events.filter((e) => e.occurredAt.getTime() >= fromMs && e.shopperId);
  for (const e of inWindow) {
    if ((e.type !== 'view' && e.type !== 'add_to_cart') || !e.productId) continue;
    const key = `${e.sessionId}|${e.productId}`;
    const t = e.occurredAt.getTime();
    if (!(t >= (firstTouch.get(key) ?? Number.POSITIVE_INFINITY))) firstTouch.set(key, t);
  }
  const clickedTouch = new Set<string>();

  for (const e of inWindow) {
    const t = e.occurredAt.getTime();
    const arm = armOf(e.shopperId!);
    if (e.type === 'page_view') {
      if (rng.chance(WIDGET_RATES.homeImpression))
        emit(e, 'rec_impression', t + rng.uniform(800, 4_000), WIDGET_PLACEMENTS.home);
      if (rng.chance(WIDGET_RATES.trendingImpression))
        emit(e, 'rec_impression', t + rng.uniform(1_500, 6_000), WIDGET_PLACEMENTS.trending);
    } else if (e.type === 'view' && e.productId) {
      if (rng.chance(WIDGET_RATES.similarImpression))
        emit(e, 'rec_impression', t + rng.uniform(800, 5_000), WIDGET_PLACEMENTS.similar);
      const key = `${e.sessionId}|${e.productId}`;
      if (firstTouch.get(key) === t && rng.chance(WIDGET_RATES.browseClick[arm])) {
        clickedTouch.add(key);
        click(e, t - rng.uniform(500, 3_000), browsePlacement(rng.next()));
      }
    } else if (e.type === 'add_to_cart' && e.productId) {
      if (rng.chance(WIDGET_RATES.cartImpression))
        emit(e, 'rec_impression', t + rng.uniform(800, 4_000), WIDGET_PLACEMENTS.cart);
    } else if (e.type === 'purchase' && e.productId) {
      const key = `${e.sessionId}|${e.productId}`;
      if (clickedTouch.has(key) || !rng.chance(WIDGET_RATES.purchaseClick[arm])) continue;
      clickedTouch.add(key);
      const touch = firstTouch.get(key);
      const placement = rng.pick([
        WIDGET_PLACEMENTS.similar,
        WIDGET_PLACEMENTS.similar,
        WIDGET_PLACEMENTS.home,
        WIDGET_PLACEMENTS.cart,
        WIDGET_PLACEMENTS.trending,
      ]);
      click(
        e,
        touch !== undefined ? touch - rng.uniform(500, 3_000) : t - rng.uniform(HOUR_MS, 3 * DAY_MS),
        placement,
      );
    }
  }
  return out;
}
