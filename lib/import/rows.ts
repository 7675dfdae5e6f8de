import { z } from 'zod';
import { EVENT_TYPES, type EventType } from '@/db/schema';
import type { OrderLineRecord, OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import type { ColumnMapping, ImportKind } from './fields';
import {
  type Parsed,
  cellText,
  currencyExponent,
  normalizeId,
  parseCountry,
  parseCurrency,
  parseDate,
  parseInteger,
  parseList,
  parseMinor,
  unstorable,
} from './values';

/** One reason a row was refused: the target field (or `_row`) and why. */
export interface RowIssue {
  field: string;
  reason: string;
}

export interface RowOptions {
  /** Currency of prices when no Currency column is mapped. */
  currency: string;
  /** Locale of titles and descriptions (`en`). */
  locale: string;
}

/** One line of an order file, validated: the order's fields plus the line. */
export interface OrderLineRow {
  order: Omit<OrderRecord, 'lines' | 'totalMinor'>;
  line: OrderLineRecord;
}

/** One event row, validated (product and customer still by the store's ids). */
export interface EventRecord {
  eventId: string;
  type: EventType;
  occurredAt: Date;
  customerId: string | null;
  anonymousId: string | null;
  sessionId: string | null;
  productExternalId: string | null;
  quantity: number | null;
  priceMinor: number | null;
  currency: string | null;
  query: string | null;
}

export type RowRecord = ProductRecord | ShopperRecord | OrderLineRow | EventRecord;

// --- cells -----------------------------------------------------------------------------------
const EMPTY = Symbol('empty');
const isEmpty = (v: unknown) => cellText(v) === '';

/** A zod schema for one cell from a `Parsed` parser; empty cells are `EMPTY` for the row to judge. */
function cell<T>(parse: (v: unknown) => Parsed<T>) {
  // Optional: an unmapped field is absent and stays undefined.
  return z
    .unknown()
    .transform((v, ctx): T | typeof EMPTY => {
      if (isEmpty(v)) return EMPTY;
      const r = parse(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    })
    .optional();
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: ids with control characters are refused
const CONTROL = /[\u0000-\u001f\u007f]/;
const text = (max: number) =>
  cell((v): Parsed<string> => {
    const s = cellText(v);
    if (s.length > max) return { ok: false, reason: `is longer than ${max} characters` };
    const bad = unstorable(s);
    return bad ? { ok: false, reason: bad } : { ok: true, value: s };
  });
const id = cell((v): Parsed<string> => {
  const s = normalizeId(v);
  if (s.length > 200) return { ok: false, reason: 'is longer than 200 characters' };
  if (CONTROL.test(s) || unstorable(s)) return { ok: false, reason: 'contains control characters' };
  return { ok: true, value: s };
});
const decimal = cell((v): Parsed<unknown> => {
  const r = parseMinor(v, 6);
  if (!r.ok) return r;
  return r.value < 0 ? { ok: false, reason: 'must not be negative' } : { ok: true, value: v };
});
const date = cell(parseDate);
const currency = cell(parseCurrency);
const country = cell(parseCountry);
const count = cell((v): Parsed<number> => {
  const r = parseInteger(v);
  return r.ok && r.value < 0 ? { ok: false, reason: 'must not be negative' } : r;
});
const quantity = cell((v): Parsed<number> => {
  const r = parseInteger(v);
  return r.ok && r.value <= 0 ? { ok: false, reason: 'must be a positive whole number' } : r;
});
function oneOf<T extends string>(aliases: Record<string, T>, what: string) {
  return cell((v): Parsed<T> => {
    const key = cellText(v)
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const value = aliases[key];
    return value
      ? { ok: true, value }
      : { ok: false, reason: `"${cellText(v).slice(0, 30)}" is not ${what}` };
  });
}
const locale = cell((v): Parsed<string> => {
  try {
    const [canonical] = Intl.getCanonicalLocales(cellText(v).replace('_', '-'));
    return canonical ? { ok: true, value: canonical } : { ok: false, reason: 'is not a language tag' };
  } catch {
    return { ok: false, reason: 'is not a language tag such as en or de-CH' };
  }
});

const PRODUCT_STATUS = oneOf(
  {
    active: 'active',
    published: 'active',
    true: 'active',
    yes: 'active',
    '1': 'active',
    archived: 'archived',
    draft: 'archived',
    inactive: 'archived',
    false: 'archived',
    no: 'archived',
    '0': 'archived',
  } as const,
  'a product status (active or archived)',
);
const ORDER_STATUS = oneOf(
  {
    paid: 'paid',
    complete: 'paid',
    completed: 'paid',
    processing: 'paid',
    fulfilled: 'paid',
    cancelled: 'cancelled',
    canceled: 'cancelled',
    refunded: 'refunded',
    returned: 'returned',
  } as const,
  'an order status (paid, cancelled, refunded or returned)',
);
const EVENT_TYPE = oneOf(
  {
    ...Object.fromEntries(EVENT_TYPES.map((t) => [t, t])),
    pageview: 'page_view',
    product_view: 'view',
    view_item: 'view',
    product_viewed: 'view',
    added_to_cart: 'add_to_cart',
    product_added: 'add_to_cart',
    order_completed: 'purchase',
    checkout_completed: 'purchase',
    order: 'purchase',
  } as Record<string, EventType>,
  `an event type (${EVENT_TYPES.join(', ')})`,
);

// --- rows ------------------------------------------------------------------------------------
const SCHEMAS = {
  products: z.object({
    externalId: id,
    title: text(500),
    price: decimal,
    currency,
    description: text(20_000),
    category: z.unknown().optional(),
    brand: text(200),
    stock: count,
    imageUrls: z.unknown().optional(),
    status: PRODUCT_STATUS,
  }),
  shoppers: z.object({
    externalId: id,
    email: text(320),
    name: text(200),
    country,
    locale,
    firstSeenAt: date,
  }),
  orders: z.object({
    orderId: id,
    productId: id,
    quantity,
    unitPrice: decimal,
    placedAt: date,
    customerId: id,
    title: text(500),
    status: ORDER_STATUS,
    currency,
    country,
  }),
  events: z.object({
    eventId: id,
    type: EVENT_TYPE,
    occurredAt: date,
    customerId: id,
    anonymousId: id,
    sessionId: id,
    productId: id,
    quantity,
    price: decimal,
    currency,
    query: text(500),
  }),
} as const;

type Cells = Record<string, unknown>;
const present = (v: unknown) => v !== undefined && v !== EMPTY;
/** Mapped and empty → null (clears the stored value); not mapped → undefined (keeps it). */
const orNull = <T>(v: T | typeof EMPTY | undefined): T | null | undefined =>
  v === undefined ? undefined : v === EMPTY ? null : v;
const orUndefined = <T>(v: T | typeof EMPTY | undefined): T | undefined => (v === EMPTY ? undefined : v);

function minor(raw: unknown, cur: string, issues: RowIssue[], field: string): number {
  const r = parseMinor(raw, currencyExponent(cur));
  if (!r.ok) issues.push({ field, reason: r.reason });
  return r.ok ? r.value : 0;
}

function build(kind: ImportKind, c: Cells, opts: RowOptions, issues: RowIssue[]): RowRecord {
  const cur = (present(c.currency) ? c.currency : opts.currency) as string;
  if (kind === 'products') {
    return {
      externalId: c.externalId as string,
      title: { [opts.locale]: c.title as string },
      priceMinor: minor(c.price, cur, issues, 'price'),
      currency: cur,
      ...(present(c.description) ? { description: { [opts.locale]: c.description as string } } : {}),
      ...(c.category !== undefined ? { categoryPath: parseList(c.category, /\s*(?:>|\/|\|)\s*/) } : {}),
      ...(c.imageUrls !== undefined ? { imageUrls: parseList(c.imageUrls, /[\s,|]+/) } : {}),
      brand: orNull(c.brand as string | undefined),
      stock: orNull(c.stock as number | undefined),
      status: orUndefined(c.status as 'active' | undefined),
    } satisfies ProductRecord;
  }
  if (kind === 'shoppers') {
    const email = orNull(c.email as string | undefined);
    return {
      externalId: c.externalId as string,
      email: typeof email === 'string' ? email.toLowerCase() : email,
      name: orNull(c.name as string | undefined),
      country: orNull(c.country as string | undefined),
      locale: orNull(c.locale as string | undefined),
      firstSeenAt: orNull(c.firstSeenAt as Date | undefined),
    } satisfies ShopperRecord;
  }
  if (kind === 'orders') {
    return {
      order: {
        externalId: c.orderId as string,
        shopperExternalId: present(c.customerId) ? (c.customerId as string) : null,
        status: present(c.status) ? (c.status as OrderRecord['status']) : 'paid',
        currency: cur,
        country: present(c.country) ? (c.country as string | null) : null,
        placedAt: c.placedAt as Date,
      },
      line: {
        productExternalId: c.productId as string,
        title: present(c.title) ? (c.title as string) : null,
        quantity: c.quantity as number,
        unitPriceMinor: minor(c.unitPrice, cur, issues, 'unitPrice'),
      },
    } satisfies OrderLineRow;
  }
  const val = <T>(v: unknown) => (present(v) ? (v as T) : null);
  return {
    eventId: c.eventId as string,
    type: c.type as EventType,
    occurredAt: c.occurredAt as Date,
    customerId: val(c.customerId),
    anonymousId: val(c.anonymousId),
    sessionId: val(c.sessionId),
    productExternalId: val(c.productId),
    quantity: val(c.quantity),
    priceMinor: present(c.price) ? minor(c.price, cur, issues, 'price') : null,
    currency: present(c.price) || present(c.currency) ? cur : null,
    query: val(c.query),
  } satisfies EventRecord;
}

const REQUIRED: Record<ImportKind, string[]> = {
  products: ['externalId', 'title', 'price'],
  shoppers: ['externalId'],
  orders: ['orderId', 'productId', 'quantity', 'unitPrice', 'placedAt'],
  events: ['eventId', 'type', 'occurredAt'],
};

/**
 * Validates one source row through the mapping and builds its record, or lists every problem
 * (field = target field key). Unmapped optional fields stay undefined so upserts keep what is
 * stored; mapped but empty ones become null.
 */
export function validateRow(
  kind: ImportKind,
  values: Record<string, unknown>,
  mapping: ColumnMapping,
  opts: RowOptions,
): { ok: true; record: RowRecord } | { ok: false; issues: RowIssue[] } {
  const input: Cells = {};
  for (const [field, column] of Object.entries(mapping)) input[field] = values[column] ?? '';
  const parsed = SCHEMAS[kind].safeParse(input);
  const issues: RowIssue[] = [];
  for (const [field, v] of Object.entries(input)) {
    const texts = Array.isArray(v) ? v : [v];
    if (texts.some((t) => typeof t === 'string' && unstorable(t))) {
      issues.push({ field, reason: 'contains a NUL character or a broken Unicode escape' });
    }
  }
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.push({ field: String(i.path[0] ?? '_row'), reason: i.message });
  }
  const cells = (parsed.success ? parsed.data : {}) as Cells;
  for (const key of REQUIRED[kind]) {
    if (parsed.success && !present(cells[key])) issues.push({ field: key, reason: 'is required but empty' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const record = build(kind, cells, opts, issues);
  if (
    kind === 'events' &&
    (record as EventRecord).customerId === null &&
    (record as EventRecord).anonymousId === null
  ) {
    issues.push({ field: 'customerId', reason: 'an event needs a customer ID or an anonymous ID' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record };
}
