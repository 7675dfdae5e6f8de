import type { UpsertCounts } from '@/lib/ingest/records';

/** Records per entity that the file holds and that were accepted. */
export interface EntityCounts {
  products: number;
  shoppers: number;
  orders: number;
  /** Orders recorded as returned (the Online Retail `C…` invoices). */
  cancellations: number;
  /** Orders without a customer. */
  guestOrders: number;
  events: number;
}

/** What the file says, recomputed identically on every attempt (so never checkpointed). */
export interface FileFacts {
  rows: number;
  accepted: number;
  rejected: number;
  /** Rows superseded by a later row with the same external id (the later one is imported). */
  skipped: number;
  /** `column: reason` → rows, for the summary. Specific values are folded into `"…"`. */
  reasons: Record<string, number>;
  counts: EntityCounts;
  /** Orders by status. */
  statuses: Record<string, number>;
}

export interface EventWriteCounts {
  inserted: number;
  duplicates: number;
}

/** What the database did, summed over committed batches (checkpointed with each batch). */
export interface WriteTotals {
  products: UpsertCounts;
  shoppers: UpsertCounts;
  orders: UpsertCounts;
  events: EventWriteCounts;
  /** Rows refused only once the database was consulted (events naming an unknown product). */
  rejected: number;
  reasons: Record<string, number>;
}

/** The import's outcome, stored on the import and printed by the CLI. */
export interface ImportSummary {
  rows: number;
  accepted: number;
  rejected: number;
  skipped: number;
  /** Records written new / changed / already as in the file, over all entities. */
  inserted: number;
  updated: number;
  unchanged: number;
  reasons: Record<string, number>;
  entities: Pick<WriteTotals, 'products' | 'shoppers' | 'orders' | 'events'>;
  counts: EntityCounts;
  statuses: Record<string, number>;
}

const MAX_REASONS = 50;

export const emptyCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function emptyFacts(): FileFacts {
  return {
    rows: 0,
    accepted: 0,
    rejected: 0,
    skipped: 0,
    reasons: {},
    counts: { products: 0, shoppers: 0, orders: 0, cancellations: 0, guestOrders: 0, events: 0 },
    statuses: {},
  };
}

export function emptyWrites(): WriteTotals {
  return {
    products: emptyCounts(),
    shoppers: emptyCounts(),
    orders: emptyCounts(),
    events: { inserted: 0, duplicates: 0 },
    rejected: 0,
    reasons: {},
  };
}

/** `Currency: "XYZ" is not a known currency code` → `Currency: "…" is not a known currency code`. */
export function reasonKey(field: string, reason: string): string {
  return `${field}: ${reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\(line \d+\)/, '')
    .trim()}`;
}

/** Counts one rejected reason, folding rare ones into "other" past 50 distinct reasons. */
export function countReason(reasons: Record<string, number>, key: string): void {
  if (key in reasons || Object.keys(reasons).length < MAX_REASONS) reasons[key] = (reasons[key] ?? 0) + 1;
  else reasons.other = (reasons.other ?? 0) + 1;
}

export function addWrites(a: WriteTotals, b: WriteTotals): WriteTotals {
  for (const k of ['products', 'shoppers', 'orders'] as const) {
    a[k].inserted += b[k].inserted;
    a[k].updated += b[k].updated;
    a[k].unchanged += b[k].unchanged;
  }
  a.events.inserted += b.events.inserted;
  a.events.duplicates += b.events.duplicates;
  a.rejected += b.rejected;
  for (const [k, n] of Object.entries(b.reasons)) a.reasons[k] = (a.reasons[k] ?? 0) + n;
  return a;
}

export function summarize(facts: FileFacts, writes: WriteTotals): ImportSummary {
  const { products, shoppers, orders, events } = writes;
  const reasons = { ...facts.reasons };
  for (const [k, n] of Object.entries(writes.reasons)) reasons[k] = (reasons[k] ?? 0) + n;
  return {
    rows: facts.rows,
    accepted: facts.accepted - writes.rejected,
    rejected: facts.rejected + writes.rejected,
    skipped: facts.skipped,
    inserted: products.inserted + shoppers.inserted + orders.inserted + events.inserted,
    updated: products.updated + shoppers.updated + orders.updated,
    unchanged: products.unchanged + shoppers.unchanged + orders.unchanged + events.duplicates,
    reasons: Object.fromEntries(Object.entries(reasons).sort((x, y) => y[1] - x[1])),
    entities: { products, shoppers, orders, events },
    counts: { ...facts.counts, events: facts.counts.events - writes.rejected },
    statuses: facts.statuses,
  };
}
