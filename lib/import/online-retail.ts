/**
 * The UCI Online Retail invoice format (`InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate, UnitPrice, CustomerID, Country`, one row per invoice line), recognized by its
 * header. One file yields three entities:
 * - products from stock codes: the title is the most frequent description and the price the
 *   most frequent positive unit price (ties: the later one), so a re-import is stable;
 * - customers from CustomerID (`17850.0` → `17850`), with the country of their latest invoice
 *   (names mapped to ISO codes; "Unspecified" and the like stay empty) and their first invoice
 *   as first seen;
 * - orders from invoices. `C…` invoices are cancellations: kept as their own orders with status
 *   `returned` and positive quantities. Other invoices whose quantities are all negative are
 *   stock adjustments (damaged, lost…; price 0, no customer): status `cancelled`, positive
 *   quantities. A negative unit price (bad-debt adjustments, `A…`) makes the order `refunded`
 *   with the absolute amount. Invoices without a CustomerID are guest orders. An invoice placed
 *   over several minutes takes its earliest time.
 * Prices are in one currency for the whole file (an option, GBP by default).
 */
import type { OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import { normalizeName } from './fields';
import {
  cellText,
  currencyExponent,
  detach,
  normalizeId,
  parseCountry,
  parseDate,
  parseInteger,
  parseMinor,
  unstorable,
} from './values';
import type { RowIssue } from './rows';

export const ONLINE_RETAIL_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;
export const ONLINE_RETAIL_CURRENCY = 'GBP';

/** True when the header has all eight columns (any order, case and punctuation ignored). */
export function isOnlineRetail(columns: readonly string[]): boolean {
  const have = new Set(columns.map(normalizeName));
  return ONLINE_RETAIL_COLUMNS.every((c) => have.has(normalizeName(c)));
}

type RetailColumn = (typeof ONLINE_RETAIL_COLUMNS)[number];

/** Where each of the eight columns is in this file: its header name and position. */
export function retailColumns(
  columns: readonly string[],
): Record<RetailColumn, { name: string; index: number }> {
  const byName = new Map(columns.map((c, i) => [normalizeName(c), { name: c, index: i }]));
  return Object.fromEntries(
    ONLINE_RETAIL_COLUMNS.map((c) => [c, byName.get(normalizeName(c)) ?? { name: c, index: -1 }]),
  ) as Record<RetailColumn, { name: string; index: number }>;
}

export interface RetailLine {
  invoice: string;
  stockCode: string;
  description: string;
  /** As in the file: negative on cancellations and adjustments. */
  quantity: number;
  date: Date;
  /** Signed minor units. */
  priceMinor: number;
  customerId: string | null;
  country: string | null;
}

/** Validates one row given its fields in file order; issues name the file's columns. */
export function parseRetailRow(
  fields: readonly string[],
  cols: Record<RetailColumn, { name: string; index: number }>,
  currency: string,
): { ok: true; line: RetailLine } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const invoice = cellText(fields[cols.InvoiceNo.index]);
  const stockCode = cellText(fields[cols.StockCode.index]);
  if (!invoice) issues.push({ field: cols.InvoiceNo.name, reason: 'is required but empty' });
  if (!stockCode) issues.push({ field: cols.StockCode.name, reason: 'is required but empty' });
  if (invoice.length > 200)
    issues.push({ field: cols.InvoiceNo.name, reason: 'is longer than 200 characters' });
  if (stockCode.length > 200)
    issues.push({ field: cols.StockCode.name, reason: 'is longer than 200 characters' });
  const q = parseInteger(fields[cols.Quantity.index]);
  if (!q.ok) issues.push({ field: cols.Quantity.name, reason: q.reason });
  else if (q.value === 0) issues.push({ field: cols.Quantity.name, reason: 'must not be zero' });
  const d = parseDate(fields[cols.InvoiceDate.index]);
  if (!d.ok) issues.push({ field: cols.InvoiceDate.name, reason: d.reason });
  const p = parseMinor(fields[cols.UnitPrice.index], currencyExponent(currency));
  if (!p.ok) issues.push({ field: cols.UnitPrice.name, reason: p.reason });
  const customer = normalizeId(fields[cols.CustomerID.index]);
  const description = cellText(fields[cols.Description.index]).slice(0, 500);
  if (customer.length > 200)
    issues.push({ field: cols.CustomerID.name, reason: 'is longer than 200 characters' });
  if (unstorable(invoice + stockCode + description + customer)) {
    issues.push({ field: 'row', reason: 'contains a NUL character or a broken Unicode escape' });
  }
  if (issues.length > 0 || !q.ok || !d.ok || !p.ok) return { ok: false, issues };
  const c = parseCountry(fields[cols.Country.index]);
  return {
    ok: true,
    line: {
      invoice,
      stockCode,
      description,
      quantity: q.value,
      date: d.value,
      priceMinor: p.value,
      customerId: customer || null,
      country: c.ok ? c.value : null,
    },
  };
}

/** The invoice key of a raw row (the same text `parseRetailRow` uses), or '' when missing. */
export const retailInvoiceKey = (
  fields: readonly string[],
  cols: Record<RetailColumn, { name: string; index: number }>,
) => cellText(fields[cols.InvoiceNo.index]);

/** Counts values; among equally frequent ones the latest seen wins. */
class Tally<T> {
  private readonly counts = new Map<T, { n: number; last: number }>();
  private seq = 0;
  add(v: T): void {
    const c = this.counts.get(v);
    if (c) {
      c.n++;
      c.last = ++this.seq;
    } else this.counts.set(typeof v === 'string' ? (detach(v) as T) : v, { n: 1, last: ++this.seq });
  }
  mostFrequent(): T | undefined {
    let best: T | undefined;
    let bestN = 0;
    let bestLast = 0;
    for (const [v, c] of this.counts) {
      if (c.n > bestN || (c.n === bestN && c.last > bestLast)) {
        best = v;
        bestN = c.n;
        bestLast = c.last;
      }
    }
    return best;
  }
}

/** Products and customers of a whole file, gathered in the first pass. */
export class RetailCatalog {
  private readonly products = new Map<string, { titles: Tally<string>; prices: Tally<number> }>();
  private readonly customers = new Map<string, { country: string | null; latest: number; first: number }>();

  add(line: RetailLine): void {
    let p = this.products.get(line.stockCode);
    if (!p) {
      p = { titles: new Tally(), prices: new Tally() };
      this.products.set(detach(line.stockCode), p);
    }
    if (line.description) p.titles.add(line.description);
    if (line.priceMinor > 0) p.prices.add(line.priceMinor);
    if (line.customerId) {
      const t = line.date.getTime();
      const c = this.customers.get(line.customerId);
      if (!c) this.customers.set(detach(line.customerId), { country: line.country, latest: t, first: t });
      else {
        if (t >= c.latest && line.country) {
          c.country = line.country;
          c.latest = t;
        }
        if (t < c.first) c.first = t;
      }
    }
  }

  productRecords(currency: string, locale: string): ProductRecord[] {
    return [...this.products].map(([code, p]) => ({
      externalId: code,
      title: { [locale]: p.titles.mostFrequent() ?? code },
      priceMinor: p.prices.mostFrequent() ?? 0,
      currency,
    }));
  }

  shopperRecords(): ShopperRecord[] {
    return [...this.customers].map(([id, c]) => ({
      externalId: id,
      country: c.country,
      firstSeenAt: new Date(c.first),
    }));
  }
}

/** One invoice's lines → its order (see the module comment for the status rules). */
export function invoiceToOrder(lines: readonly RetailLine[], currency: string): OrderRecord {
  const first = lines[0]!;
  let placed = first.date;
  let total = 0;
  let negativePrice = false;
  let allNegative = true;
  for (const l of lines) {
    if (l.date < placed) placed = l.date;
    if (l.priceMinor < 0) negativePrice = true;
    if (l.quantity > 0) allNegative = false;
    total += Math.abs(l.quantity) * Math.abs(l.priceMinor);
  }
  const status = first.invoice.startsWith('C')
    ? 'returned'
    : negativePrice
      ? 'refunded'
      : allNegative
        ? 'cancelled'
        : 'paid';
  return {
    externalId: first.invoice,
    shopperExternalId: first.customerId,
    status,
    currency,
    totalMinor: total,
    country: first.country,
    placedAt: placed,
    lines: lines.map((l) => ({
      productExternalId: l.stockCode,
      title: l.description || null,
      quantity: Math.abs(l.quantity),
      unitPriceMinor: Math.abs(l.priceMinor),
    })),
  };
}
