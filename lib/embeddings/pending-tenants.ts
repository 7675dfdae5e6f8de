import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { log } from '@/lib/log';

const REFRESH_MS = 5 * 60_000;

interface CacheState {
  ids: Set<string>;
  loadedAt: number;
  loading: Promise<void> | null;
}

const g = globalThis as unknown as { __tailorPendingEmbeddings?: CacheState };
g.__tailorPendingEmbeddings ??= { ids: new Set(), loadedAt: 0, loading: null };
const state = g.__tailorPendingEmbeddings;

/**
 * The workspaces with embedding work: an active product not analysed since its last change, an
 * embeddable one without a vector of its current text in the workspace's live space, or a vector
 * of an archived product. The one query across workspaces here, by nature (it picks whom to
 * schedule); it returns ids only. `liveSpaces` maps each embedder setting in use to its space.
 */
export async function listTenantsWithEmbeddingWork(
  db: Db,
  liveSpaces: Record<string, string>,
): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with live as (select key as setting, value as space from jsonb_each_text(${JSON.stringify(liveSpaces)}::jsonb))
      select t.id from tenants t join live on live.setting = t.embedder
      where exists (
        select 1 from products p
        left join product_texts pt on pt.tenant_id = t.id and pt.product_id = p.id
        left join product_embeddings pe on pe.tenant_id = t.id and pe.space = live.space and pe.product_id = p.id
        where p.tenant_id = t.id and p.status = 'active' and (
          pt.product_id is null or p.updated_at <> pt.analyzed_at
          or (pt.skip_reason is null and (pe.product_id is null or pe.text_hash <> pt.text_hash)))
      ) or exists (
        select 1 from product_embeddings pe
        join products p on p.tenant_id = t.id and p.id = pe.product_id
        where pe.tenant_id = t.id and p.status <> 'active'
      )`),
  );
  return rows.map((r) => r.id);
}

async function load(getDb: () => Promise<Db>, liveSpaceOf: (setting: string) => Promise<string>) {
  const db = await getDb();
  const settings = rowsOf<{ embedder: string }>(await db.execute(sql`select distinct embedder from tenants`));
  const live: Record<string, string> = {};
  for (const { embedder } of settings) live[embedder] = await liveSpaceOf(embedder);
  state.ids = new Set(await listTenantsWithEmbeddingWork(db, live));
  state.loadedAt = Date.now();
}

/**
 * Which workspaces the 15-minute embedding schedule should run for: its per-tenant check is
 * synchronous, so the answer comes from this set, refreshed in the background every 5 minutes.
 * Until the first load the answer is "no" (that slot is skipped), which keeps workspaces without
 * work from collecting a no-op job every quarter hour. Imports, syncs and webhooks do not wait
 * for it: they enqueue the job directly.
 */
export const pendingEmbeddingTenants = {
  has(
    tenantId: string,
    getDb: () => Promise<Db>,
    liveSpaceOf: (setting: string) => Promise<string>,
  ): boolean {
    if (Date.now() - state.loadedAt > REFRESH_MS && !state.loading) {
      state.loading = load(getDb, liveSpaceOf)
        .catch((error: unknown) => log('warn', 'embeddings.pending_cache_failed', { error }))
        .finally(() => {
          state.loading = null;
        });
    }
    return state.ids.has(tenantId);
  },
  /** Tests: load now and wait. */
  async refresh(getDb: () => Promise<Db>, liveSpaceOf: (setting: string) => Promise<string>): Promise<void> {
    await load(getDb, liveSpaceOf);
  },
  reset(): void {
    state.ids = new Set();
    state.loadedAt = 0;
    state.loading = null;
  },
};
