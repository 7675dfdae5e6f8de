import type { OrderLineRecord, OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import { arr, compact, country, date, int, obj, str } from '../json';
import { type Mapped, orderOutcome, skip } from '../mapped';
import { isCurrencyCode, toMinorUnits } from '../money';
import type { StoreInfo } from '../types';

/** `gid://shopify/Product/123` → `123` (the id Shopify shows everywhere else, webhooks included). */
export function gidNumber(gid: unknown, type: string): string | null {
  const s = str(gid);
  const m = s ? new RegExp(`^gid://shopify/${type}/(\\d{1,20})$`).exec(s) : null;
  return m ? m[1]! : null;
}

const money = (v: unknown) => obj(obj(v)?.shopMoney);

/**
 * The compare-at price (the "was" price of a discount) of the variant selling at `priceMinor`,
 * in minor units, when it is above that price; else null. Shared with the REST webhook mapping
 * (`compare_at_price`); the ads guardrails check discount claims against it.
 */
export function compareAtOf(variants: unknown[], priceMinor: number, currency: string): number | null {
  for (const v of variants.map(obj)) {
    if (toMinorUnits(v?.price, currency) !== priceMinor) continue;
    const was = toMinorUnits(v?.compareAtPrice ?? v?.compare_at_price, currency);
    if (was !== null && was > priceMinor) return was;
  }
  return null;
}

/**
 * An Admin GraphQL Product → ProductRecord. Price: the minimum variant price in the shop
 * currency (priceRangeV2, else the cheapest variant read); that variant's compare-at price, when
 * higher, as `attributes.compare_at_price_minor`. Title and description are stored under
 * the shop's locale. DRAFT and ARCHIVED products are stored archived.
 */
export function mapGqlProduct(node: unknown, store: StoreInfo): Mapped<ProductRecord> {
  const p = obj(node);
  const externalId = gidNumber(p?.id, 'Product');
  if (!p || !externalId) return skip('product without a valid id');
  const title = str(p.title);
  if (!title) return skip('product without a title');
  const min = obj(obj(p.priceRangeV2)?.minVariantPrice);
  const currency = isCurrencyCode(min?.currencyCode) ? min.currencyCode : store.currency;
  const variantPrices = arr(obj(p.variants)?.nodes)
    .map((v) => toMinorUnits(obj(v)?.price, currency))
    .filter((n): n is number => n !== null);
  const priceMinor = min
    ? toMinorUnits(min.amount, currency)
    : variantPrices.length
      ? Math.min(...variantPrices)
      : null;
  if (priceMinor === null) return skip('product with a missing or invalid price');
  const compareAt = compareAtOf(arr(obj(p.variants)?.nodes), priceMinor, currency);
  const description = str(p.description);
  const category = str(obj(p.category)?.fullName);
  const productType = str(p.productType);
  const firstVariant = obj(arr(obj(p.variants)?.nodes)[0]);
  const tags = arr(p.tags)
    .map(str)
    .filter((t): t is string => t !== null);
  return {
    ok: true,
    record: {
      externalId,
      title: { [store.locale]: title },
      ...(description ? { description: { [store.locale]: description } } : {}),
      categoryPath: category
        ? category
            .split(' > ')
            .map((s) => s.trim())
            .filter(Boolean)
        : productType
          ? [productType]
          : [],
      brand: str(p.vendor),
      priceMinor,
      currency,
      stock: int(p.totalInventory),
      attributes: compact({
        handle: str(p.handle),
        productType,
        tags: tags.join(', '),
        sku: str(firstVariant?.sku),
        compare_at_price_minor: compareAt,
      }),
      imageUrls: arr(obj(p.images)?.nodes)
        .map((i) => str(obj(i)?.url))
        .filter((u): u is string => u !== null),
      status: str(p.status)?.toUpperCase() === 'ACTIVE' ? 'active' : 'archived',
      publishedAt: date(p.publishedAt),
    },
  };
}

/** An Admin GraphQL Customer → ShopperRecord. */
export function mapGqlCustomer(node: unknown): Mapped<ShopperRecord> {
  const c = obj(node);
  const externalId = gidNumber(c?.id, 'Customer');
  if (!c || !externalId) return skip('customer without a valid id');
  const name = [str(c.firstName), str(c.lastName)].filter(Boolean).join(' ');
  const tags = arr(c.tags)
    .map(str)
    .filter((t): t is string => t !== null);
  return {
    ok: true,
    record: {
      externalId,
      email: str(c.email)?.toLowerCase() ?? null,
      name: name || null,
      country: country(obj(c.defaultAddress)?.countryCodeV2),
      locale: str(c.locale),
      attributes: compact({ state: str(c.state)?.toLowerCase(), tags: tags.join(', ') }),
      firstSeenAt: date(c.createdAt),
    },
  };
}

/**
 * Line items → OrderLineRecords. Lines without a product (custom items, deleted products) are
 * left out; a line with an unreadable quantity or price makes the whole order unreadable (null).
 */
export function mapGqlLines(nodes: unknown[], currency: string): OrderLineRecord[] | null {
  const lines: OrderLineRecord[] = [];
  for (const n of nodes) {
    const l = obj(n);
    const productExternalId = gidNumber(obj(l?.product)?.id, 'Product');
    if (!l || !productExternalId) continue;
    const quantity = int(l.quantity);
    const unitPriceMinor = toMinorUnits(money(l.originalUnitPriceSet)?.amount, currency);
    if (quantity === null || quantity < 0 || unitPriceMinor === null) return null;
    lines.push({ productExternalId, title: str(l.title), quantity, unitPriceMinor });
  }
  return lines;
}

/**
 * An Admin GraphQL Order → OrderRecord, amounts in the shop currency. `moreLines` are line
 * items read past the first page of the order's lineItems.
 */
export function mapGqlOrder(node: unknown, store: StoreInfo, moreLines: unknown[] = []): Mapped<OrderRecord> {
  const o = obj(node);
  const externalId = gidNumber(o?.id, 'Order');
  if (!o || !externalId) return skip('order without a valid id');
  const total = money(o.totalPriceSet);
  const currency = isCurrencyCode(total?.currencyCode)
    ? total.currencyCode
    : isCurrencyCode(o.currencyCode)
      ? o.currencyCode
      : store.currency;
  const totalMinor = toMinorUnits(total?.amount, currency);
  if (totalMinor === null) return skip('order with a missing or invalid total');
  const placedAt = date(o.processedAt) ?? date(o.createdAt);
  if (!placedAt) return skip('order without a date');
  const lines = mapGqlLines([...arr(obj(o.lineItems)?.nodes), ...moreLines], currency);
  if (!lines) return skip('order with an invalid line item');
  let refundedMinor = 0;
  for (const r of arr(o.refunds))
    refundedMinor += toMinorUnits(money(obj(r)?.totalRefundedSet)?.amount, currency) ?? 0;
  const financial = str(o.displayFinancialStatus)?.toUpperCase() ?? '';
  const outcome = orderOutcome({
    cancelled: date(o.cancelledAt) !== null,
    refunded: financial === 'REFUNDED',
    voided: financial === 'VOIDED' || financial === 'EXPIRED',
    totalMinor,
    refundedMinor,
  });
  return {
    ok: true,
    record: {
      externalId,
      shopperExternalId: gidNumber(obj(o.customer)?.id, 'Customer'),
      status: outcome.status,
      currency,
      totalMinor: outcome.totalMinor,
      country:
        country(obj(o.shippingAddress)?.countryCodeV2) ?? country(obj(o.billingAddress)?.countryCodeV2),
      placedAt,
      lines,
    },
  };
}
