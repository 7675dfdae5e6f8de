/**
 * Normalized records: what every source (file import, Shopify, WooCommerce, webhooks) turns its
 * payloads into before they are written. Money is integer minor units; times are Dates (UTC).
 * Writers upsert by `externalId` within the tenant.
 */
import type { LocalizedText } from '@/db/schema';

export interface ProductRecord {
  externalId: string;
  title: LocalizedText;
  description?: LocalizedText;
  categoryPath?: string[];
  brand?: string | null;
  priceMinor: number;
  currency: string;
  stock?: number | null;
  attributes?: Record<string, string | number | boolean>;
  imageUrls?: string[];
  status?: 'active' | 'archived';
  publishedAt?: Date | null;
}

export interface ShopperRecord {
  externalId: string;
  email?: string | null;
  name?: string | null;
  country?: string | null; // ISO 3166-1 alpha-2
  locale?: string | null;
  attributes?: Record<string, string | number | boolean>;
  firstSeenAt?: Date | null;
}

export interface OrderLineRecord {
  productExternalId: string;
  title?: string | null;
  quantity: number;
  unitPriceMinor: number;
}

export interface OrderRecord {
  externalId: string;
  /** The customer's external id; null for guest orders. */
  shopperExternalId?: string | null;
  status: 'paid' | 'cancelled' | 'refunded' | 'returned';
  currency: string;
  totalMinor: number;
  country?: string | null;
  placedAt: Date;
  lines: OrderLineRecord[];
}

/** What a batch write did, per entity. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}
