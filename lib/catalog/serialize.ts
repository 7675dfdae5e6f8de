import type { products } from '@/db/schema';

type ProductRow = typeof products.$inferSelect;

/** The public API shape of a product (stable field names, ISO dates, no tenant id). */
export function productToApi(p: ProductRow) {
  return {
    id: p.id,
    externalId: p.externalId,
    title: p.title,
    description: p.description,
    categoryPath: p.categoryPath,
    brand: p.brand,
    price: { amountMinor: p.priceMinor, currency: p.currency },
    stock: p.stock,
    attributes: p.attributes,
    imageUrls: p.imageUrls,
    status: p.status,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}
