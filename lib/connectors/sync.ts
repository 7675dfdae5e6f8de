import type { Db, Executor } from '@/db/client';
import { log } from '@/lib/log';
import { invalidateRecommendServing } from '@/lib/recommend/serve/lookups';
import { isStaleKeyVersion } from '@/lib/secrets/cipher';
import { type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { type SourceOptions, buildSource } from './build';
import { openCredentials, sealCredentials } from './credentials';
import { addIngestCounts } from './counters';
import {
  type ConnectionWithSecrets,
  getConnectionWithSecrets,
  markSyncStarted,
  resealCredentials,
  setResourceState,
  setStoreInfo,
} from './queries';
import {
  type ConnectionState,
  type ResourceState,
  type RunCounts,
  type RunState,
  addCounts,
  emptyCounts,
  readState,
} from './state';
import { type Page, type Platform, RESOURCES, type Resource, type StoreSource } from './types';
import { type SyncWriters, defaultWriters } from './writers';

/**
 * The job checkpoint: resources finished by this job, items done so far (progress), and the
 * position written with the last page (the same cursor the connection's sync state holds).
 */
export interface SyncCheckpoint extends Record<string, unknown> {
  completed: Resource[];
  done: number;
  position?: { resource: Resource; cursor: string | null };
}

/** What a sync needs from its runner (a job's context, or a test's stand-in). */
export interface SyncRuntime {
  db: Db;
  tenantId: string;
  signal: AbortSignal;
  checkpoint: SyncCheckpoint | null;
  progress(done: number, total?: number | null, message?: string | null): void;
  /** Saves the checkpoint in `tx`, the transaction of the page it covers (fenced on the job's lease). */
  saveCheckpoint(value: SyncCheckpoint, tx: Executor): Promise<void>;
}

export interface SyncDeps extends SourceOptions {
  writers?: SyncWriters;
  /** Builds the store client (tests substitute one); defaults to the platform's real client. */
  source?: (row: ConnectionWithSecrets, state: ConnectionState) => StoreSource;
  now?: () => Date;
}

export interface SyncResult extends Record<string, unknown> {
  connectionId: string;
  removed?: boolean;
  resources: Partial<Record<Resource, RunCounts & { full: boolean }>>;
}

/**
 * Incremental runs ask for items updated after the previous run's start minus this margin, so
 * a clock difference with the store or an item saved during the previous run is never missed
 * (re-reading a few items is harmless: writes are idempotent).
 */
export const OVERLAP_MS = 5 * 60_000;

const LABEL: Record<Resource, string> = { products: 'Products', customers: 'Customers', orders: 'Orders' };

/** The system context the sync writes as (writers and counters only read `tenantId`). */
export function connectorContext(tenantId: string, label: string): TenantContext {
  return { tenantId, slug: '', role: 'owner', actorLabel: label };
}

async function writePage(
  writers: SyncWriters,
  tx: Executor,
  tenantId: string,
  platform: Platform,
  page: Page,
): Promise<RunCounts> {
  const ctx = { tenantId };
  const counts =
    page.resource === 'products'
      ? await writers.products(tx, ctx, page.records)
      : page.resource === 'customers'
        ? await writers.customers(tx, ctx, page.records)
        : await writers.orders(tx, ctx, page.records, { source: platform });
  const skipped = Object.values(page.skipped).reduce((a, b) => a + b, 0);
  await addIngestCounts(tx, tenantId, platform, {
    accepted: page.records.length,
    rejected: skipped,
    reasons: page.skipped,
  });
  return {
    received: page.records.length,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    skipped,
    reasons: { ...page.skipped },
  };
}

/** Where a resource's run starts: the interrupted run, or a new one from the last high-water mark. */
function runFor(rs: ResourceState, full: boolean | undefined, now: Date): RunState {
  return (
    rs.run ?? {
      since: full ? null : (rs.since ?? null),
      startedAt: now.toISOString(),
      cursor: null,
      counts: emptyCounts(),
    }
  );
}

/** The resource state after a run's last page: the next run reads changes since this run began. */
function finishedState(rs: ResourceState, run: RunState, counts: RunCounts, now: Date): ResourceState {
  const full = run.since === null;
  return {
    since: new Date(Date.parse(run.startedAt) - OVERLAP_MS).toISOString(),
    run: null,
    items: full ? counts.received : (rs.items ?? 0) + counts.inserted,
    lastRun: { ...counts, full, finishedAt: now.toISOString() },
  };
}

/**
 * Syncs one connection: for products, then customers, then orders, reads every page changed
 * since the last run (everything on the first run, or with `full`) and writes each page, the
 * connection's position and the job checkpoint in ONE transaction, so a crash or restart resumes
 * after the last written page with exact counts. Throws ConnectorError (safe message) on store
 * failures; the caller records it on the connection. A connection removed meanwhile ends the
 * sync quietly (`removed: true`).
 */
export async function syncConnection(
  rt: SyncRuntime,
  connectionId: string,
  options: { full?: boolean } = {},
  deps: SyncDeps = {},
): Promise<SyncResult> {
  const now = deps.now ?? (() => new Date());
  const tenant = { tenantId: rt.tenantId };
  const row = await getConnectionWithSecrets(rt.db, tenant, connectionId);
  if (!row) return { connectionId, removed: true, resources: {} };
  const platform = row.platform as Platform;
  const writers = deps.writers ?? (await defaultWriters());
  let state = readState(row.syncState);
  await markSyncStarted(rt.db, tenant, row.id, now());
  await resealIfStale(rt.db, tenant, row);

  // Reading the store's details first proves the credentials and refreshes currency and name.
  let source = makeSource(row, state, deps);
  const store = await source.info(rt.signal);
  if (JSON.stringify(store) !== JSON.stringify(state.store)) {
    await setStoreInfo(rt.db, tenant, row.id, store);
    state = { ...state, store };
    source = makeSource(row, state, deps);
  }

  const completed = new Set(rt.checkpoint?.completed ?? []);
  const runs = RESOURCES.filter((r) => !completed.has(r)).map(
    (r) => [r, runFor(state[r] ?? {}, options.full, now())] as const,
  );
  const since = (run: RunState) => (run.since ? new Date(run.since) : null);
  const counts = await Promise.all(runs.map(([r, run]) => source.count(r, since(run), rt.signal)));
  // Progress carries on from what earlier attempts (or an interrupted run) already wrote.
  const resumed = runs.reduce((n, [, run]) => n + run.counts.received, 0);
  let done = rt.checkpoint?.done ?? resumed;
  const total = counts.every((c) => c !== null)
    ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) + done - resumed
    : null;
  const result: SyncResult = { connectionId, resources: {} };

  for (const [resource, first] of runs) {
    let run = first;
    rt.progress(done, total, `${LABEL[resource]}…`);
    for (;;) {
      rt.signal.throwIfAborted();
      const page = await source.fetchPage(resource, run.cursor, since(run), rt.signal);
      const rs: ResourceState = state[resource] ?? {};
      let next: ResourceState = rs;
      try {
        await withTenantTx(rt.db, tenant, async (tx) => {
          const sum = addCounts(run.counts, await writePage(writers, tx, rt.tenantId, platform, page));
          next = page.nextCursor
            ? { ...rs, run: { ...run, cursor: page.nextCursor, counts: sum } }
            : finishedState(rs, run, sum, now());
          if (!(await setResourceState(tx, tenant, row.id, resource, next))) throw new ConnectionRemoved();
          const finished = page.nextCursor ? [...completed] : [...completed, resource];
          const position = { resource, cursor: page.nextCursor };
          await rt.saveCheckpoint({ completed: finished, done: done + page.records.length, position }, tx);
        });
      } catch (error) {
        if (error instanceof ConnectionRemoved) return { ...result, removed: true };
        throw error;
      }
      state = { ...state, [resource]: next };
      done += page.records.length;
      rt.progress(done, total, `${LABEL[resource]}: ${done}${total === null ? '' : ` of ${total}`} items`);
      if (!next.run) {
        completed.add(resource);
        if (next.lastRun) result.resources[resource] = next.lastRun;
        break;
      }
      run = next.run;
    }
  }
  invalidateRecommendServing(rt.tenantId); // synced products and prices: the next recommendation sees them
  log('info', 'connectors.sync_finished', { tenantId: rt.tenantId, connectionId, done });
  return result;
}

/** Key rotation without anyone re-entering credentials: a sync re-encrypts under the newest key. */
async function resealIfStale(
  db: Db,
  tenant: { tenantId: string },
  row: ConnectionWithSecrets,
): Promise<void> {
  if (!isStaleKeyVersion(row.keyVersion)) return;
  const sealed = sealCredentials(row, openCredentials(row));
  await resealCredentials(db, tenant, row.id, row.keyVersion, sealed);
}

/** The connection was removed while its sync ran: the page being written is rolled back. */
class ConnectionRemoved extends Error {}

function makeSource(row: ConnectionWithSecrets, state: ConnectionState, deps: SyncDeps): StoreSource {
  if (deps.source) return deps.source(row, state);
  return buildSource(
    {
      platform: row.platform as Platform,
      baseUrl: row.baseUrl,
      credentials: openCredentials(row),
      store: state.store ?? null,
      locale: state.store?.locale ?? 'en',
    },
    deps,
  );
}
