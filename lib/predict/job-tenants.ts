/**
 * Which workspaces the weekly prediction training runs for: those with at least one order of a
 * known shopper. The schedule's per-tenant check is synchronous, so it reads this set, refreshed
 * in the background (as lib/recommend/train/trainable-tenants.ts).
 */
import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';
import { log } from '@/lib/log';

const REFRESH_MS = 30 * 60_000;

interface CacheState {
  ids: Set<string>;
  loadedAt: number;
  loading: Promise<void> | null;
}

const g = globalThis as unknown as { __tailorPredictableTenants?: CacheState };
g.__tailorPredictableTenants ??= { ids: new Set(), loadedAt: 0, loading: null };
const state = g.__tailorPredictableTenants;

/** Ids of workspaces with orders (the one cross-tenant query here, by nature: ids only). */
async function load(): Promise<void> {
  const db = await getDb();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select t.id from tenants t
      where exists (select 1 from orders o where o.tenant_id = t.id and o.shopper_id is not null)`),
  );
  state.ids = new Set(rows.map((r) => r.id));
  state.loadedAt = Date.now();
}

/**
 * Before the first load the answer is "no": that week's slot is skipped, and the demo seed and
 * imports queue training directly anyway.
 */
export const predictableTenants = {
  has(tenantId: string): boolean {
    if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
      state.loading = load()
        .catch((error: unknown) => log('warn', 'predict.tenants_cache_failed', { error }))
        .finally(() => {
          state.loading = null;
        });
    }
    return state.ids.has(tenantId);
  },
  /** Tests: load now and wait. */
  refresh: load,
};
