/**
 * The process-wide cache of live models, one per tenant. A request costs at most one tiny query
 * (the live version id) every `revalidateMs`; the artefact is read and deserialized only when that
 * id changes. Training and rollback in this process invalidate at once; other processes (a separate
 * worker) are seen within `revalidateMs`. Memory is bounded: least recently used models go first.
 */
import type { MaybePromise } from '@/lib/sync-first';
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import { deserializeArtefact } from '../train/artefact';
import type { ModelArtefact } from '../train/model-artefact';
import { getLiveModelRef, getModelArtefact } from '../train/queries';
import { ServingModel } from './serving-model';

export interface RegistryOptions {
  /** How long a tenant's live version id is trusted without asking the database (default 5 s). */
  revalidateMs: number;
  /** Total in-memory size of the cached models before the least recently used are dropped (default 512 MiB). */
  maxBytes: number;
}

interface Entry {
  model: ServingModel | null;
  checkedAt: number;
  lastUsed: number;
  loading: Promise<ServingModel | null> | null;
}

interface State {
  entries: Map<string, Entry>;
  options: RegistryOptions;
}

// globalThis: Next's dev server reloads modules, and the fast path and route handlers must share one cache.
const g = globalThis as unknown as { __tailorModelRegistry?: State };
g.__tailorModelRegistry ??= {
  entries: new Map(),
  options: { revalidateMs: 5_000, maxBytes: 512 * 1024 * 1024 },
};
const state = g.__tailorModelRegistry;

export function setRegistryOptions(options: Partial<RegistryOptions>): void {
  state.options = { ...state.options, ...options };
}

/**
 * The tenant's live model, or null when none is trained (callers fall back to popularity computed
 * on the fly, or an empty answer). Concurrent callers share one load. A failed revalidation keeps
 * serving the cached model and is logged.
 */
export function getServingModel(db: Executor, tenantId: string): MaybePromise<ServingModel | null> {
  const now = Date.now();
  let entry = state.entries.get(tenantId);
  if (entry && entry.lastUsed !== now) entry.lastUsed = now;
  if (entry && now - entry.checkedAt < state.options.revalidateMs) return entry.model;
  if (entry?.loading) return entry.loading;
  if (!entry) {
    entry = { model: null, checkedAt: 0, lastUsed: now, loading: null };
    state.entries.set(tenantId, entry);
  }
  const e = entry;
  e.loading = revalidate(db, tenantId, e)
    .catch((error: unknown) => {
      log('error', 'recommend.registry_load_failed', { tenantId, error });
      return e.model;
    })
    .finally(() => {
      e.loading = null;
    });
  return e.loading;
}

async function revalidate(db: Executor, tenantId: string, e: Entry): Promise<ServingModel | null> {
  const ctx = { tenantId };
  const ref = await getLiveModelRef(db, ctx);
  if (!ref) {
    e.model = null;
  } else if (ref.id !== e.model?.versionId) {
    const row = await getModelArtefact(db, ctx, ref.id);
    e.model = row?.artefact
      ? new ServingModel(
          deserializeArtefact<ModelArtefact>(new Uint8Array(row.artefact)),
          ref.id,
          ref.version,
          row.artefact.byteLength,
        )
      : null;
    evict(tenantId);
  }
  e.checkedAt = Date.now();
  return e.model;
}

/** Forgets a tenant's model: the next request reloads (after training or rollback in this process). */
export function invalidateServingModel(tenantId: string): void {
  state.entries.delete(tenantId);
}

/** Tests only. */
export function clearServingModels(): void {
  state.entries.clear();
}

/** Cached tenants and their approximate in-memory size, for health pages and tests. */
export function registryStats(): { tenants: number; bytes: number } {
  let bytes = 0;
  for (const e of state.entries.values()) bytes += e.model ? memoryOf(e.model) : 0;
  return { tenants: state.entries.size, bytes };
}

/** Drops least recently used models (never `keep`) until the total fits. */
function evict(keep: string): void {
  let total = registryStats().bytes;
  if (total <= state.options.maxBytes) return;
  const byAge = [...state.entries]
    .filter(([id, e]) => id !== keep && e.model)
    .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
  for (const [id, e] of byAge) {
    if (total <= state.options.maxBytes) break;
    total -= memoryOf(e.model!);
    state.entries.delete(id);
  }
}

const sizes = new WeakMap<ServingModel, number>();

/** Typed arrays' bytes plus ~80 bytes per id (string and map entry): an estimate, cached per model. */
function memoryOf(model: ServingModel): number {
  let bytes = sizes.get(model);
  if (bytes !== undefined) return bytes;
  bytes = 0;
  const walk = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) bytes! += v.byteLength;
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const x of Object.values(v)) walk(x);
  };
  walk(model.a);
  bytes += (model.a.itemIds.length + model.a.shopperIds.length) * 80;
  sizes.set(model, bytes);
  return bytes;
}
