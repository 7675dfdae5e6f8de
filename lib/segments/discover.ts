/**
 * Segment discovery for one workspace: the standard RFM segments, and k-means clusters of the
 * behaviour features of shopper_profiles written to `shopper_profiles.cluster` and to 'cluster'
 * segments named by their traits (replacing the previous ones).
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { segmentSizes, segments } from '@/db/schema/shoppers';
import { tenantFilter } from '@/lib/tenant/context';
import {
  type BehaviourFacts,
  FEATURES,
  clusterName,
  clusterTraits,
  rawFeatures,
  standardize,
} from './features';
import { runTask } from '@/lib/compute/run';
import { invalidateSegmentMembership } from './membership-cache';
import { ensureRfmSegments } from './rfm';
import { snapshotAllSegments } from './snapshot';

/** Below this many profiles clustering says nothing useful; the job keeps the old clusters. */
export const MIN_PROFILES_TO_CLUSTER = 30;
const UPDATE_BATCH = 5000;

type Tenant = { tenantId: string };
interface ProfileFacts extends BehaviourFacts {
  shopperId: string;
}

export interface DiscoveryResult {
  rfmCreated: number;
  profiles: number;
  /** 0 when there were too few profiles to cluster. */
  clusters: number;
  silhouettes: { k: number; score: number }[];
  segments: { name: string; size: number; traits: { feature: string; z: number }[] }[];
}

async function loadFacts(db: Db, tenant: Tenant): Promise<ProfileFacts[]> {
  const r = await db.execute(sql`
    select shopper_id as "shopperId",
      extract(epoch from (now() - greatest(last_order_at, last_event_at))) / 86400.0 as "recencyDays",
      orders, monetary_minor as "monetaryMinor", aov_minor as "aovMinor", sessions, views, returns,
      mean_gap_days as "meanGapDays"
    from shopper_profiles where tenant_id = ${tenant.tenantId} order by shopper_id`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rowsOf<Record<string, unknown>>(r).map((row) => ({
    shopperId: String(row.shopperId),
    recencyDays: num(row.recencyDays),
    orders: Number(row.orders ?? 0),
    monetaryMinor: Number(row.monetaryMinor ?? 0),
    aovMinor: num(row.aovMinor),
    sessions: Number(row.sessions ?? 0),
    views: Number(row.views ?? 0),
    returns: Number(row.returns ?? 0),
    meanGapDays: num(row.meanGapDays),
  }));
}

/**
 * Runs discovery (seeded, so the same data gives the same clusters). `onProgress(done, total,
 * message)` reports the steps. Clusters only with at least MIN_PROFILES_TO_CLUSTER profiles.
 */
export async function discoverSegments(
  db: Db,
  tenant: Tenant,
  options: { seed?: number; onProgress?: (done: number, total: number, message: string) => void } = {},
): Promise<DiscoveryResult> {
  const progress = options.onProgress ?? (() => {});
  progress(0, 4, 'RFM segments');
  const rfmCreated = (await ensureRfmSegments(db, tenant)).length;
  progress(1, 4, 'Loading profiles');
  const facts = await loadFacts(db, tenant);
  const result: DiscoveryResult = {
    rfmCreated,
    profiles: facts.length,
    clusters: 0,
    silhouettes: [],
    segments: [],
  };
  if (facts.length < MIN_PROFILES_TO_CLUSTER) {
    await snapshotAllSegments(db, tenant);
    invalidateSegmentMembership(tenant.tenantId);
    return result;
  }
  progress(2, 4, 'Clustering');
  const { rows } = standardize(rawFeatures(facts));
  // On a compute worker (lib/compute): the silhouettes would hold the server's thread otherwise.
  const fit = await runTask('segments.cluster', { rows, seed: options.seed ?? 20_240_601 });
  result.clusters = fit.k;
  result.silhouettes = fit.silhouettes;

  const nameClusters = (count: number) =>
    fit.centroids.map((centroid, c) => {
      const members = facts.filter((_, i) => fit.labels[i] === c);
      const meanOrders = members.reduce((s, m) => s + m.orders, 0) / Math.max(1, members.length);
      const traits = clusterTraits(centroid, meanOrders, count);
      return { c, size: members.length, traits, name: clusterName(traits) };
    });
  // Two clusters can share their two strongest traits: those get their third one too, so the
  // names tell them apart instead of "… (2)".
  const two = nameClusters(2);
  const three = nameClusters(3);
  const clash = (name: string) => two.filter((n) => n.name === name).length > 1;
  const named = two.map((n, i) => (clash(n.name) ? (three[i] ?? n) : n));

  progress(3, 4, 'Saving clusters');
  await db.transaction(async (tx) => {
    for (let i = 0; i < facts.length; i += UPDATE_BATCH) {
      const ids = facts.slice(i, i + UPDATE_BATCH).map((f) => f.shopperId);
      const labels = Array.from(fit.labels.subarray(i, i + UPDATE_BATCH));
      await tx.execute(sql`update shopper_profiles p set cluster = v.c
        from (select unnest(${`{${ids.join(',')}}`}::uuid[]) as id, unnest(${`{${labels.join(',')}}`}::int[]) as c) v
        where p.tenant_id = ${tenant.tenantId} and p.shopper_id = v.id`);
    }
    const old = await tx
      .delete(segments)
      .where(and(tenantFilter(tenant, segments), eq(segments.kind, 'cluster')))
      .returning({ id: segments.id });
    for (const o of old)
      await tx
        .delete(segmentSizes)
        .where(and(tenantFilter(tenant, segmentSizes), eq(segmentSizes.segmentId, o.id)));
    const taken = new Set(
      (await tx.select({ name: segments.name }).from(segments).where(tenantFilter(tenant, segments))).map(
        (s) => s.name,
      ),
    );
    for (const n of named.sort((a, b) => b.size - a.size)) {
      let name = n.name;
      for (let k = 2; taken.has(name); k++) name = `${n.name} (${k})`;
      taken.add(name);
      const traitText = n.traits
        .map((t) => `${t.phrase} (z ${t.z >= 0 ? '+' : ''}${t.z.toFixed(1)})`)
        .join(', ');
      await tx.insert(segments).values({
        tenantId: tenant.tenantId,
        name,
        kind: 'cluster',
        description: `Discovered by k-means on ${FEATURES.length} behaviour features (k = ${fit.k}): ${traitText}.`,
        rules: { match: 'all', conditions: [], cluster: n.c },
      });
      result.segments.push({
        name,
        size: n.size,
        traits: n.traits.map(({ feature, z }) => ({ feature, z })),
      });
    }
  });
  progress(4, 4, 'Snapshot');
  await snapshotAllSegments(db, tenant);
  invalidateSegmentMembership(tenant.tenantId);
  return result;
}
