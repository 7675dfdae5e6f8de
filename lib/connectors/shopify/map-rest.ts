/**
 * Shopify webhook payloads are REST-shaped (snake_case, numeric ids, decimal strings): these map
 * them to the same normalized records as the GraphQL sync, with the same rules.
 */
import type { OrderLineRecord, OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import { arr, compact, country, date, int, numericId, obj, plainText, str } from '../json';
import { type Mapped, orderOutcome, skip } from '../mapped';
import { isCurrencyCode, toMinorUnits } from '../money';
import type { StoreInfo } from '../types';
import { compareAtOf } from './map';

/** products/create, products/update → ProductRecord (price: the cheapest variant, with its compare-at price). */
export function mapRestProduct(payload: unknown, store: StoreInfo): Mapped<ProductRecord> {
  const p = obj(payload);
  const externalId = numericId(p?.id);
  if (!p || !externalId) return skip('product without a valid id');
  const title = str(p.title);
  if (!title) return skip('product without a title');
  const variants = arr(p.variants).map(obj);
  const prices = variants
    .map((v) => toMinorUnits(v?.price, store.currency))
    .filter((n): n is number => n !== null);
  if (prices.length === 0) return skip('product with a missing or invalid price');
  const stock = variants.reduce<number | null>((sum, v) => {
    const q = int(v?.inventory_quantity);
    return q === null ? sum : (sum ?? 0) + q;
  }, null);
  const priceMinor = Math.min(...prices);
  const compareAt = compareAtOf(variants, priceMinor, store.currency);
  const description = plainText(p.body_html);
  const productType = str(p.product_type);
  return {
    ok: true,
    record: {
      externalId,
      title: { [store.locale]: title },
      ...(description ? { description: { [store.locale]: description } } : {}),
      categoryPath: productType ? [productType] : [],
      brand: str(p.vendor),
      priceMinor,
      currency: store.currency,
      stock,
      attributes: compact({
        handle: str(p.handle),
        productType,
        tags: str(p.tags),
        sku: str(variants[0]?.sku),
        compare_at_price_minor: compareAt,
      }),
      imageUrls: arr(p.images)
        .map((i) => str(obj(i)?.src))
        .filter((u): u is string => u !== null),
      status: str(p.status)?.toLowerCase() === 'active' ? 'active' : 'archived',
      publishedAt: date(p.published_at),
    },
  };
}

/** customers/create, customers/update → ShopperRecord. */
export function mapRestCustomer(payload: unknown): Mapped<ShopperRecord> {
  const c = obj(payload);
  const externalId = numericId(c?.id);
  if (!c || !externalId) return skip('customer without a valid id');
  const name = [str(c.first_name), str(c.last_name)].filter(Boolean).join(' ');
  return {
    ok: true,
    record: {
      externalId,
      email: str(c.email)?.toLowerCase() ?? null,
      name: name || null,
      country: country(obj(c.default_address)?.country_code),
      locale: str(c.locale),
      attributes: compact({ state: str(c.state)?.toLowerCase(), tags: str(c.tags) }),
      firstSeenAt: date(c.created_at),
    },
  };
}

function restLines(items: unknown[], currency: string): OrderLineRecord[] | null {
  const lines: OrderLineRecord[] = [];
  for (const item of items) {
    const l = obj(item);
    const productExternalId = numericId(l?.product_id);
    if (!l || !productExternalId) continue; // custom items and deleted products
    const quantity = int(l.quantity);
    const unitPriceMinor = toMinorUnits(l.price, currency);
    if (quantity === null || quantity < 0 || unitPriceMinor === null) return null;
    lines.push({ productExternalId, title: str(l.title), quantity, unitPriceMinor });
  }
  return lines;
}

/** orders/create, orders/updated → OrderRecord (refunds from successful refund transactions). */
export function mapRestOrder(payload: unknown, store: StoreInfo): Mapped<OrderRecord> {
  const o = obj(payload);
  const externalId = numericId(o?.id);
  if (!o || !externalId) return skip('order without a valid id');
  const currency = isCurrencyCode(o.currency) ? o.currency : store.currency;
  const totalMinor = toMinorUnits(o.total_price, currency);
  if (totalMinor === null) return skip('order with a missing or invalid total');
  const placedAt = date(o.processed_at) ?? date(o.created_at);
  if (!placedAt) return skip('order without a date');
  const lines = restLines(arr(o.line_items), currency);
  if (!lines) return skip('order with an invalid line item');
  let refundedMinor = 0;
  for (const r of arr(o.refunds)) {
    for (const t of arr(obj(r)?.transactions).map(obj)) {
      if (str(t?.kind) === 'refund' && str(t?.status) !== 'failure' && str(t?.status) !== 'error') {
        refundedMinor += toMinorUnits(t?.amount, currency) ?? 0;
      }
    }
  }
  const financial = str(o.financial_status)?.toLowerCase() ?? '';
  const outcome = orderOutcome({
    cancelled: date(o.cancelled_at) !== null,
    refunded: financial === 'refunded',
    voided: financial === 'voided' || financial === 'expired',
    totalMinor,
    refundedMinor,
  });
  return {
    ok: true,
    record: {
      externalId,
      shopperExternalId: numericId(obj(o.customer)?.id),
      status: outcome.status,
      currency,
      totalMinor: outcome.totalMinor,
      country:
        country(obj(o.shipping_address)?.country_code) ?? country(obj(o.billing_address)?.country_code),
      placedAt,
      lines,
    },
  };
}
