import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { products, tenants } from '@/db/schema';
import { LEXICAL_DIMENSIONS, LEXICAL_SPACE, createLexicalEmbedder } from '@/lib/embeddings/lexical';
import { buildProductText } from '@/lib/embeddings/product-text';
import {
  listProductsToAnalyze,
  listProductsToEmbed,
  upsertProductTexts,
  upsertVectors,
} from '@/lib/embeddings/queries';
import type { TenantContext } from '@/lib/tenant/context';

type NewProduct = Omit<typeof products.$inferInsert, 'tenantId'>;

/** A small multilingual catalog (en/de/fr titles) for search tests; prices in cents. */
export const SEARCH_CATALOG: NewProduct[] = [
  {
    externalId: 'CREME',
    title: { en: 'Crème brûlée set', fr: 'Coffret crème brûlée' },
    description: { en: 'Four ramekins and a torch.' },
    brand: 'Maison',
    categoryPath: ['Kitchen', 'Baking'],
    priceMinor: 2500,
    currency: 'EUR',
    stock: 5,
  },
  {
    externalId: 'SHIRT',
    title: { en: 'Linen shirt', de: 'Leinenhemd', fr: 'Chemise en lin' },
    description: { en: 'A breezy shirt of washed linen.', de: 'Ein luftiges Hemd aus gewaschenem Leinen.' },
    brand: 'Nordic',
    categoryPath: ['Apparel', 'Shirts', 'Linen'],
    priceMinor: 4900,
    currency: 'EUR',
    stock: 10,
  },
  {
    externalId: 'SHIRT-2',
    title: { en: 'Cotton shirt', de: 'Baumwollhemd' },
    brand: 'Nordic',
    categoryPath: ['Apparel', 'Shirts'],
    priceMinor: 2900,
    currency: 'EUR',
    stock: 0,
  },
  {
    externalId: 'BOOTS',
    title: { en: 'Leather boots', de: 'Lederstiefel', fr: 'Bottes en cuir' },
    brand: 'Alpen',
    categoryPath: ['Apparel', 'Shoes'],
    priceMinor: 12900,
    currency: 'EUR',
    stock: null, // not tracked: counts as in stock
  },
  {
    externalId: 'MUG',
    title: { en: 'Coffee mug', de: 'Kaffeebecher' },
    brand: 'Maison',
    categoryPath: ['Kitchen', 'Tableware'],
    priceMinor: 1200,
    currency: 'EUR',
    stock: 3,
  },
  {
    externalId: 'SCARF',
    title: { en: 'Wool scarf', de: 'Wollschal', fr: 'Écharpe en laine' },
    brand: 'Alpen',
    categoryPath: ['Apparel', 'Accessories'],
    priceMinor: 3900,
    currency: 'EUR',
    stock: 2,
  },
  {
    externalId: 'TROUSERS',
    title: { en: 'Linen trousers' },
    brand: 'Nordic',
    categoryPath: ['Apparel', 'Trousers'],
    priceMinor: 5900,
    currency: 'EUR',
    stock: 4,
    status: 'archived',
  },
];

/** Inserts products for a tenant; returns them by external id. */
export async function insertProducts(db: Db, ctx: Pick<TenantContext, 'tenantId'>, rows: NewProduct[]) {
  const inserted = await db
    .insert(products)
    .values(rows.map((r) => ({ ...r, tenantId: ctx.tenantId })))
    .returning();
  return new Map(inserted.map((p) => [p.externalId, p]));
}

/**
 * Analyses and embeds the tenant's products with the lexical embedder through the embeddings
 * queries (what the embed job does, minus language detection and batching), and pins the
 * workspace to the lexical embedder so queries land in the same space whatever models exist.
 */
export async function embedLexically(db: Db, ctx: Pick<TenantContext, 'tenantId'>): Promise<number> {
  await db.update(tenants).set({ embedder: 'lexical' }).where(eq(tenants.id, ctx.tenantId));
  const toAnalyze = await listProductsToAnalyze(db, ctx, { limit: 10_000 });
  await upsertProductTexts(
    db,
    ctx,
    toAnalyze.map((p) => ({ productId: p.id, version: p.version, text: buildProductText(p), languages: {} })),
  );
  const toEmbed = await listProductsToEmbed(db, ctx, { space: LEXICAL_SPACE, limit: 10_000 });
  const embedder = createLexicalEmbedder();
  const texts = toEmbed.map((p) => Object.values(buildProductText(p).byLocale).join('\n'));
  const vectors = await embedder.embed(texts, 'passage');
  const { written } = await upsertVectors(db, ctx, {
    space: LEXICAL_SPACE,
    dims: LEXICAL_DIMENSIONS,
    rows: toEmbed.map((p, i) => ({ productId: p.id, textHash: p.textHash, vector: vectors[i]! })),
  });
  return written;
}
