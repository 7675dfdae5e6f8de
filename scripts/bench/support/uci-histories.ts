/**
 * UCI Online Retail as shopper histories for the prediction benches (issue 5): one history per
 * customer, one paid order per invoice (clean lines only, so no cancellations or returns), no
 * behaviour events (the file has none). Money in pence.
 */
import type { OrderFact, ShopperHistory } from '@/lib/predict/types';
import { type Line, ONLINE_RETAIL_FILE, readCleanLines } from './online-retail';

/** Groups clean lines by customer and invoice; histories and their orders sorted by time. */
export function historiesOf(lines: readonly Line[]): ShopperHistory[] {
  const invoices = new Map<
    string,
    { customer: string; country: string; order: OrderFact; items: Set<string> }
  >();
  for (const l of lines) {
    let inv = invoices.get(l.invoice);
    if (!inv) {
      inv = {
        customer: l.customer,
        country: l.country,
        order: { at: l.time, totalMinor: 0, status: 'paid', items: 0, products: 0 },
        items: new Set(),
      };
      invoices.set(l.invoice, inv);
    }
    inv.order.at = Math.min(inv.order.at, l.time);
    inv.order.totalMinor += Math.round(l.quantity * l.price * 100);
    inv.order.items += l.quantity;
    inv.items.add(l.item);
  }
  const byCustomer = new Map<string, ShopperHistory>();
  for (const inv of invoices.values()) {
    inv.order.products = inv.items.size;
    let h = byCustomer.get(inv.customer);
    if (!h) {
      h = { shopperId: inv.customer, country: inv.country, firstSeenAt: null, orders: [], events: [] };
      byCustomer.set(inv.customer, h);
    }
    h.orders.push(inv.order);
  }
  const out = [...byCustomer.values()];
  for (const h of out) {
    h.orders.sort((a, b) => a.at - b.at);
    h.firstSeenAt = h.orders[0]?.at ?? null;
  }
  return out.sort((a, b) => (a.shopperId < b.shopperId ? -1 : 1));
}

/** Reads the file next to the repository (`../shared/data/online-retail/`). */
export async function readUciHistories(file = ONLINE_RETAIL_FILE): Promise<ShopperHistory[]> {
  const { lines } = await readCleanLines(file);
  return historiesOf(lines);
}
