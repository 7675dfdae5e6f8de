/**
 * What an import can fill, per kind: the target fields, which are required, and the column
 * names that map to them automatically (compared case- and punctuation-insensitively).
 */
export const IMPORT_KINDS = ['products', 'shoppers', 'orders', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FORMATS = ['csv', 'json', 'ndjson', 'online-retail'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface TargetField {
  key: string;
  label: string;
  required: boolean;
  /** Column names recognized for this field, most specific first. */
  aliases: string[];
  hint?: string;
}

const f = (key: string, label: string, required: boolean, aliases: string[], hint?: string): TargetField => ({
  key,
  label,
  required,
  aliases: [key, ...aliases],
  hint,
});

const PRODUCT_FIELDS: TargetField[] = [
  f('externalId', 'Product ID / SKU', true, [
    'sku',
    'id',
    'product_id',
    'productid',
    'stockcode',
    'item_id',
    'code',
    'handle',
    'variant_sku',
  ]),
  f('title', 'Title', true, ['name', 'product_name', 'description', 'product_title', 'item_name']),
  f(
    'price',
    'Price',
    true,
    ['unit_price', 'unitprice', 'price_amount', 'regular_price', 'amount', 'variant_price'],
    'A decimal number such as 12.50; in the file currency unless a Currency column is mapped.',
  ),
  f('currency', 'Currency', false, ['currency_code', 'price_currency', 'price.currency']),
  f('description', 'Description', false, ['body', 'body_html', 'long_description', 'details']),
  f(
    'category',
    'Category',
    false,
    ['categories', 'category_path', 'product_type', 'type'],
    'A path such as "Home > Garden" (also / or |), or a JSON list.',
  ),
  f('brand', 'Brand', false, ['vendor', 'manufacturer']),
  f('stock', 'Stock', false, ['inventory', 'quantity', 'stock_quantity', 'inventory_quantity', 'qty']),
  f('imageUrls', 'Image URLs', false, ['image', 'image_url', 'images', 'image_src', 'picture']),
  f('status', 'Status', false, ['state', 'active', 'published'], 'active or archived.'),
];

const SHOPPER_FIELDS: TargetField[] = [
  f('externalId', 'Customer ID', true, ['customerid', 'customer_id', 'id', 'user_id', 'client_id']),
  f('email', 'Email', false, ['email_address', 'mail', 'e_mail']),
  f('name', 'Name', false, ['full_name', 'customer_name', 'first_name']),
  f('country', 'Country', false, ['country_code', 'billing_country', 'address.country']),
  f('locale', 'Language', false, ['language', 'lang']),
  f('firstSeenAt', 'First seen', false, ['created_at', 'signup_date', 'registered', 'date_created']),
];

const ORDER_FIELDS: TargetField[] = [
  f('orderId', 'Order ID', true, [
    'invoiceno',
    'invoice',
    'invoice_no',
    'order_id',
    'order_number',
    'order',
    'id',
  ]),
  f('productId', 'Product ID / SKU', true, [
    'stockcode',
    'sku',
    'product_id',
    'product',
    'item_id',
    'product_sku',
  ]),
  f('quantity', 'Quantity', true, ['qty', 'units', 'amount']),
  f('unitPrice', 'Unit price', true, ['unitprice', 'price', 'item_price', 'unit_price_amount']),
  f('placedAt', 'Order date', true, [
    'invoicedate',
    'date',
    'order_date',
    'created_at',
    'timestamp',
    'placed_at',
  ]),
  f('customerId', 'Customer ID', false, ['customerid', 'customer_id', 'customer', 'user_id']),
  f('title', 'Item title', false, ['description', 'product_name', 'name', 'item_name']),
  f('status', 'Order status', false, ['order_status', 'financial_status', 'state']),
  f('currency', 'Currency', false, ['currency_code']),
  f('country', 'Country', false, ['country_code', 'shipping_country', 'billing_country']),
];

const EVENT_FIELDS: TargetField[] = [
  f('eventId', 'Event ID', true, ['event_id', 'id', 'message_id', 'uuid']),
  f('type', 'Event type', true, ['event', 'event_type', 'name', 'action']),
  f('occurredAt', 'Time', true, ['timestamp', 'time', 'occurred_at', 'created_at', 'date', 'ts']),
  f('customerId', 'Customer ID', false, ['customer_id', 'user_id', 'customerid']),
  f('anonymousId', 'Anonymous ID', false, ['anonymous_id', 'visitor_id', 'device_id', 'client_id']),
  f('sessionId', 'Session ID', false, ['session_id', 'session']),
  f('productId', 'Product ID / SKU', false, ['product_id', 'sku', 'item_id', 'product']),
  f('quantity', 'Quantity', false, ['qty']),
  f('price', 'Price', false, ['unit_price', 'value', 'amount']),
  f('currency', 'Currency', false, ['currency_code']),
  f('query', 'Search query', false, ['search', 'search_query', 'q', 'term']),
];

export const TARGET_FIELDS: Record<ImportKind, TargetField[]> = {
  products: PRODUCT_FIELDS,
  shoppers: SHOPPER_FIELDS,
  orders: ORDER_FIELDS,
  events: EVENT_FIELDS,
};

/** Target field → source column. Unmapped fields are absent. */
export type ColumnMapping = Record<string, string>;

/** `Unit Price`, `unit_price` and `UnitPrice` all become `unitprice`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Maps columns to target fields by name: each column is used at most once, required fields
 * pick first, and within a field the earlier alias wins (`sku` before `id`).
 */
export function detectMapping(kind: ImportKind, columns: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const c of columns) {
    const n = normalizeName(c);
    if (!byName.has(n)) byName.set(n, c);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  const fields = [...TARGET_FIELDS[kind]].sort((a, b) => Number(b.required) - Number(a.required));
  for (const field of fields) {
    for (const alias of field.aliases) {
      const col = byName.get(normalizeName(alias));
      if (col && !used.has(col)) {
        mapping[field.key] = col;
        used.add(col);
        break;
      }
    }
  }
  return mapping;
}

/** Required fields the mapping leaves out, or names columns the file does not have. */
export function mappingProblems(
  kind: ImportKind,
  mapping: ColumnMapping,
  columns: readonly string[] | null,
): string[] {
  const problems: string[] = [];
  for (const field of TARGET_FIELDS[kind]) {
    const col = mapping[field.key];
    if (!col) {
      if (field.required) problems.push(`${field.label} is required: choose the column that holds it.`);
    } else if (columns && !columns.includes(col)) {
      problems.push(`${field.label}: the file has no column "${col}".`);
    }
  }
  return problems;
}
