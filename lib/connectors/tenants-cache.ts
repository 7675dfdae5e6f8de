import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { log } from '@/lib/log';

const REFRESH_MS = 5 * 60_000;

interface CacheState {
  ids: Set<string>;
  loadedAt: number;
  loading: Promise<void> | null;
}

const g = globalThis as unknown as { __tailorConnectedTenants?: CacheState };
g.__tailorConnectedTenants ??= { ids: new Set(), loadedAt: 0, loading: null };
const state = g.__tailorConnectedTenants;

async function load(getDb: () => Promise<Db>): Promise<void> {
  const db = await getDb();
  const rows = rowsOf<{ tenant_id: string }>(
    await db.execute(sql`select distinct tenant_id from connections where status <> 'disabled'`),
  );
  state.ids = new Set(rows.map((r) => r.tenant_id));
  state.loadedAt = Date.now();
}

/**
 * Which workspaces have a store connected, for the hourly schedule's synchronous per-tenant
 * check. Refreshed in the background every 5 minutes; a connection made in this process is added
 * at once. Until the first load finishes the answer is "no" (that slot is skipped; the next one
 * runs), which keeps workspaces without stores from collecting an hourly no-op job.
 */
export const connectedTenants = {
  has(tenantId: string, getDb: () => Promise<Db>): boolean {
    if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
      state.loading = load(getDb)
        .catch((error: unknown) => log('warn', 'connectors.tenant_cache_failed', { error }))
        .finally(() => {
          state.loading = null;
        });
    }
    return state.ids.has(tenantId);
  },
  add(tenantId: string): void {
    state.ids.add(tenantId);
  },
  /** Tests only. */
  reset(): void {
    state.ids = new Set();
    state.loadedAt = 0;
    state.loading = null;
  },
};
