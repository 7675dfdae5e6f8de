import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  bigint,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/** A store connection (Shopify, WooCommerce). Credentials are AES-256-GCM ciphertext, never shown again. */
export const connections = pgTable(
  'connections',
  {
    tenantId: tenantId(),
    id: idColumn(),
    platform: text('platform').notNull(), // shopify | woocommerce
    name: text('name').notNull(),
    /** Shop domain (Shopify) or store URL (WooCommerce), normalized. */
    baseUrl: text('base_url').notNull(),
    credentials: text('credentials').notNull(), // encrypted JSON
    keyVersion: integer('key_version').notNull(),
    status: text('status').notNull().default('active'), // active | error | disabled
    /** Per-resource sync state: `{ products: { since, cursor }, … }`. */
    syncState: jsonb('sync_state').$type<Record<string, unknown>>().notNull().default({}),
    lastSyncStartedAt: tstz('last_sync_started_at'),
    lastSuccessAt: tstz('last_success_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('connections_store_key').on(t.tenantId, t.platform, t.baseUrl),
  ],
);

/** Webhook deliveries already processed (idempotency by the platform's delivery id). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    tenantId: tenantId(),
    deliveryId: text('delivery_id').notNull(),
    connectionId: uuid('connection_id').notNull(),
    topic: text('topic').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.deliveryId] })],
);

/** One file import: products, shoppers, orders or events, in CSV, JSON, NDJSON or a known format. */
export const imports = pgTable(
  'imports',
  {
    tenantId: tenantId(),
    id: idColumn(),
    kind: text('kind').notNull(), // products | shoppers | orders | events
    format: text('format').notNull(), // csv | json | ndjson | online-retail
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('queued'), // queued | running | succeeded | failed
    jobId: uuid('job_id'),
    rowsDone: integer('rows_done').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('imports_time_idx').on(t.tenantId, t.createdAt)],
);

/** Row-level rejections of an import (row number, field, reason), downloadable as a report. */
export const importRejections = pgTable(
  'import_rejections',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    field: text('field').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.rowNo, t.field] })],
);

/** Saved column mappings, reusable for the next file of the same shape. */
export const importMappings = pgTable(
  'import_mappings',
  {
    tenantId: tenantId(),
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('import_mappings_name_key').on(t.tenantId, t.kind, t.name),
  ],
);

/** Daily ingestion counters per source, for the data-quality page. */
export const ingestDaily = pgTable(
  'ingest_daily',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    source: text('source').notNull(), // api | snippet | import | shopify | woocommerce | webhook
    accepted: integer('accepted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    bots: integer('bots').notNull().default(0),
    /** `{ reason: count }` for rejected items. */
    reasons: jsonb('reasons').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.source] })],
);

/** Anonymous visitor → customer links made when a visitor identifies (identity stitching). */
export const identityLinks = pgTable(
  'identity_links',
  {
    tenantId: tenantId(),
    anonymousId: text('anonymous_id').notNull(),
    shopperId: uuid('shopper_id').notNull(),
    linkedAt: tstz('linked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.anonymousId] }),
    index('identity_links_shopper_idx').on(t.tenantId, t.shopperId),
  ],
);
