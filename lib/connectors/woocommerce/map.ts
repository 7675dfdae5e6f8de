import type { OrderLineRecord, OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import { arr, compact, country, date, int, numericId, obj, plainText, str } from '../json';
import { type Mapped, orderOutcome, skip } from '../mapped';
import { isCurrencyCode, toMinorUnits } from '../money';
import type { StoreInfo } from '../types';

const names = (v: unknown) =>
  arr(v)
    .map((x) => str(obj(x)?.name))
    .filter((n): n is string => n !== null);

/**
 * A WooCommerce product (REST v3 JSON, also the product.* webhook body) → ProductRecord. The
 * price is the active price (sale price when on sale; a variable product's cheapest variation),
 * in the store currency; on sale, the regular price as `attributes.compare_at_price_minor`. Only
 * `publish` products are active.
 */
export function mapWooProduct(payload: unknown, store: StoreInfo): Mapped<ProductRecord> {
  const p = obj(payload);
  const externalId = numericId(p?.id);
  if (!p || !externalId) return skip('product without a valid id');
  const title = str(p.name);
  if (!title) return skip('product without a title');
  const priceMinor = toMinorUnits(str(p.price) ?? str(p.regular_price), store.currency);
  if (priceMinor === null) return skip('product with a missing or invalid price');
  // On sale: the regular price is the "was" price the ads may compare against.
  const regular = str(p.sale_price) ? toMinorUnits(str(p.regular_price), store.currency) : null;
  const compareAt = regular !== null && regular > priceMinor ? regular : null;
  const description = plainText(p.description) ?? plainText(p.short_description);
  const categories = names(p.categories);
  const published = str(p.status) === 'publish';
  return {
    ok: true,
    record: {
      externalId,
      title: { [store.locale]: title },
      ...(description ? { description: { [store.locale]: description } } : {}),
      categoryPath: categories.slice(0, 1),
      brand: names(p.brands)[0] ?? null,
      priceMinor,
      currency: store.currency,
      stock: int(p.stock_quantity),
      attributes: compact({
        sku: str(p.sku),
        slug: str(p.slug),
        type: str(p.type),
        tags: names(p.tags).join(', '),
        compare_at_price_minor: compareAt,
      }),
      imageUrls: arr(p.images)
        .map((i) => str(obj(i)?.src))
        .filter((u): u is string => u !== null),
      status: published ? 'active' : 'archived',
      publishedAt: published ? date(p.date_created_gmt) : null,
    },
  };
}

/** A WooCommerce customer → ShopperRecord (name and country fall back to the billing address). */
export function mapWooCustomer(payload: unknown): Mapped<ShopperRecord> {
  const c = obj(payload);
  const externalId = numericId(c?.id);
  if (!c || !externalId) return skip('customer without a valid id');
  const billing = obj(c.billing);
  const own = [str(c.first_name), str(c.last_name)].filter(Boolean).join(' ');
  const fromBilling = [str(billing?.first_name), str(billing?.last_name)].filter(Boolean).join(' ');
  return {
    ok: true,
    record: {
      externalId,
      email: (str(c.email) ?? str(billing?.email))?.toLowerCase() ?? null,
      name: own || fromBilling || null,
      country: country(billing?.country) ?? country(obj(c.shipping)?.country),
      locale: null,
      attributes: compact({ role: str(c.role) }),
      firstSeenAt: date(c.date_created_gmt),
    },
  };
}

const NOT_PLACED = new Set(['pending', 'checkout-draft', 'draft', 'trash', 'auto-draft']);

function wooLines(items: unknown[], currency: string): OrderLineRecord[] | null {
  const lines: OrderLineRecord[] = [];
  for (const item of items) {
    const l = obj(item);
    const productExternalId = numericId(l?.product_id);
    if (!l || !productExternalId) continue; // deleted products have product_id 0
    const quantity = int(l.quantity);
    if (quantity === null || quantity < 0) return null;
    let unitPriceMinor = toMinorUnits(l.price, currency);
    if (unitPriceMinor === null) {
      const subtotal = toMinorUnits(l.subtotal, currency);
      unitPriceMinor = subtotal !== null && quantity > 0 ? Math.round(subtotal / quantity) : null;
    }
    if (unitPriceMinor === null) return null;
    lines.push({ productExternalId, title: str(l.name), quantity, unitPriceMinor });
  }
  return lines;
}

/**
 * A WooCommerce order → OrderRecord. processing, completed, on-hold (and custom statuses) are paid; cancelled and
 * failed are cancelled; refunded is refunded; pending and draft checkouts are not orders yet
 * (skipped with a reason). Refunds (negative totals) reduce a paid order's total.
 */
export function mapWooOrder(payload: unknown, store: StoreInfo): Mapped<OrderRecord> {
  const o = obj(payload);
  const externalId = numericId(o?.id);
  if (!o || !externalId) return skip('order without a valid id');
  const status = str(o.status) ?? '';
  if (NOT_PLACED.has(status)) return skip(`order not placed yet (${status})`);
  const currency = isCurrencyCode(o.currency) ? o.currency : store.currency;
  const totalMinor = toMinorUnits(o.total, currency);
  if (totalMinor === null) return skip('order with a missing or invalid total');
  const placedAt = date(o.date_created_gmt) ?? date(o.date_created);
  if (!placedAt) return skip('order without a date');
  const lines = wooLines(arr(o.line_items), currency);
  if (!lines) return skip('order with an invalid line item');
  let refundedMinor = 0;
  for (const r of arr(o.refunds)) {
    refundedMinor += Math.abs(toMinorUnits(obj(r)?.total, currency, { allowNegative: true }) ?? 0);
  }
  const outcome = orderOutcome({
    cancelled: status === 'cancelled' || status === 'failed',
    refunded: status === 'refunded',
    voided: false,
    totalMinor,
    refundedMinor,
  });
  const customerId = numericId(o.customer_id);
  return {
    ok: true,
    record: {
      externalId,
      shopperExternalId: customerId,
      status: outcome.status,
      currency,
      totalMinor: outcome.totalMinor,
      country: country(obj(o.shipping)?.country) ?? country(obj(o.billing)?.country),
      placedAt,
      lines,
    },
  };
}
