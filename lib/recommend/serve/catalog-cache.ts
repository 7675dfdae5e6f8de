/**
 * Per tenant, the catalog as the rules engine and the response need it, held in memory: the
 * `CatalogFacts` columns (stock, price, category, brand, publication) indexed like the live
 * model's items, followed by active products the model does not know (new products can still be
 * pinned, filtered and shown as same-category fallbacks), plus ids and titles for the response.
 *
 * Revalidation costs one tiny query (max(updated_at), count) at most every `revalidateMs`, and
 * the columns are rebuilt only when that stamp or the model version changed. Imports, syncs and
 * webhooks in this process may call `invalidateCatalogFacts()` to be seen at once.
 */
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import { getCatalogStamp } from '../queries';
import { buildCatalogFacts, type CatalogFacts, type CatalogRow } from '../rules/catalog';
import { listServingProducts, type ServingProduct } from './queries';
import type { ServingModel } from './serving-model';

export interface ServingCatalog {
  facts: CatalogFacts;
  /**
   * By catalog index; null for a model item that is no longer an active product. Attributes keep
   * `url`/`handle` for storefront links; `imageUrl` is the first image.
   */
  products: readonly (ServingProduct | null)[];
  /** Catalog index by the store's product id (external id). */
  byExternalId: ReadonlyMap<string, number>;
  /** Indexes below this are the model's item indexes; the rest are products new to the model. */
  modelItems: number;
}

interface Entry {
  catalog: ServingCatalog;
  stamp: string;
  versionId: string | null;
  checkedAt: number;
}

interface State {
  entries: Map<string, Entry>;
  loading: Map<string, Promise<ServingCatalog>>;
  revalidateMs: number;
}

// globalThis: the fast path and Next's bundle are two module graphs that must share one cache.
const g = globalThis as unknown as { __tailorCatalogFacts?: State };
g.__tailorCatalogFacts ??= { entries: new Map(), loading: new Map(), revalidateMs: 5_000 };
const state = g.__tailorCatalogFacts;

/**
 * The tenant's serving catalog aligned with `model` (null: catalog order only). Concurrent callers
 * share one load; a failed revalidation keeps the cached catalog and is logged.
 */
export function getCatalogFacts(
  db: Executor,
  tenantId: string,
  model: ServingModel | null,
): ServingCatalog | Promise<ServingCatalog> {
  const e = state.entries.get(tenantId);
  const versionId = model?.versionId ?? null;
  if (e && e.versionId === versionId && Date.now() - e.checkedAt < state.revalidateMs) return e.catalog;
  const key = `${tenantId}:${versionId}`;
  let p = state.loading.get(key);
  if (!p) {
    p = revalidate(db, tenantId, model, e)
      .catch((error: unknown) => {
        if (!e) throw error;
        log('error', 'recommend.catalog_load_failed', { tenantId, error });
        return e.catalog;
      })
      .finally(() => state.loading.delete(key));
    state.loading.set(key, p);
  }
  return p;
}

async function revalidate(
  db: Executor,
  tenantId: string,
  model: ServingModel | null,
  e: Entry | undefined,
): Promise<ServingCatalog> {
  const ctx = { tenantId };
  const versionId = model?.versionId ?? null;
  const stamp = await getCatalogStamp(db, ctx);
  if (e && e.stamp === stamp && e.versionId === versionId) {
    e.checkedAt = Date.now();
    return e.catalog;
  }
  const catalog = alignCatalog(await listServingProducts(db, ctx), model?.a.itemIds ?? []);
  state.entries.set(tenantId, { catalog, stamp, versionId, checkedAt: Date.now() });
  return catalog;
}

/** Model items first, at their model indexes; then the products the model has never seen. */
export function alignCatalog(
  rows: readonly ServingProduct[],
  modelItemIds: readonly string[],
): ServingCatalog {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ids = [...modelItemIds];
  const known = new Set(modelItemIds);
  for (const r of rows) if (!known.has(r.id)) ids.push(r.id);
  const list = ids.map((id) => byId.get(id) ?? null);
  const facts = buildCatalogFacts(ids, list.map(toCatalogRow));
  const byExternalId = new Map<string, number>();
  list.forEach((p, i) => {
    if (p) byExternalId.set(p.externalId, i);
  });
  return { facts, products: list, byExternalId, modelItems: modelItemIds.length };
}

function toCatalogRow(p: ServingProduct | null): CatalogRow | null {
  if (!p) return null;
  return {
    stock: p.stock,
    priceMinor: p.priceMinor,
    categoryPath: p.categoryPath,
    brand: p.brand,
    createdAt: p.createdAt.getTime(),
    publishedAt: p.publishedAt?.getTime() ?? null,
    attributes: p.attributes,
  };
}

/** Forgets a tenant's catalog: the next request reloads it (after an import, sync or webhook). */
export function invalidateCatalogFacts(tenantId: string): void {
  state.entries.delete(tenantId);
}

/** Tests only: how long a catalog is trusted without checking the stamp. */
export function setCatalogRevalidateMs(ms: number): void {
  state.revalidateMs = ms;
}
