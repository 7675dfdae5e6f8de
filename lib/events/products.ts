import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';

interface TenantProducts {
  ids: Map<string, string>;
  loadedAt: number;
}

/**
 * The store's product ids (external ids) → Tailor product ids, cached per tenant. Hits cost
 * nothing; misses are looked up together, one query per batch. Each tenant's map is dropped
 * after `ttlMs`, so a deleted product stops resolving and a re-created one gets its new id.
 * Unknown ids are never cached: a product imported a second ago resolves at once. The lookup is
 * one unique-index probe per id (see identity.ts on why LATERAL … LIMIT 1 and `(select $t)`).
 */
export class ProductIdCache {
  private readonly tenants = new Map<string, TenantProducts>();
  private readonly ttlMs: number;
  private readonly maxPerTenant: number;
  private readonly now: () => number;

  constructor(opts: { ttlMs?: number; maxPerTenant?: number; now?: () => number } = {}) {
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxPerTenant = opts.maxPerTenant ?? 200_000;
    this.now = opts.now ?? Date.now;
  }

  /** Resolves `externalIds` within `tenantId`; the result holds only the ids that exist. */
  async resolve(
    exec: Executor,
    tenantId: string,
    externalIds: Iterable<string>,
  ): Promise<Map<string, string>> {
    const now = this.now();
    let t = this.tenants.get(tenantId);
    if (!t || now - t.loadedAt > this.ttlMs || t.ids.size > this.maxPerTenant) {
      t = { ids: new Map(), loadedAt: now };
      this.tenants.set(tenantId, t);
    }
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const ext of new Set(externalIds)) {
      const id = t.ids.get(ext);
      if (id) found.set(ext, id);
      else missing.push(ext);
    }
    if (missing.length === 0) return found;
    const r = await exec.execute(sql`
      select x.ext, p.id from json_array_elements_text(${JSON.stringify(missing)}::json) as x(ext)
      cross join lateral (
        select id from products where tenant_id = (select ${tenantId}::uuid) and external_id = x.ext limit 1
      ) p`);
    for (const row of rowsOf<{ ext: string; id: string }>(r)) {
      t.ids.set(row.ext, row.id);
      found.set(row.ext, row.id);
    }
    return found;
  }

  /** Forgets a tenant's products (after a catalog import or deletion, when known). */
  forgetTenant(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  clear(): void {
    this.tenants.clear();
  }
}

const g = globalThis as unknown as { __tailorProductIds?: ProductIdCache };
g.__tailorProductIds ??= new ProductIdCache();
/** The process-wide product id cache. */
export const productIdCache: ProductIdCache = g.__tailorProductIds;
