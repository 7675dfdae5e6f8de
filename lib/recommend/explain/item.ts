/**
 * Why a product gets recommended (issue 8, Models → Explanations, per item): what the live model
 * knows of it — its item-kNN neighbours, the products it is bought together with, where it ranks
 * by popularity — and, when the workspace has product vectors, its nearest products by content.
 * Everything comes from the serving caches (model, catalog, vectors) except the product lookup.
 */
import type { Db } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { getCatalogFacts } from '../serve/catalog-cache';
import { contentNeighbours, getContentVectors } from '../serve/content';
import { getTrainedAt } from '../serve/lookups';
import { getServingModel } from '../serve/registry';
import { titleOf } from '../serve/response';
import { getExplainedProduct } from './queries';

/** Rows per list (neighbours, partners, content look-alikes). */
const LIST = 10;

export interface ExplainedProduct {
  productId: string;
  title: string;
}

export interface PopularityRank {
  /** 1-based place among the products with any score; null when the product has none. */
  rank: number | null;
  /** How many products have a score. */
  of: number;
}

export interface ItemExplanation {
  product: ExplainedProduct & { externalId: string };
  /** The live model, null before the first training. */
  model: { version: number; trainedAt: string | null } | null;
  /** The product was in the training data (new products are recommended by content only). */
  inModel: boolean;
  /** Item-kNN neighbours: shoppers who interacted with this one also did with these (cosine, 0..1). */
  neighbours: (ExplainedProduct & { similarity: number })[];
  /** Bought in the same orders: lift > 1 means more often than chance; confidence P(partner | this). */
  boughtTogether: (ExplainedProduct & { lift: number; confidence: number; orders: number })[];
  popularity: {
    /** Time-decayed (half-life in days) — what "trending" uses. */
    decayed: PopularityRank & { halfLifeDays: number };
    /** Interactions in the recent window (days). */
    recent: PopularityRank & { windowDays: number };
  } | null;
  /** Whether the product has a vector in the current embedding space. */
  embedded: boolean;
  /** Nearest products by content (cosine), when it has a vector. */
  contentNeighbours: (ExplainedProduct & { similarity: number })[];
}

/**
 * The explanation of one product of this workspace; null for an unknown product or another
 * workspace's (never "forbidden"). `productId` is the product's row id (uuid).
 */
export async function explainItem(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  productId: string,
  options: { locale?: string } = {},
): Promise<ItemExplanation | null> {
  const locale = options.locale ?? 'en';
  const row = await getExplainedProduct(db, ctx, productId);
  if (!row) return null;
  const model = await getServingModel(db, ctx.tenantId);
  const catalog = await getCatalogFacts(db, ctx.tenantId, model);
  const [trainedAt, vectors] = await Promise.all([
    model ? getTrainedAt(db, ctx.tenantId, model.versionId) : null,
    getContentVectors(db, ctx.tenantId, catalog),
  ]);
  const named = (item: number): ExplainedProduct => ({
    productId: catalog.products[item]?.id ?? model?.a.itemIds[item] ?? '',
    title: titleOf(catalog, item, locale) ?? catalog.products[item]?.externalId ?? 'A product no longer sold',
  });
  const title = row.title[locale] ?? row.title.en ?? Object.values(row.title)[0] ?? row.externalId;
  const out: ItemExplanation = {
    product: { productId: row.id, externalId: row.externalId, title },
    model: model ? { version: model.version, trainedAt: trainedAt?.toISOString() ?? null } : null,
    inModel: false,
    neighbours: [],
    boughtTogether: [],
    popularity: null,
    embedded: false,
    contentNeighbours: [],
  };
  const item = model?.itemIndex.get(row.id);
  if (model && item !== undefined) {
    out.inModel = true;
    const knn = model.row(model.a.knn, item);
    out.neighbours = Array.from(knn.items.subarray(0, LIST), (j, p) => ({
      ...named(j),
      similarity: knn.scores[p]!,
    }));
    const fbt = model.a.fbt;
    if (item < fbt.ptr.length - 1) {
      for (let p = fbt.ptr[item]!; p < fbt.ptr[item + 1]! && out.boughtTogether.length < LIST; p++)
        out.boughtTogether.push({
          ...named(fbt.items[p]!),
          lift: fbt.lift[p]!,
          confidence: fbt.scores[p]!,
          orders: fbt.together[p]!,
        });
    }
    const pop = model.a.popularity;
    out.popularity = {
      decayed: { ...rankIn(model.decayedOrder, item), halfLifeDays: pop.decayedHalfLifeDays },
      recent: { ...rankIn(model.recentOrder, item), windowDays: pop.recentWindowDays },
    };
  }
  const index = catalog.facts.itemIndex.get(row.id);
  if (vectors && index !== undefined && (vectors.rowOfItem[index] ?? -1) >= 0) {
    out.embedded = true;
    out.contentNeighbours = contentNeighbours(
      vectors,
      [{ item: index, weight: 1 }],
      LIST,
      undefined,
      false,
    ).map((h) => ({ ...named(h.item), similarity: h.score }));
  }
  return out;
}

function rankIn(order: Int32Array, item: number): PopularityRank {
  const at = order.indexOf(item);
  return { rank: at < 0 ? null : at + 1, of: order.length };
}
