/**
 * The latest product views per storefront visitor, held in memory per tenant so a personalized
 * request reads no events (a query per shopper every few seconds was most of the endpoint's
 * database time). A visitor's list is read once (its shopper rows, then their latest views),
 * then kept current from the events themselves: view events stored by this process are pushed
 * in (`noteViewEvents`), and a background poll per served tenant (one small query a second,
 * whatever the request rate) brings in those stored by other processes. Every `reloadMs` a
 * visitor's list is read again in the background, which picks up new identity links and events
 * that arrived long after they happened. Merging is idempotent (a product keeps its latest time),
 * so the poll's overlapping windows and pushes of the same event are harmless.
 */
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import { listViewerIds, listViewEventsSince, listViewsOf, type ViewedAt } from './queries';

export interface RecentViewsOptions {
  /** Most views kept per visitor (newest, distinct products). */
  limit: number;
  /** How often a served tenant's new view events are polled, ms. */
  pollMs: number;
  /** How long a visitor's list is trusted before it is read again in the background, ms. */
  reloadMs: number;
  /** Visitors kept per tenant before the tenant's lists start over. */
  maxVisitors: number;
}

/** A visitor: the request's identity (shopper and/or browser) and what it viewed. */
interface Visitor {
  /** Shopper rows whose views count (the shopper, its linked visitors, the browser's visitor). */
  ids: Set<string>;
  anonymousId: string | undefined;
  views: ViewedAt[];
  loadedAt: number;
  reloading: boolean;
}

interface TenantViews {
  visitors: Map<string, Visitor>;
  /** Visitors per shopper row and per browser id, for events. */
  byShopper: Map<string, Set<Visitor>>;
  byAnonymous: Map<string, Set<Visitor>>;
  loading: Map<string, Promise<Visitor>>;
  /** Received-at (epoch ms) up to which events were polled; starts a minute before the tenant's first read. */
  cursor: number;
  polledAt: number;
  polling: boolean;
}

/** How far before the last received event a poll looks again (commit order need not follow received_at). */
const POLL_OVERLAP_MS = 2_000;
/** Events that happened longer than this before they were stored are left to the reload. */
const POLL_LATE_MS = 10 * 60_000;
const POLL_BATCH = 5_000;

// globalThis: shared by the fast path and Next's bundle (two module graphs, one process).
const g = globalThis as unknown as {
  __tailorRecentViews?: { tenants: Map<string, TenantViews>; options: RecentViewsOptions };
};
g.__tailorRecentViews ??= {
  tenants: new Map(),
  options: { limit: 20, pollMs: 1_000, reloadMs: 60_000, maxVisitors: 50_000 },
};
const state = g.__tailorRecentViews;

/** Tests only. */
export function setRecentViewsOptions(options: Partial<RecentViewsOptions>): void {
  state.options = { ...state.options, ...options };
}

const keyOf = (who: { shopperId: string | null; anonymousId?: string }) =>
  `${who.shopperId ?? ''}:${who.anonymousId ?? ''}`;

/**
 * Product ids (uuid) the shopper and the requesting browser viewed last, newest first, at most
 * `limit`. From memory after the visitor's first read; never throws once loaded (a failed
 * background read or poll is logged and retried later).
 */
export function getRecentViewIds(
  db: Executor,
  tenantId: string,
  who: { shopperId: string | null; anonymousId?: string },
): string[] | Promise<string[]> {
  if (who.shopperId === null && who.anonymousId === undefined) return [];
  const t = tenantViews(tenantId);
  const now = Date.now();
  if (now - t.polledAt >= state.options.pollMs && !t.polling) void poll(db, tenantId, t);
  const key = keyOf(who);
  const v = t.visitors.get(key);
  if (v) {
    if (now - v.loadedAt >= state.options.reloadMs && !v.reloading) void reload(db, tenantId, t, v);
    return v.views.map((x) => x.productId);
  }
  let p = t.loading.get(key);
  if (!p) {
    p = load(db, tenantId, t, key, who).finally(() => t.loading.delete(key));
    t.loading.set(key, p);
  }
  return p.then((loaded) => loaded.views.map((x) => x.productId));
}

/**
 * Stored view events of this process (the events endpoint calls this after writing a batch), so
 * the next answer follows the visit without waiting for the poll. Other event types are ignored.
 */
export function noteViewEvents(
  tenantId: string,
  events: readonly {
    type: string;
    shopperId: string | null;
    anonymousId?: string | null;
    productId?: string | null;
    occurredAt: Date;
  }[],
): void {
  const t = state.tenants.get(tenantId);
  if (!t) return;
  for (const e of events) {
    if (e.type !== 'view' || !e.shopperId || !e.productId) continue;
    apply(t, {
      shopperId: e.shopperId,
      anonymousId: e.anonymousId ?? null,
      productId: e.productId,
      at: e.occurredAt.getTime(),
    });
  }
}

/** Forgets a tenant's lists (erasure, tests); the next request reads again. */
export function forgetRecentViews(tenantId: string): void {
  state.tenants.delete(tenantId);
}

/** Tests only. */
export function clearRecentViews(): void {
  state.tenants.clear();
}

function tenantViews(tenantId: string): TenantViews {
  let t = state.tenants.get(tenantId);
  if (!t) {
    t = {
      visitors: new Map(),
      byShopper: new Map(),
      byAnonymous: new Map(),
      loading: new Map(),
      cursor: Date.now() - 60_000,
      polledAt: Date.now(),
      polling: false,
    };
    state.tenants.set(tenantId, t);
  }
  return t;
}

async function load(
  db: Executor,
  tenantId: string,
  t: TenantViews,
  key: string,
  who: { shopperId: string | null; anonymousId?: string },
): Promise<Visitor> {
  const loadedAt = Date.now();
  const ids = await listViewerIds(db, { tenantId }, who);
  const views = await listViewsOf(db, { tenantId }, ids, state.options.limit);
  // Erased or cleared meanwhile: answer, but do not keep it.
  if (state.tenants.get(tenantId) !== t) return visitorOf(ids, who.anonymousId, views, loadedAt);
  if (t.visitors.size >= state.options.maxVisitors) {
    t.visitors.clear();
    t.byShopper.clear();
    t.byAnonymous.clear();
  }
  const v = visitorOf(ids, who.anonymousId, views, loadedAt);
  t.visitors.set(key, v);
  index(t, v);
  // A view stored while this read ran may have been polled before the visitor was indexed: the
  // next poll looks again from the read's start.
  t.cursor = Math.min(t.cursor, loadedAt);
  return v;
}

function visitorOf(
  ids: readonly string[],
  anonymousId: string | undefined,
  views: ViewedAt[],
  loadedAt: number,
): Visitor {
  return { ids: new Set(ids), anonymousId, views, loadedAt, reloading: false };
}

function index(t: TenantViews, v: Visitor): void {
  for (const id of v.ids) addTo(t.byShopper, id, v);
  if (v.anonymousId !== undefined) addTo(t.byAnonymous, v.anonymousId, v);
}

function addTo(map: Map<string, Set<Visitor>>, key: string, v: Visitor): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(v);
}

/** Reads a visitor's rows and views again, keeping views that arrived meanwhile. */
async function reload(db: Executor, tenantId: string, t: TenantViews, v: Visitor): Promise<void> {
  v.reloading = true;
  const startedAt = Date.now();
  const shopperId = [...v.ids][0] ?? null;
  try {
    const ids = await listViewerIds(db, { tenantId }, { shopperId, anonymousId: v.anonymousId });
    for (const id of v.ids) if (!ids.includes(id)) ids.push(id);
    const views = await listViewsOf(db, { tenantId }, ids, state.options.limit);
    for (const x of v.views) merge(views, x.productId, x.at);
    v.views = views;
    for (const id of ids) {
      if (v.ids.has(id)) continue;
      v.ids.add(id);
      addTo(t.byShopper, id, v);
    }
    v.loadedAt = startedAt;
  } catch (error) {
    log('warn', 'recommend.recent_views_reload_failed', { tenantId, error });
    v.loadedAt = startedAt; // retried after another reloadMs
  } finally {
    v.reloading = false;
  }
}

async function poll(db: Executor, tenantId: string, t: TenantViews): Promise<void> {
  t.polling = true;
  t.polledAt = Date.now();
  try {
    const since = t.cursor - POLL_OVERLAP_MS;
    const events = await listViewEventsSince(
      db,
      { tenantId },
      new Date(since - POLL_LATE_MS),
      new Date(since),
      POLL_BATCH,
    );
    for (const e of events) {
      apply(t, e);
      if (e.receivedAt > t.cursor) t.cursor = e.receivedAt;
    }
  } catch (error) {
    log('warn', 'recommend.recent_views_poll_failed', { tenantId, error });
  } finally {
    t.polling = false;
    t.polledAt = Date.now();
  }
}

/** One view into every visitor it belongs to: by its shopper row, or by the browser that sent it. */
function apply(
  t: TenantViews,
  e: { shopperId: string; anonymousId: string | null; productId: string; at: number },
) {
  const targets = t.byShopper.get(e.shopperId);
  if (targets) for (const v of targets) merge(v.views, e.productId, e.at);
  const browsers = e.anonymousId === null ? undefined : t.byAnonymous.get(e.anonymousId);
  if (!browsers) return;
  for (const v of browsers) {
    if (targets?.has(v)) continue;
    // The browser's first event created its visitor row after the list was read: follow it now.
    v.ids.add(e.shopperId);
    addTo(t.byShopper, e.shopperId, v);
    merge(v.views, e.productId, e.at);
  }
}

/** Puts `productId` viewed at `at` into a newest-first distinct list, keeping at most `limit`. */
function merge(views: ViewedAt[], productId: string, at: number): void {
  const i = views.findIndex((x) => x.productId === productId);
  if (i >= 0) {
    if (views[i]!.at >= at) return;
    views.splice(i, 1);
  }
  let j = 0;
  while (j < views.length && views[j]!.at >= at) j++;
  if (j >= state.options.limit) return;
  views.splice(j, 0, { productId, at });
  if (views.length > state.options.limit) views.length = state.options.limit;
}
