import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';
import { log } from '@/lib/log';

const REFRESH_MS = 30 * 60_000;

interface CacheState {
  ids: Set<string>;
  loadedAt: number;
  loading: Promise<void> | null;
}

const g = globalThis as unknown as { __tailorTrainableTenants?: CacheState };
g.__tailorTrainableTenants ??= { ids: new Set(), loadedAt: 0, loading: null };
const state = g.__tailorTrainableTenants;

/** Workspaces with at least one order or event: ids only (the one cross-tenant query here, by nature). */
async function load(): Promise<void> {
  const db = await getDb();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select t.id from tenants t
      where exists (select 1 from orders o where o.tenant_id = t.id)
         or exists (select 1 from events e where e.tenant_id = t.id)`),
  );
  state.ids = new Set(rows.map((r) => r.id));
  state.loadedAt = Date.now();
}

/**
 * The nightly schedule's per-tenant check is synchronous, so it reads this set, refreshed in the
 * background (as lib/embeddings/pending-tenants.ts). Before the first load the answer is "no":
 * that night is skipped, and imports trigger training directly anyway.
 */
export const trainableTenants = {
  has(tenantId: string): boolean {
    if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
      state.loading = load()
        .catch((error: unknown) => log('warn', 'recommend.trainable_cache_failed', { error }))
        .finally(() => {
          state.loading = null;
        });
    }
    return state.ids.has(tenantId);
  },
  /** Tests: load now and wait. */
  refresh: load,
};
