/**
 * The shared write path of every source (file import, Shopify, WooCommerce, webhooks):
 * normalized records (./records.ts) in, idempotent multi-row upserts out. Call them inside one
 * transaction per batch so a batch is all-or-nothing; each returns what it inserted, updated
 * and left unchanged.
 */
export { upsertProducts, upsertShoppers } from './upsert-catalog';
export { type IdCache, type OrderUpsertCounts, createIdCache, upsertOrders } from './upsert-orders';
export { lookupIds } from './lookup';
export { addCounts, zeroCounts } from './upsert-core';
