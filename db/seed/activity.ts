import type { events, orderLines, orders } from '@/db/schema';
import type { Catalog, ProductModel } from './catalog';
import { composeQuery, withTypo } from './grammar';
import { Rng, deriveSeed } from './random';
import type { ShopperModel, ShopperPopulation } from './shoppers';
import {
  CHECKOUT,
  CUSTOMER_CHANNEL_WEIGHTS,
  CUSTOMER_CHANNELS,
  DEVICE_CONVERSION,
  DOW_CONVERSION,
  DOW_VISITS,
  EMPTY,
  HOURS_WEEKDAY,
  HOURS_WEEKEND,
  ORDERS_PAGE,
  SOURCE,
  VISITOR_CHANNEL_WEIGHTS,
  VISITOR_CHANNELS,
} from './rhythm';
import { DAY_MS, HOUR_MS, type Timeline, dayStartMs, monthOf, weekday } from './timeline';
import { BRANDS } from './vocab/brands';
import { REVIEW_TEXTS } from './vocab/common';
import { CATEGORIES, COMPLEMENTS } from './vocab/index';
import { type CategoryDef, DEMO_LOCALES, type DemoLocale, type SubcategoryDef } from './vocab/types';

export type EventRow = typeof events.$inferInsert;
export type OrderRow = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferInsert;

/** Longer than any generated session (about a dozen events a minute or so apart). */
const SESSION_MAX_MS = HOUR_MS;

export interface ActivityOptions {
  seed: number;
  tenantId: string;
  currency: string;
  timeline: Timeline;
  catalog: Catalog;
  shoppers: ShopperPopulation;
}

export interface Activity {
  /** Per shopper in time order; `eventId` is still empty (assigned after the global sort). */
  events: EventRow[];
  /** `occurredAt` of each event in ms, parallel to `events`. */
  eventTimes: number[];
  orders: { t: number; row: OrderRow; lines: OrderLineRow[]; contexts: Record<string, unknown>[] }[];
  /** First and last event instant per shopper index (NaN when none). */
  seen: { first: number; last: number }[];
}

const SUBCATEGORIES = new Map<string, { cat: CategoryDef; sub: SubcategoryDef }>();
for (const cat of CATEGORIES) for (const sub of cat.subcategories) SUBCATEGORIES.set(sub.key, { cat, sub });

function queryLocaleOf(locale: string): DemoLocale {
  return (DEMO_LOCALES as readonly string[]).includes(locale) ? (locale as DemoLocale) : 'en';
}

/** Simulates one shopper's sessions, in time order, into the shared output. */
class ShopperSimulation {
  private readonly rng: Rng;
  private readonly fit: Float64Array;
  private readonly queryLocale: DemoLocale;
  private sessionNo = 0;
  private lastPurchaseMs: number | undefined;
  private pendingReviews: { at: number; p: ProductModel; rating: number; text: string }[] = [];
  private readonly seen = { first: Number.NaN, last: Number.NaN };

  constructor(
    private readonly opts: ActivityOptions,
    private readonly out: Activity,
    private readonly s: ShopperModel,
  ) {
    this.rng = new Rng(deriveSeed(opts.seed, 'shopper', s.index));
    this.queryLocale = queryLocaleOf(s.locale);
    const models = opts.catalog.models;
    this.fit = new Float64Array(models.length);
    for (const p of models) {
      const gap = p.priceLevel - s.pricePreference;
      // Over-budget products hurt more than cheap ones.
      const penalty = s.priceSensitivity * gap * gap * (gap > 0 ? 1.4 : 0.6);
      const brand = s.favouriteBrands.includes(p.brand) ? 2.5 : 1;
      this.fit[p.index] = Math.exp(-penalty) * brand;
    }
  }

  run(): { first: number; last: number } {
    const { s, rng, opts } = this;
    const tl = opts.timeline;
    if (s.kind === 'customer' && s.acquiredMs < tl.startMs && rng.chance(0.7)) {
      this.lastPurchaseMs = tl.startMs - rng.uniform(0, 1.5 * s.interPurchaseDays) * DAY_MS;
    }
    const from = Math.max(0, Math.floor((Math.max(s.acquiredMs, tl.startMs) - tl.day0Ms) / DAY_MS));
    if (this.canStart(s.acquiredMs)) this.session(s.acquiredMs, from);
    for (let day = from; day < tl.days; day++) {
      const dayStart = dayStartMs(tl, day);
      if (dayStart >= Math.min(s.churnMs, s.lastPlannedMs)) break;
      const dow = weekday(tl, day);
      const fresh = (dayStart - s.acquiredMs) / DAY_MS < 10 ? 1.6 : 1;
      const trend = 0.9 + (0.2 * day) / Math.max(1, tl.days - 1);
      const n = rng.poisson(s.visitRate * DOW_VISITS[dow]! * trend * fresh);
      const hours = dow === 0 || dow === 6 ? HOURS_WEEKEND : HOURS_WEEKDAY;
      const starts: number[] = [];
      for (let k = 0; k < n; k++) {
        const localHour = rng.weightedIndex(hours) + rng.next();
        starts.push(dayStart + (localHour - s.country.utcOffset) * HOUR_MS);
      }
      starts.sort((a, b) => a - b);
      for (const t of starts) if (this.canStart(t)) this.session(t, day);
    }
    this.flushReviews(Number.POSITIVE_INFINITY);
    return this.seen;
  }

  /**
   * Whether a session may start at `t`: inside the window, after acquisition, before churn and
   * early enough that it ends (sessions last well under an hour) before churn and before `now`.
   */
  private canStart(t: number): boolean {
    const { s, opts } = this;
    const tl = opts.timeline;
    return (
      t >= tl.startMs &&
      t >= s.acquiredMs &&
      t < tl.nowMs - SESSION_MAX_MS &&
      t < s.churnMs - SESSION_MAX_MS &&
      t < s.lastPlannedMs
    );
  }

  private emit(
    sessionId: string,
    type: EventRow['type'],
    t: number,
    context: Record<string, unknown>,
    p?: ProductModel,
    quantity?: number,
    query?: string,
  ): void {
    const ms = Math.floor(t); // whole milliseconds, like the timestamps that come back from the database
    this.out.events.push({
      tenantId: this.opts.tenantId,
      eventId: '',
      type,
      shopperId: this.s.id,
      anonymousId: this.s.anonymousId,
      sessionId,
      productId: p ? p.id : null,
      quantity: quantity ?? null,
      priceMinor: p ? p.priceMinor : null,
      currency: p ? this.opts.currency : null,
      query: query ?? null,
      context,
      occurredAt: new Date(ms),
      receivedAt: new Date(ms + this.rng.int(40, 1500)),
    });
    this.out.eventTimes.push(ms);
    if (!(this.seen.first <= ms)) this.seen.first = ms;
    if (!(this.seen.last >= ms)) this.seen.last = ms;
  }

  private weight(p: ProductModel, day: number, t: number): number {
    if (p.publishedMs > t || p.hiddenAfterMs < t) return 0;
    let w = p.popularity * this.fit[p.index]!;
    if (day >= p.trendFromDay) w *= 1 + (p.trendBoost - 1) * Math.min(1, (day - p.trendFromDay + 1) / 6);
    const ageDays = (t - p.publishedMs) / DAY_MS;
    if (ageDays < 30) w *= 1 + 1.5 * Math.exp(-ageDays / 12);
    return w;
  }

  private pick(indices: readonly number[] | undefined, day: number, t: number): ProductModel | undefined {
    if (!indices || indices.length === 0) return undefined;
    const weights = indices.map((i) => this.weight(this.opts.catalog.models[i]!, day, t));
    if (!weights.some((w) => w > 0)) return undefined;
    return this.opts.catalog.models[indices[this.rng.weightedIndex(weights)]!];
  }

  private focusCategory(t: number): number {
    const { rng, s } = this;
    const month = monthOf(t);
    const weights = CATEGORIES.map(
      (c, i) => (rng.chance(0.15) ? c.weight / 10 : s.affinity[i]!) * c.season[month]!,
    );
    return rng.weightedIndex(weights);
  }

  private query(cat: CategoryDef, sub: SubcategoryDef): { text: string; typo: boolean } {
    const { rng, queryLocale: locale } = this;
    const noun = rng.pick(sub.nouns);
    const r = rng.next();
    let text: string;
    if (r < 0.45) text = composeQuery(locale, { noun });
    else if (r < 0.7) {
      const materials = cat.materials.filter((m) => !noun.materials || noun.materials.includes(m.key));
      text = composeQuery(locale, { noun, material: rng.pick(materials) });
    } else if (r < 0.85) text = composeQuery(locale, { noun, adjective: rng.pick(cat.adjectives) });
    else {
      const brands = BRANDS.filter((b) => b.categories.includes(cat.key));
      const brand = rng.pick(brands).name.toLowerCase();
      text = r < 0.95 ? brand : `${brand} ${composeQuery(locale, { noun })}`;
    }
    const typo = locale !== 'ja' && locale !== 'zh' && rng.chance(0.06);
    return { text: typo ? withTypo(text, rng.next()) : text, typo };
  }

  private session(start: number, day: number): void {
    this.flushReviews(start);
    const { rng, s, opts } = this;
    const models = opts.catalog.models;
    const sessionId = `s-${s.kind === 'customer' ? 'c' : 'v'}${s.index.toString(36)}-${(this.sessionNo++).toString(36)}`;
    const dow = new Date(start + s.country.utcOffset * HOUR_MS).getUTCDay();
    const device = rng.chance(0.85) ? s.device : rng.pick(['mobile', 'tablet', 'desktop'] as const);

    let wantsToBuy = false;
    if (s.kind === 'customer') {
      const due =
        this.lastPurchaseMs === undefined
          ? 0.55
          : ((start - this.lastPurchaseMs) / DAY_MS / s.interPurchaseDays) ** 2;
      const p =
        s.conversion * Math.min(1.3, Math.max(0.02, due)) * DOW_CONVERSION[dow]! * DEVICE_CONVERSION[device];
      wantsToBuy = rng.chance(Math.min(0.9, p));
    }

    let t = start;
    const step = () => {
      t += 4000 + rng.exponential(35_000);
      return t;
    };
    const channel =
      s.kind === 'customer'
        ? rng.weighted(CUSTOMER_CHANNELS, CUSTOMER_CHANNEL_WEIGHTS)
        : rng.weighted(VISITOR_CHANNELS, VISITOR_CHANNEL_WEIGHTS);
    // Search and ad clicks often land straight on a product page; other visits start at the home page.
    const entry = { channel, device, locale: s.locale };
    const landing = (channel === 'search' || channel === 'ads') && rng.chance(0.6);
    const ci = this.focusCategory(t);
    const cat = CATEGORIES[ci]!;
    const sub = cat.subcategories[rng.weightedIndex(s.subAffinity[ci]!)]!;
    let firstView: Record<string, unknown> = { source: 'landing', ...entry };
    if (!landing) {
      this.emit(sessionId, 'page_view', t, { page: 'home', ...entry });
      if (rng.chance(0.3)) {
        const q = this.query(cat, sub);
        const results = q.typo ? rng.int(0, 3) : rng.int(4, 48);
        this.emit(sessionId, 'search', step(), { results }, undefined, undefined, q.text);
        firstView = SOURCE.search;
      } else if (rng.chance(0.75)) {
        this.emit(sessionId, 'page_view', step(), { page: 'category', category: `${cat.key}/${sub.key}` });
        firstView = SOURCE.category;
      } else {
        firstView = SOURCE.home;
      }
    }

    const views = Math.min(12, 1 + rng.geometric(1 / (1 + s.engagement)) + (wantsToBuy ? 1 : 0));
    const viewed: ProductModel[] = [];
    const cart: { p: ProductModel; quantity: number }[] = [];
    const addToCart = (p: ProductModel) => {
      if (cart.some((c) => c.p === p)) return;
      const quantity = p.priceMinor < 2000 && rng.chance(0.25) ? rng.int(2, 3) : 1;
      cart.push({ p, quantity });
      this.emit(sessionId, 'add_to_cart', step(), EMPTY, p, quantity);
    };
    for (let v = 0; v < views; v++) {
      const r = rng.next();
      const p =
        r < 0.1 && viewed.length > 0
          ? rng.pick(viewed)
          : r < 0.75
            ? this.pick(opts.catalog.bySubcategory.get(sub.key), day, t)
            : r < 0.92
              ? this.pick(opts.catalog.byCategory[ci], day, t)
              : this.pick(opts.catalog.byCategory[rng.weightedIndex(s.affinity)], day, t);
      if (!p) continue;
      viewed.push(p);
      this.emit(sessionId, 'view', step(), v === 0 ? firstView : SOURCE.product, p);
      const fit = Math.min(1, this.fit[p.index]!);
      if (rng.chance(Math.min(0.85, (0.04 + 0.2 * fit) * (wantsToBuy ? 2.2 : 1)))) addToCart(p);
    }
    if (wantsToBuy && cart.length === 0 && viewed.length > 0) {
      addToCart(
        viewed.reduce((best, p) =>
          this.fit[p.index]! * p.popularity > this.fit[best.index]! * best.popularity ? p : best,
        ),
      );
    }
    if (wantsToBuy && cart.length > 0 && rng.chance(0.3)) {
      const anchor = cart[0]!.p;
      const complement = rng.pick(COMPLEMENTS[anchor.subcategory] ?? [anchor.subcategory]);
      // A fixed companion per product makes item-level co-purchases, not just category-level ones.
      const list = opts.catalog.bySubcategory.get(complement) ?? [];
      const companion = list.length > 0 ? models[list[(anchor.index * 7919) % list.length]!] : undefined;
      const extra =
        companion && rng.chance(0.6) && this.weight(companion, day, t) > 0
          ? companion
          : this.pick(list, day, t);
      if (extra) {
        this.emit(sessionId, 'view', step(), SOURCE.product, extra);
        addToCart(extra);
      }
    }
    for (let i = cart.length - 1; i >= 0; i--) {
      const removeChance = wantsToBuy ? (cart.length > 1 ? 0.12 : 0) : 0.25;
      if (rng.chance(removeChance)) {
        const [removed] = cart.splice(i, 1);
        this.emit(sessionId, 'remove_from_cart', step(), EMPTY, removed!.p, removed!.quantity);
      }
    }
    if (wantsToBuy && cart.length > 0) this.checkout(sessionId, step(), cart);
  }

  private checkout(sessionId: string, t: number, cart: { p: ProductModel; quantity: number }[]): void {
    const { rng, s, opts } = this;
    this.emit(sessionId, 'page_view', t, CHECKOUT);
    const placed = Math.floor(t + 20_000 + rng.exponential(60_000));
    const id = rng.uuid();
    const lines: OrderLineRow[] = cart.map(({ p, quantity }, i) => ({
      tenantId: opts.tenantId,
      orderId: id,
      lineNo: i + 1,
      productId: p.id,
      productExternalId: p.externalId,
      title: p.titles[this.queryLocale] ?? p.titles.en ?? null,
      quantity,
      unitPriceMinor: p.priceMinor,
    }));
    const total = cart.reduce((sum, { p, quantity }) => sum + p.priceMinor * quantity, 0);
    const returnRate = Math.max(
      ...cart.map(({ p }) => CATEGORIES[p.category]!.returnRate * (p.quality < 3.5 ? 2 : 1)),
    );
    const r = rng.next();
    const status =
      r < 0.025 ? 'cancelled' : r < 0.055 ? 'refunded' : rng.chance(returnRate) ? 'returned' : 'paid';
    const contexts: Record<string, unknown>[] = [];
    cart.forEach(({ p, quantity }, i) => {
      const context: Record<string, unknown> = { orderId: id, lineNo: i + 1 };
      contexts.push(context);
      this.emit(sessionId, 'purchase', placed + i, context, p, quantity);
    });
    const placedAt = new Date(placed);
    this.out.orders.push({
      t: placed,
      row: {
        tenantId: opts.tenantId,
        id,
        externalId: '',
        shopperId: s.id,
        status,
        currency: opts.currency,
        totalMinor: total,
        country: s.country.code,
        source: 'demo',
        placedAt,
        createdAt: placedAt,
        updatedAt: placedAt,
      },
      lines,
      contexts,
    });
    this.lastPurchaseMs = placed;
    this.afterPurchase(
      placed,
      cart.map((c) => c.p),
    );
  }

  /** Reviews some purchases later; a disappointing order can end the relationship. */
  private afterPurchase(placed: number, items: ProductModel[]): void {
    const { rng, s } = this;
    const quality = items.reduce((sum, p) => sum + p.quality, 0) / items.length;
    if (quality + rng.normal(0, 0.6) < 3.3 && rng.chance(0.5)) {
      s.churnMs = Math.min(s.churnMs, placed + rng.uniform(3, 25) * DAY_MS);
    }
    for (const p of items) {
      if (!rng.chance(Math.abs(p.quality - 3.6) > 0.9 ? 0.16 : 0.1)) continue;
      const rating = Math.min(5, Math.max(1, Math.round(rng.normal(p.quality, 0.9))));
      const texts = REVIEW_TEXTS[rating >= 4 ? 'good' : rating === 3 ? 'okay' : 'bad'][this.queryLocale];
      this.pendingReviews.push({
        at: placed + rng.uniform(4, 21) * DAY_MS,
        p,
        rating,
        text: rng.pick(texts),
      });
    }
  }

  /**
   * Writes the reviews due before `until`, in time order. They wait until then because a later
   * disappointment can bring churn forward, and a churned shopper writes no reviews.
   */
  private flushReviews(until: number): void {
    const due = this.pendingReviews.filter((r) => r.at < until).sort((a, b) => a.at - b.at);
    if (due.length === 0) return;
    this.pendingReviews = this.pendingReviews.filter((r) => r.at >= until);
    for (const { at, p, rating, text } of due) {
      if (!this.canStart(at)) continue;
      const sessionId = `s-c${this.s.index.toString(36)}-${(this.sessionNo++).toString(36)}`;
      this.emit(sessionId, 'page_view', at, ORDERS_PAGE);
      const context = { rating, text, locale: this.queryLocale };
      this.emit(sessionId, 'review', at + 30_000 + this.rng.exponential(60_000), context, p);
    }
  }
}

/** Runs every shopper's simulation. Each shopper has an independent random stream. */
export function simulateActivity(opts: ActivityOptions): Activity {
  const out: Activity = { events: [], eventTimes: [], orders: [], seen: [] };
  for (const s of opts.shoppers.models) {
    out.seen.push(new ShopperSimulation(opts, out, s).run());
  }
  return out;
}
