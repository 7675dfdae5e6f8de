import { bigint, index, integer, jsonb, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { tenantId } from './tenants';

/** What language detection found in one locale's text of a product. */
export interface DetectedLanguage {
  /** ISO 639-1 (or cld3's code), null when the text is too short to tell. */
  language: string | null;
  probability: number;
  reliable: boolean;
}

/**
 * The text of a product as it goes into embeddings and keyword search, analysed once per change:
 * its hash (nothing is re-embedded while it stays the same), the languages detected per locale, and
 * an accent-folded search document with a GIN index for keyword search in every locale.
 */
export const productTexts = pgTable(
  'product_texts',
  {
    tenantId: tenantId(),
    productId: uuid('product_id').notNull(),
    /** SHA-256 of the normalized per-locale texts (see lib/embeddings/product-text.ts). */
    textHash: text('text_hash').notNull(),
    /** Locale key of the product text (`en`, `de` …) → what detection found in it. */
    languages: jsonb('languages').$type<Record<string, DetectedLanguage>>().notNull().default({}),
    /** Accent-folded, lower-cased text of every locale (keyword search). */
    searchText: text('search_text').notNull().default(''),
    /** Why the product has no vector (`no_text`), null when it is embedded. */
    skipReason: text('skip_reason'),
    analyzedAt: tstz('analyzed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId] })],
);

/**
 * One product's vector in one embedding space. A space is an embedder id with its version
 * (`lexical@1`, `Xenova/multilingual-e5-small@q8`); queries only ever compare vectors of one space.
 * Vectors are unit length, so cosine similarity is a dot product. `real[]` is the portable storage;
 * where pgvector exists, HNSW expression indexes cast it (migration 0007).
 */
export const productEmbeddings = pgTable(
  'product_embeddings',
  {
    tenantId: tenantId(),
    space: text('space').notNull(),
    productId: uuid('product_id').notNull(),
    dims: integer('dims').notNull(),
    /** The `product_texts.text_hash` this vector was made from. */
    textHash: text('text_hash').notNull(),
    vector: real('vector').array().notNull(),
    embeddedAt: tstz('embedded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.space, t.productId] }),
    index('product_embeddings_product_idx').on(t.tenantId, t.productId),
  ],
);

/**
 * Per workspace and space: how many vectors there are and a version bumped on every write, so
 * in-memory indexes know when to reload without scanning the vectors.
 */
export const embeddingSpaces = pgTable(
  'embedding_spaces',
  {
    tenantId: tenantId(),
    space: text('space').notNull(),
    dims: integer('dims').notNull(),
    vectors: integer('vectors').notNull().default(0),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.space] })],
);
