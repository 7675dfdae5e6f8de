/**
 * Synthetic shopper histories with a known churn signal, for tests: half the shoppers are
 * "fading" — each gap between their orders is longer than the last (×1.7 on average) — so they
 * stop buying soon, while "steady" shoppers keep their own rhythm. Days since the last order
 * alone only partly separates them (a steady slow buyer looks like a fading fast one); the gap
 * trend does, so a model with gap features must beat the recency rule. Seeded and pure.
 */
import { seededRandom } from '@/lib/recommend/eval/metrics';
import type { EventFact, OrderFact, ShopperHistory } from '@/lib/predict/types';

const DAY = 86_400_000;
/** Start of the synthetic calendar (2024-01-01 UTC). */
export const SYNTHETIC_START = Date.UTC(2024, 0, 1);
/** A good as-of date: one year of history, and half a year of future after it. */
export const SYNTHETIC_AS_OF = SYNTHETIC_START + 365 * DAY;

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * `n` histories (ids s0001 …) with orders and, for every other shopper, visit events a day or
 * two before each order. Facts run until SYNTHETIC_AS_OF + 200 days, so they include the future.
 */
export function syntheticHistories(n: number, seed = 7): ShopperHistory[] {
  const rand = seededRandom(seed);
  const end = SYNTHETIC_AS_OF + 200 * DAY;
  const out: ShopperHistory[] = [];
  for (let s = 0; s < n; s++) {
    const fading = rand() < 0.5;
    const growth = fading ? 1.7 : 1;
    let gap = 12 * Math.exp(0.6 * normal(rand)) * (fading ? 1 : 2);
    let t = SYNTHETIC_START + rand() * 220 * DAY;
    const orders: OrderFact[] = [];
    const events: EventFact[] = [];
    const withEvents = s % 2 === 0;
    while (t < end) {
      const items = 1 + Math.floor(rand() * 4);
      const r = rand();
      orders.push({
        at: Math.round(t),
        totalMinor: Math.round(items * (1500 + rand() * 4000)),
        status: r < 0.9 ? 'paid' : r < 0.95 ? 'returned' : 'cancelled',
        items,
        products: items,
        categories: Array.from({ length: items }, () => (rand() < 0.5 ? 'home' : 'garden')),
      });
      if (withEvents) {
        const session = `s${s}-${orders.length}`;
        events.push({
          at: Math.round(t - (1 + rand()) * DAY),
          type: 'view',
          sessionId: session,
          category: 'home',
        });
        events.push({ at: Math.round(t - DAY), type: 'add_to_cart', sessionId: session, category: 'home' });
      }
      gap *= growth * Math.exp(0.25 * normal(rand));
      t += gap * DAY;
    }
    events.sort((a, b) => a.at - b.at);
    out.push({
      shopperId: `s${String(s + 1).padStart(4, '0')}`,
      country: rand() < 0.7 ? 'DE' : 'AT',
      firstSeenAt: orders[0]!.at - DAY,
      orders,
      events,
    });
  }
  return out;
}
