/**
 * Per-tenant serving state held in memory: the live banner campaigns by placement key with their
 * approved creatives, running experiments, the arms' counters and LinUCB states. A decision is
 * then pure computation. The state is reloaded every AD_CACHE_TTL_MS in the background (the old
 * one answers meanwhile) and at once after `invalidateAdServing(tenantId)`, which the campaign
 * service calls on approve, pause, edit or a campaign change. Feedback updates the in-memory
 * counters immediately (recordFeedback in ./feedback.ts); a reload adds the counts the stats buffer
 * has not written yet, so nothing goes backwards. Each reload also applies auto-pause.
 */
import type { Executor } from '@/db/client';
import type { CampaignOptimization, CreativeFields } from '@/db/schema/ads';
import { type LinUcbState, loadLinUcbState } from '@/lib/ads/bandit/linucb';
import { log } from '@/lib/log';
import { applyAutoPause, clearAutoPauseChecks } from './auto-pause';
import {
  listArmStats,
  listLinkedProducts,
  listLinUcbStates,
  listLiveBannerCampaigns,
  listRunningExperiments,
  listServableCreatives,
} from './queries';
import { adStatsBuffer } from './stats-buffer';

/** How long a loaded state answers before a background reload, in ms. */
export const AD_CACHE_TTL_MS = 5_000;

export interface LiveProduct {
  externalId: string;
  attributes: Record<string, string | number | boolean>;
  imageUrl: string | null;
}

export interface LiveCreative {
  id: string;
  campaignId: string;
  segmentId: string | null;
  locale: string;
  fields: CreativeFields;
  /** The first linked product that is still active, for the click URL and the image. */
  product: LiveProduct | null;
}

export interface LiveCampaign {
  id: string;
  placementKey: string;
  segmentIds: string[];
  locales: string[];
  /** 'YYYY-MM-DD' (UTC), inclusive; null = open. */
  startsOn: string | null;
  endsOn: string | null;
  optimization: CampaignOptimization;
  creatives: LiveCreative[];
  experiments: { id: string; creativeIds: string[]; salt: string }[];
}

export interface ArmCounter {
  impressions: number;
  clicks: number;
  conversions: number;
}

export interface AdServingState {
  tenantId: string;
  /** Newest campaign first. */
  byPlacement: Map<string, LiveCampaign[]>;
  /** By `creativeId|contextKey`. */
  counters: Map<string, ArmCounter>;
  /** By creative id, in the dimension of its campaign's feature layout. */
  linucb: Map<string, LinUcbState>;
}

interface Entry {
  state: AdServingState | null;
  loadedAt: number;
  version: number;
  loading?: Promise<AdServingState>;
  loadingVersion?: number;
}

// On globalThis: the custom server's fast path and Next's bundle are two module graphs.
const g = globalThis as unknown as {
  __tailorAdServing?: { entries: Map<string, Entry>; versions: Map<string, number> };
};
g.__tailorAdServing ??= { entries: new Map(), versions: new Map() };
const { entries, versions } = g.__tailorAdServing;

/** Marks a tenant's serving state stale: the next decision waits for a fresh load. */
export function invalidateAdServing(tenantId: string): void {
  versions.set(tenantId, (versions.get(tenantId) ?? 0) + 1);
}

/** The key of a counter in `AdServingState.counters`. */
export const counterKey = (creativeId: string, contextKey: string) => `${creativeId}|${contextKey}`;

/** An arm's counters in a context (zeros when it has none yet). */
export function counterOf(state: AdServingState, creativeId: string, contextKey: string): ArmCounter {
  return (
    state.counters.get(counterKey(creativeId, contextKey)) ?? { impressions: 0, clicks: 0, conversions: 0 }
  );
}

async function load(exec: Executor, tenantId: string): Promise<AdServingState> {
  const ctx = { tenantId };
  const campaigns = await listLiveBannerCampaigns(exec, ctx);
  const ids = campaigns.map((c) => c.id);
  const [creatives, stats, states, experiments] = await Promise.all([
    listServableCreatives(exec, ctx, ids),
    listArmStats(exec, ctx, ids),
    listLinUcbStates(exec, ctx, ids),
    listRunningExperiments(exec, ctx, ids),
  ]);
  const firstProduct = creatives.flatMap((c) => c.productIds.slice(0, 1));
  const productRows = await listLinkedProducts(exec, ctx, [...new Set(firstProduct)]);
  const productsById = new Map(productRows.map((p) => [p.id, p]));

  const counters = new Map<string, ArmCounter>();
  for (const s of [...stats, ...adStatsBuffer.pendingArms(tenantId)]) {
    const k = counterKey(s.creativeId, s.contextKey);
    const c = counters.get(k) ?? { impressions: 0, clicks: 0, conversions: 0 };
    c.impressions += s.impressions;
    c.clicks += s.clicks;
    c.conversions += s.conversions;
    counters.set(k, c);
  }
  const pendingLin = new Map(adStatsBuffer.pendingLinUcb(tenantId).map((d) => [d.creativeId, d]));
  const linucb = new Map<string, LinUcbState>();
  for (const row of states) {
    const p = pendingLin.get(row.creativeId);
    const same = p && p.dimensions === row.dimensions && row.a.length === p.dA.length;
    const a = same ? row.a.map((v, i) => v + p.dA[i]!) : row.a;
    const b = same ? row.b.map((v, i) => v + p.dB[i]!) : row.b;
    linucb.set(row.creativeId, loadLinUcbState({ dimensions: row.dimensions, a, b }, row.dimensions));
  }

  const state: AdServingState = { tenantId, byPlacement: new Map(), counters, linucb };
  const sorted = [...campaigns].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
  for (const c of sorted) {
    const live: LiveCampaign = {
      id: c.id,
      placementKey: c.placementKey!,
      segmentIds: c.segmentIds,
      locales: c.locales,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      optimization: c.optimization,
      creatives: creatives
        .filter((r) => r.campaignId === c.id)
        .map((r) => {
          const p = r.productIds[0] ? productsById.get(r.productIds[0]) : undefined;
          return {
            id: r.id,
            campaignId: r.campaignId,
            segmentId: r.segmentId,
            locale: r.locale,
            fields: r.fields,
            product: p ? { externalId: p.externalId, attributes: p.attributes, imageUrl: p.imageUrl } : null,
          };
        }),
      experiments: experiments.filter((e) => e.campaignId === c.id),
    };
    await applyAutoPause(
      exec,
      state.tenantId,
      live,
      (id) => counterOf(state, id, ''),
      versions.get(tenantId) ?? 0,
    );
    if (live.creatives.length === 0) continue;
    state.byPlacement.set(live.placementKey, [...(state.byPlacement.get(live.placementKey) ?? []), live]);
  }
  return state;
}

function reload(exec: Executor, tenantId: string): Promise<AdServingState> {
  const version = versions.get(tenantId) ?? 0;
  const before = entries.get(tenantId);
  const loading = load(exec, tenantId).then(
    (state) => {
      entries.set(tenantId, { state, loadedAt: Date.now(), version });
      return state;
    },
    (error: unknown) => {
      log('error', 'ads.serving_load_failed', { tenantId, error });
      // Keep answering with the previous state (if any); try again after another TTL.
      if (before?.state) entries.set(tenantId, { ...before, loadedAt: Date.now(), loading: undefined });
      else entries.delete(tenantId);
      throw error;
    },
  );
  entries.set(tenantId, {
    state: before?.state ?? null,
    loadedAt: before?.loadedAt ?? 0,
    version: before?.version ?? -1,
    loading,
    loadingVersion: version,
  });
  return loading;
}

/**
 * The tenant's serving state: from memory when current (a stale one answers while a background
 * reload runs); after an invalidation the caller waits for the fresh load.
 * @throws when the first load of the tenant fails (later failures keep the old state).
 */
export function getAdServingState(
  exec: Executor,
  tenantId: string,
): AdServingState | Promise<AdServingState> {
  const version = versions.get(tenantId) ?? 0;
  const entry = entries.get(tenantId);
  if (entry?.state && entry.version === version) {
    if (!entry.loading && Date.now() - entry.loadedAt >= AD_CACHE_TTL_MS) {
      void reload(exec, tenantId).catch(() => undefined);
    }
    return entry.state;
  }
  if (entry?.loading && entry.loadingVersion === version) return entry.loading;
  return reload(exec, tenantId);
}

/** The tenant's state if it is in memory (no load), for feedback on a cold process. */
export function peekAdServingState(tenantId: string): AdServingState | null {
  return entries.get(tenantId)?.state ?? null;
}

/** Tests and benches: forgets every tenant's state. */
export function clearAdServingCache(): void {
  entries.clear();
  clearAutoPauseChecks();
}
