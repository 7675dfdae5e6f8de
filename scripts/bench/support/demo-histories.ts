/**
 * The demo store (db/seed/generate.ts) as shopper histories for the prediction tests and benches
 * (issue 5), built in memory — no database. Orders keep their status and total; each order's
 * lines give its item count, distinct products and the top-level category of each line; events
 * keep type, session id and the top-level category of the product they concern.
 */
import { generateDemoStore } from '@/db/seed/generate';
import type { EventFact, OrderFact, ShopperHistory } from '@/lib/predict/types';

const DEMO_TENANT = '00000000-0000-4000-8000-000000000005';
const STATUSES = new Set<OrderFact['status']>(['paid', 'cancelled', 'refunded', 'returned']);

export interface DemoHistoryOptions {
  /** Multiplies the store's size (tests use 0.1–0.3); default 1. */
  scale?: number;
  seed?: number;
  /** Days of history; default the generator's (120). */
  days?: number;
}

/** Epoch ms of a Date-or-string column. */
function ms(v: Date | string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Date.parse(v) : v.getTime();
}

/**
 * One history per demo shopper (customers and visitors), sorted by shopper id, orders and
 * events by time. `now` is the end of the history (exclusive); default 2026-01-01 UTC so the
 * output is the same on every run.
 */
export function demoHistories(
  now: Date = new Date('2026-01-01T00:00:00Z'),
  options: DemoHistoryOptions = {},
): ShopperHistory[] {
  const store = generateDemoStore({
    tenantId: DEMO_TENANT,
    now,
    scale: options.scale,
    seed: options.seed,
    days: options.days,
  });
  const categoryOf = new Map<string, string>();
  for (const p of store.products) if (p.id) categoryOf.set(p.id, p.categoryPath?.[0] ?? 'other');

  const byId = new Map<string, ShopperHistory>();
  for (const s of store.shoppers) {
    if (!s.id) continue;
    byId.set(s.id, {
      shopperId: s.id,
      country: s.country ?? null,
      firstSeenAt: ms(s.firstSeenAt),
      orders: [],
      events: [],
    });
  }
  const linesOf = new Map<string, { quantity: number; productId: string | null }[]>();
  for (const l of store.orderLines) {
    const list = linesOf.get(l.orderId) ?? [];
    list.push({ quantity: l.quantity, productId: l.productId ?? null });
    linesOf.set(l.orderId, list);
  }
  for (const o of store.orders) {
    const h = o.shopperId ? byId.get(o.shopperId) : undefined;
    const at = ms(o.placedAt);
    if (!h || at === null || !o.id) continue;
    const lines = linesOf.get(o.id) ?? [];
    const status = STATUSES.has(o.status as OrderFact['status']) ? (o.status as OrderFact['status']) : 'paid';
    h.orders.push({
      at,
      totalMinor: o.totalMinor,
      status,
      items: lines.reduce((s, l) => s + l.quantity, 0),
      products: new Set(lines.map((l) => l.productId)).size,
      categories: lines.map((l) => (l.productId ? (categoryOf.get(l.productId) ?? 'other') : 'other')),
    });
  }
  for (const e of store.events) {
    const h = e.shopperId ? byId.get(e.shopperId) : undefined;
    const at = ms(e.occurredAt);
    if (!h || at === null) continue;
    const fact: EventFact = { at, type: e.type, sessionId: e.sessionId ?? null };
    if (e.productId) fact.category = categoryOf.get(e.productId) ?? null;
    h.events.push(fact);
  }
  const out = [...byId.values()];
  for (const h of out) {
    h.orders.sort((a, b) => a.at - b.at);
    h.events.sort((a, b) => a.at - b.at);
  }
  return out.sort((a, b) => (a.shopperId < b.shopperId ? -1 : 1));
}
