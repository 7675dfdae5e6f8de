import { type ProductSignal, affinities, interestVector, languageShares, priceBand } from './preferences';
import { scoreRfm } from './rfm';
import { localClock, timeZoneOf } from '@/lib/geo/time-zones';
import type { ComputedProfile, ProfileContext, ProfileDetails, ShopperActivity } from './types';

/**
 * One shopper's profile from their rows: pure, so the incremental refresh, the rebuild job and
 * the tests all compute the same thing.
 */

const DAY = 86_400_000;
/** Events further apart than this (without a session id) start a new session. */
const SESSION_GAP_MS = 30 * 60_000;
/** Orders that count as bought: not cancelled, refunded or returned. */
export const PAID_STATUSES: ReadonlySet<string> = new Set(['paid']);
/** Orders that came back. */
export const RETURN_STATUSES: ReadonlySet<string> = new Set(['returned', 'refunded']);
/** Sensitive facts a store may share in `shoppers.attributes` (shown only with 'shoppers.sensitive'). */
export const SENSITIVE_ATTRIBUTES = ['age_band', 'age', 'gender'] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Sessions: distinct session ids, plus runs of id-less events split at 30-minute gaps. */
export function countSessions(events: readonly { occurredAt: Date; sessionId: string | null }[]): number {
  const ids = new Set<string>();
  const loose: number[] = [];
  for (const e of events) {
    if (e.sessionId) ids.add(e.sessionId);
    else loose.push(e.occurredAt.getTime());
  }
  loose.sort((a, b) => a - b);
  let runs = 0;
  for (let i = 0; i < loose.length; i++) if (i === 0 || loose[i]! - loose[i - 1]! > SESSION_GAP_MS) runs++;
  return ids.size + runs;
}

/** The last 12 calendar months (UTC) ending with `now`'s month, as `YYYY-MM`. */
function lastMonths(now: number): string[] {
  const d = new Date(now);
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(m.toISOString().slice(0, 7));
  }
  return out;
}

function sensitiveFacts(
  attributes: Record<string, string | number | boolean>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of SENSITIVE_ATTRIBUTES) {
    const v = attributes[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  return out;
}

/** The profile of one shopper as of `ctx.now`. Never throws for odd data (empty lists, nulls). */
export function computeProfile(a: ShopperActivity, ctx: ProfileContext): ComputedProfile {
  const { now } = ctx;
  const paid = a.orders.filter((o) => PAID_STATUSES.has(o.status)).sort((x, y) => +x.placedAt - +y.placedAt);
  const converted = paid.filter((o) => o.totalMinor !== null);
  const monetaryMinor = converted.reduce((s, o) => s + (o.totalMinor ?? 0), 0);
  const first = paid[0]?.placedAt ?? null;
  const last = paid.at(-1)?.placedAt ?? null;
  const recencyDays = last ? Math.max(0, (now - last.getTime()) / DAY) : null;
  const meanGapDays =
    paid.length >= 2 && first && last ? (last.getTime() - first.getTime()) / DAY / (paid.length - 1) : null;
  const returns = a.orders.filter((o) => RETURN_STATUSES.has(o.status)).length;

  const sessions = countSessions(a.events);
  const views = a.events.filter((e) => e.type === 'view').length;
  const lastEventAt = a.events.reduce<Date | null>(
    (m, e) => (!m || e.occurredAt > m ? e.occurredAt : m),
    null,
  );

  // Product signals: order lines of paid orders, carts and views from events.
  const signals: ProductSignal[] = [];
  for (const o of paid)
    for (const l of o.lines)
      if (l.productId)
        signals.push({ productId: l.productId, kind: 'purchase', at: +o.placedAt, quantity: l.quantity });
  for (const e of a.events) {
    if (!e.productId) continue;
    if (e.type === 'add_to_cart') signals.push({ productId: e.productId, kind: 'cart', at: +e.occurredAt });
    else if (e.type === 'view') signals.push({ productId: e.productId, kind: 'view', at: +e.occurredAt });
  }
  const categories = affinities(signals, ctx.products, (p) => p.category, now);
  const brands = affinities(signals, ctx.products, (p) => p.brand, now);
  const band = priceBand(signals, ctx.products, ctx.priceTerciles, now);
  const languages = languageShares(
    a.events.map((e) => e.locale),
    a.shopper.locale,
  );
  const interest = ctx.vectors ? interestVector(signals, ctx.vectors, now) : null;

  // Habits in the shopper's local clock: every event and every order.
  const timeZone = timeZoneOf(a.shopper.country);
  const clock = localClock(timeZone);
  const hours = new Array<number>(24).fill(0);
  const weekdays = new Array<number>(7).fill(0);
  const times = [...a.events.map((e) => +e.occurredAt), ...a.orders.map((o) => +o.placedAt)];
  for (const t of times) {
    const c = clock(t);
    hours[c.hour] = (hours[c.hour] ?? 0) + 1;
    weekdays[c.weekday] = (weekdays[c.weekday] ?? 0) + 1;
  }
  const months = new Map(lastMonths(now).map((m) => [m, { month: m, orders: 0, spendMinor: 0 }]));
  for (const o of paid) {
    const slot = months.get(o.placedAt.toISOString().slice(0, 7));
    if (!slot) continue;
    slot.orders++;
    slot.spendMinor += o.totalMinor ?? 0;
  }

  const rfm = scoreRfm(ctx.rfm, { recencyDays, orders: paid.length, monetaryMinor }, now);
  const details: ProfileDetails = {
    version: 1,
    facts: {
      country: a.shopper.country,
      locale: a.shopper.locale,
      device: a.shopper.device,
      firstSeenAt: iso(a.shopper.firstSeenAt),
      lastSeenAt: iso(a.shopper.lastSeenAt),
      sensitive: sensitiveFacts(a.shopper.attributes),
    },
    behaviour: {
      ordersTotal: a.orders.length,
      unconvertedOrders: paid.length - converted.length,
      viewsPerSession: sessions > 0 ? views / sessions : null,
      events: a.events.length,
      timeZone,
      hours,
      weekdays,
      ordersByMonth: [...months.values()],
    },
    preferences: { categories, brands, priceBands: band.shares, languages },
    interest: interest ? { items: interest.items, space: ctx.space ?? null } : null,
    rfm: rfm ? { r: rfm.r, f: rfm.f, m: rfm.m } : null,
  };
  return {
    shopperId: a.shopper.id,
    orders: paid.length,
    monetaryMinor,
    aovMinor: converted.length ? monetaryMinor / converted.length : null,
    firstOrderAt: first,
    lastOrderAt: last,
    recencyDays,
    meanGapDays,
    returns,
    sessions,
    views,
    lastEventAt,
    rfm,
    topCategory: categories[0]?.name ?? null,
    topBrand: brands[0]?.name ?? null,
    priceBand: band.band,
    preferredLocale: languages[0]?.locale ?? null,
    interest: interest?.vector ?? null,
    interestSpace: interest ? (ctx.space ?? null) : null,
    details,
  };
}
