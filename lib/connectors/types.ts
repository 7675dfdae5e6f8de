import type { OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';

export const PLATFORMS = ['shopify', 'woocommerce'] as const;
/** A store platform Tailor connects to. Stored in `connections.platform`. */
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce' };

/** What a sync pulls, in this order (orders refer to customers and products). */
export const RESOURCES = ['products', 'customers', 'orders'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Facts about the store read when connecting: used to map prices and titles. */
export interface StoreInfo {
  name: string;
  /** ISO 4217, e.g. EUR. Prices are read in this currency. */
  currency: string;
  /** The language titles are stored under, e.g. `en`. */
  locale: string;
}

/** Skipped (malformed or not-importable) records of a page, counted by reason. */
export type SkipCounts = Record<string, number>;

/** One page of one resource, already mapped to normalized records. */
export type Page =
  | { resource: 'products'; records: ProductRecord[]; skipped: SkipCounts; nextCursor: string | null }
  | { resource: 'customers'; records: ShopperRecord[]; skipped: SkipCounts; nextCursor: string | null }
  | { resource: 'orders'; records: OrderRecord[]; skipped: SkipCounts; nextCursor: string | null };

/**
 * A store's API as the sync engine sees it: pages of normalized records behind an opaque cursor
 * (a GraphQL cursor, a page number). `since` null means everything (a full sync).
 */
export interface StoreSource {
  readonly platform: Platform;
  /** Reads the store's name, currency and locale; also proves the credentials work. */
  info(signal?: AbortSignal): Promise<StoreInfo>;
  /** How many items a run will see, or null when the platform cannot say. */
  count(resource: Resource, since: Date | null, signal?: AbortSignal): Promise<number | null>;
  /** One page after `cursor` (null: the first page) of items updated after `since`. */
  fetchPage(
    resource: Resource,
    cursor: string | null,
    since: Date | null,
    signal?: AbortSignal,
  ): Promise<Page>;
}

/** Adds one skip reason to a tally. */
export function countSkip(skipped: SkipCounts, reason: string, n = 1): void {
  skipped[reason] = (skipped[reason] ?? 0) + n;
}
