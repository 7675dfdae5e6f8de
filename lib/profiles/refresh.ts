import type { Executor } from '@/db/client';
import { type Rates, loadRates } from '@/lib/currency/service';
import type { TenantContext } from '@/lib/tenant/context';
import { computeProfile } from './compute';
import {
  loadActivity,
  loadInterestSpace,
  loadPriceTerciles,
  loadProducts,
  loadVectors,
  productIdsOf,
} from './load';
import type { ComputedProfile, RfmDistribution } from './types';
import { loadRfmDistribution, upsertProfiles } from './write';

/**
 * Recomputes shoppers' profiles from their rows: the one path shared by the incremental refresh
 * (refresh-queue.ts) and the rebuild job (jobs.ts).
 */
type Ctx = Pick<TenantContext, 'tenantId'>;

/** Workspace-wide inputs of the computation, cached per tenant for a while. */
export interface WorkspaceInputs {
  rates: Rates;
  priceTerciles: Map<string, readonly [number, number]>;
  space: string | null;
  /** Null until a profile with an order exists. */
  rfm: RfmDistribution | null;
  loadedAt: number;
}

/** How long cached workspace inputs serve the incremental refresh (rates, price bands, RFM). */
export const INPUTS_TTL_MS = 10 * 60_000;

const g = globalThis as unknown as { __tailorProfileInputs?: Map<string, WorkspaceInputs> };
g.__tailorProfileInputs ??= new Map();
const cache = g.__tailorProfileInputs;

/** Loads the workspace-wide inputs fresh (and caches them). `rfm` overrides the stored distribution. */
export async function loadWorkspaceInputs(
  exec: Executor,
  ctx: Ctx,
  now: Date,
  rfm?: RfmDistribution | null,
): Promise<WorkspaceInputs> {
  const rates = await loadRates(exec, ctx);
  const [priceTerciles, space, dist] = await Promise.all([
    loadPriceTerciles(exec, ctx, rates),
    loadInterestSpace(exec, ctx),
    rfm !== undefined ? Promise.resolve(rfm) : loadRfmDistribution(exec, ctx, now),
  ]);
  const inputs: WorkspaceInputs = {
    rates,
    priceTerciles,
    space,
    rfm: dist && dist.frequency.length > 0 ? dist : null,
    loadedAt: Date.now(),
  };
  cache.set(ctx.tenantId, inputs);
  return inputs;
}

/** The cached inputs while fresh, else loaded anew. */
export async function workspaceInputs(exec: Executor, ctx: Ctx, now: Date): Promise<WorkspaceInputs> {
  const hit = cache.get(ctx.tenantId);
  if (hit && Date.now() - hit.loadedAt < INPUTS_TTL_MS) return hit;
  return loadWorkspaceInputs(exec, ctx, now);
}

/** Replaces the cached RFM distribution (after a rebuild re-scored everyone). */
export function rememberRfmDistribution(tenantId: string, rfm: RfmDistribution): void {
  const hit = cache.get(tenantId);
  if (hit) hit.rfm = rfm.frequency.length > 0 ? rfm : null;
}

/** Tests only: forget every cached input. */
export function forgetWorkspaceInputs(): void {
  cache.clear();
}

/**
 * Computes the profiles of these shoppers (another workspace's ids are ignored) without writing.
 * `vectorCache` lets a long run reuse product vectors across batches.
 */
export async function computeProfiles(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  inputs: WorkspaceInputs,
  now: Date,
  vectorCache?: Map<string, Float32Array>,
): Promise<ComputedProfile[]> {
  const activity = await loadActivity(exec, ctx, ids, inputs.rates);
  if (activity.length === 0) return [];
  const productIds = productIdsOf(activity);
  const products = await loadProducts(exec, ctx, productIds, inputs.rates);
  let vectors: Map<string, Float32Array> | undefined;
  if (inputs.space) {
    const missing = vectorCache ? productIds.filter((id) => !vectorCache.has(id)) : productIds;
    const loaded = await loadVectors(exec, ctx, inputs.space, missing);
    if (vectorCache) {
      // A bounded cache: a huge catalog must not pin every vector in memory.
      if (vectorCache.size + loaded.size > 50_000) vectorCache.clear();
      for (const [id, v] of loaded) vectorCache.set(id, v);
      vectors = new Map(
        productIds.flatMap((id) => {
          const v = vectorCache.get(id) ?? loaded.get(id);
          return v ? [[id, v] as const] : [];
        }),
      );
    } else vectors = loaded;
  }
  const context = {
    now: now.getTime(),
    products,
    priceTerciles: inputs.priceTerciles,
    vectors,
    space: inputs.space,
    rfm: inputs.rfm,
  };
  return activity.map((a) => computeProfile(a, context));
}

/**
 * Recomputes and stores the profiles of these shoppers. Returns how many rows were written.
 * Throws on database errors (callers decide whether to log or fail).
 */
export async function refreshProfiles(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  opts: { now?: Date; inputs?: WorkspaceInputs; vectorCache?: Map<string, Float32Array> } = {},
): Promise<number> {
  if (ids.length === 0) return 0;
  const now = opts.now ?? new Date();
  const inputs = opts.inputs ?? (await workspaceInputs(exec, ctx, now));
  const profiles = await computeProfiles(exec, ctx, ids, inputs, now, opts.vectorCache);
  return upsertProfiles(exec, ctx, profiles, now);
}
