import { type Db, type Executor, peekDb } from '@/db/client';
import { log } from '@/lib/log';
import { refreshProfiles } from './refresh';

/**
 * Incremental profile updates: writers (event ingestion, order upserts) note which shoppers they
 * touched; shortly after, this process recomputes those profiles from their rows. Debounced so a
 * burst of events for one shopper costs one recomputation, batched per workspace, and entirely
 * off the writer's path: noting is a Set insert and never throws.
 *
 * In-process by design (profiles are derived data): ids noted just before a crash are picked up
 * by the next note for that shopper or the daily rebuild (jobs.ts). On a serverless host nothing
 * runs after the response, so there the daily rebuild is what updates profiles.
 */

/** Wait after the first note before recomputing, so a burst collapses into one pass (ms). */
export const DEBOUNCE_MS = 250;
/** Shoppers recomputed per statement batch. */
export const FLUSH_BATCH = 200;

interface QueueState {
  pending: Map<string, Set<string>>;
  /** The database a writer passed for a tenant (not a transaction: those end before the flush). */
  dbs: Map<string, Db>;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  db: (() => Promise<Db>) | null;
}

// On globalThis: Next's bundle and the custom server's fast path are two module graphs in one
// process, and both ingest events.
const g = globalThis as unknown as { __tailorProfileQueue?: QueueState };
g.__tailorProfileQueue ??= { pending: new Map(), dbs: new Map(), timer: null, running: null, db: null };
g.__tailorProfileQueue.dbs ??= new Map();
const state = g.__tailorProfileQueue;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isTransaction = (exec: Executor) => typeof (exec as { rollback?: unknown }).rollback === 'function';

/**
 * The process database when one is open — never opened here: a refresh must not create or
 * migrate a database as a side effect of a write (a script or test working on its own handle).
 */
const openProcessDb = peekDb;

/**
 * Queues these shoppers of a workspace for a profile recomputation about DEBOUNCE_MS from now.
 * Cheap and synchronous; never throws (bad input is ignored, failures are logged later).
 * `exec` is the writer's database: the refresh uses it unless it is a transaction (which will
 * have ended by then); otherwise the process database, when one is open. Call it after the rows
 * are written.
 */
export function noteShopperActivity(
  tenantId: string,
  shopperIds: readonly (string | null | undefined)[],
  exec?: Executor,
): void {
  try {
    if (exec && !isTransaction(exec)) state.dbs.set(tenantId, exec as Db);
    let set: Set<string> | undefined;
    for (const id of shopperIds) {
      if (!id || !UUID.test(id)) continue;
      if (!set) {
        set = state.pending.get(tenantId);
        if (!set) {
          set = new Set();
          state.pending.set(tenantId, set);
        }
      }
      set.add(id);
    }
    if (set && !state.timer && !state.running) schedule();
  } catch (error) {
    log('warn', 'profiles.note_failed', { tenantId, error });
  }
}

function schedule(): void {
  state.timer = setTimeout(() => {
    state.timer = null;
    void drain();
  }, DEBOUNCE_MS);
  // A pending refresh must not keep a CLI process alive.
  state.timer.unref?.();
}

/** Recomputes everything pending, tenant by tenant, batch by batch; logs and drops failed batches. */
function drain(): Promise<void> {
  if (state.running) return state.running;
  state.running = (async () => {
    try {
      while (state.pending.size > 0) {
        const [tenantId, ids] = state.pending.entries().next().value as [string, Set<string>];
        state.pending.delete(tenantId);
        const list = [...ids];
        let db: Db | null;
        try {
          db = state.dbs.get(tenantId) ?? (state.db ? await state.db() : await openProcessDb());
        } catch (error) {
          log('error', 'profiles.refresh_failed', { tenantId, shoppers: list.length, error });
          continue;
        }
        state.dbs.delete(tenantId);
        if (!db) {
          log('debug', 'profiles.refresh_skipped', {
            tenantId,
            shoppers: list.length,
            reason: 'no open database',
          });
          continue;
        }
        for (let i = 0; i < list.length; i += FLUSH_BATCH) {
          const batch = list.slice(i, i + FLUSH_BATCH);
          try {
            await refreshProfiles(db, { tenantId }, batch);
          } catch (error) {
            log('error', 'profiles.refresh_failed', { tenantId, shoppers: batch.length, error });
          }
        }
      }
    } finally {
      state.running = null;
      if (state.pending.size > 0 && !state.timer) schedule();
    }
  })();
  return state.running;
}

/**
 * Recomputes everything noted so far now, without waiting for the debounce, and resolves when
 * done (tests, benchmarks, a graceful shutdown). Never rejects.
 */
export async function flushShopperActivity(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  while (state.running || state.pending.size > 0) await drain();
}

/**
 * Drops erased shoppers from the pending recomputations (their rows are gone: a refresh would
 * find nothing, but a queued id must not outlive the erasure either).
 */
export function forgetShopperActivity(tenantId: string, shopperIds: Iterable<string>): void {
  const set = state.pending.get(tenantId);
  if (!set) return;
  for (const id of shopperIds) set.delete(id);
  if (set.size === 0) state.pending.delete(tenantId);
}

/** How many shoppers are waiting, per workspace (diagnostics, tests). */
export function pendingShopperActivity(): number {
  let n = 0;
  for (const s of state.pending.values()) n += s.size;
  return n;
}

/** Tests and tools: the database the refresh uses (default: the process database). */
export function setShopperActivityDatabase(db: (() => Promise<Db>) | null): void {
  state.db = db;
}
