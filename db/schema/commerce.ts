import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/** Text in several locales, e.g. `{ en: 'Linen shirt', de: 'Leinenhemd' }`. */
export type LocalizedText = Record<string, string>;

export const products = pgTable(
  'products',
  {
    tenantId: tenantId(),
    id: idColumn(),
    externalId: text('external_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    categoryPath: text('category_path').array().notNull().default(sql`'{}'::text[]`),
    brand: text('brand'),
    /** Price in minor units (cents) of `currency`. */
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    stock: integer('stock'),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean>>().notNull().default({}),
    imageUrls: text('image_urls').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'), // active | archived
    publishedAt: tstz('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('products_external_key').on(t.tenantId, t.externalId),
    index('products_category_idx').on(t.tenantId, t.categoryPath),
  ],
);

/** Customers (known to the store) and anonymous visitors (known by a device/browser id). */
export const shoppers = pgTable(
  'shoppers',
  {
    tenantId: tenantId(),
    id: idColumn(),
    kind: text('kind').notNull(), // customer | visitor
    externalId: text('external_id'),
    anonymousId: text('anonymous_id'),
    /**
     * Legacy clear text, emptied by the field-encryption job (issue 7): personal fields live in
     * `email_enc` / `name_enc` (AES-256-GCM under the workspace's data key) and `email_hash`.
     */
    email: text('email'),
    name: text('name'),
    /** HMAC-SHA256 of the lower-cased email under the workspace's lookup key: find without clear text. */
    emailHash: text('email_hash'),
    emailEnc: text('email_enc'),
    nameEnc: text('name_enc'),
    /** The `fields` data-key version that sealed `email_enc` / `name_enc`. */
    piiKeyVersion: integer('pii_key_version'),
    country: text('country'),
    locale: text('locale'),
    device: text('device'),
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean>>().notNull().default({}),
    firstSeenAt: tstz('first_seen_at'),
    lastSeenAt: tstz('last_seen_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('shoppers_external_key').on(t.tenantId, t.externalId).where(sql`external_id is not null`),
    uniqueIndex('shoppers_anonymous_key').on(t.tenantId, t.anonymousId).where(sql`anonymous_id is not null`),
    index('shoppers_country_idx').on(t.tenantId, t.country),
    index('shoppers_email_hash_idx').on(t.tenantId, t.emailHash).where(sql`email_hash is not null`),
    // Rows still holding clear text (empty once encrypted): the start-up backfill check reads
    // this instead of scanning every shopper.
    index('shoppers_clear_pii_idx').on(t.tenantId).where(sql`email is not null or name is not null`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    tenantId: tenantId(),
    id: idColumn(),
    externalId: text('external_id').notNull(),
    shopperId: uuid('shopper_id'),
    status: text('status').notNull().default('paid'), // paid | cancelled | refunded | returned
    currency: text('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    country: text('country'),
    source: text('source').notNull().default('manual'),
    placedAt: tstz('placed_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('orders_external_key').on(t.tenantId, t.externalId),
    index('orders_placed_idx').on(t.tenantId, t.placedAt),
    index('orders_shopper_idx').on(t.tenantId, t.shopperId),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id'),
    productExternalId: text('product_external_id').notNull(),
    title: text('title'),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.lineNo] }),
    index('order_lines_product_idx').on(t.tenantId, t.productId),
  ],
);

export const EVENT_TYPES = [
  'page_view',
  'view',
  'add_to_cart',
  'remove_from_cart',
  'purchase',
  'search',
  'review',
  'rec_impression',
  'rec_click',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Behaviour events. `event_id` is the client's idempotency key. */
export const events = pgTable(
  'events',
  {
    tenantId: tenantId(),
    eventId: text('event_id').notNull(),
    type: text('type').$type<EventType>().notNull(),
    shopperId: uuid('shopper_id'),
    anonymousId: text('anonymous_id'),
    sessionId: text('session_id'),
    productId: uuid('product_id'),
    quantity: integer('quantity'),
    priceMinor: bigint('price_minor', { mode: 'number' }),
    currency: text('currency'),
    query: text('query'),
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: tstz('occurred_at').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId] }),
    index('events_time_idx').on(t.tenantId, t.occurredAt),
    index('events_shopper_idx').on(t.tenantId, t.shopperId, t.occurredAt),
    index('events_product_idx').on(t.tenantId, t.productId),
    // Per-type scans over a period (performance page, cross-border analytics) read only their type.
    index('events_type_time_idx').on(t.tenantId, t.type, t.occurredAt),
  ],
);
