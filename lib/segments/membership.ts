/**
 * Segment membership at serve time (placement audiences): per tenant and segment, the member
 * shopper ids held in memory as a Set. A set is reloaded at most once a minute, and after any
 * change to the tenant's segments (./membership-cache.ts); while a reload runs, requests keep
 * the previous set (stale-while-revalidate), so only the very first request of a segment in a
 * process waits for the database.
 */
import { type MaybePromise, runSyncFirst, wait } from '@/lib/sync-first';
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { consentAllows } from '@/lib/consent/enforce';
import { log } from '@/lib/log';
import { segmentMembershipVersion } from './membership-cache';
import { isUuid } from './inputs';
import { getSegmentRow, membersFrom } from './queries';
import { conditionOf, toSegment } from './service';

/** How long a loaded set answers without a reload, in ms. */
export const MEMBERSHIP_TTL_MS = 60_000;

interface Entry {
  members: ReadonlySet<string>;
  loadedAt: number;
  /** The tenant's segment version the members were loaded at; -1 before the first load. */
  version: number;
  loading?: Promise<ReadonlySet<string>>;
  loadingVersion?: number;
}

// On globalThis: the custom server's fast path and Next's bundle are two module graphs.
const g = globalThis as unknown as { __tailorSegmentMembers?: Map<string, Entry> };
g.__tailorSegmentMembers ??= new Map();
const cache = g.__tailorSegmentMembers;

/** The member ids of a segment of the tenant; empty for an unknown (or another tenant's) segment. */
export async function loadSegmentMembers(
  exec: Executor,
  tenant: { tenantId: string },
  segmentId: string,
): Promise<Set<string>> {
  if (!isUuid(segmentId)) return new Set();
  const row = await getSegmentRow(exec, tenant, segmentId);
  if (!row) return new Set();
  const r = await exec.execute(
    sql`select s.id::text as id ${membersFrom(tenant, conditionOf(toSegment(row)))}`,
  );
  return new Set(rowsOf<{ id: string }>(r).map((x) => x.id));
}

function reload(
  exec: Executor,
  tenantId: string,
  segmentId: string,
  key: string,
): Promise<ReadonlySet<string>> {
  const version = segmentMembershipVersion(tenantId);
  const before = cache.get(key);
  const loading = loadSegmentMembers(exec, { tenantId }, segmentId).then(
    (members) => {
      cache.set(key, { members, loadedAt: Date.now(), version });
      return members;
    },
    (error: unknown) => {
      log('error', 'segments.membership_load_failed', { tenantId, segmentId, error });
      // Keep serving the previous set (if any) and try again after another TTL.
      if (before && before.version >= 0)
        cache.set(key, { ...before, loadedAt: Date.now(), loading: undefined });
      else cache.delete(key);
      throw error;
    },
  );
  cache.set(key, {
    members: before?.members ?? new Set(),
    loadedAt: before?.loadedAt ?? 0,
    version: before?.version ?? -1,
    loading,
    loadingVersion: version,
  });
  return loading;
}

/**
 * Whether a shopper belongs to a segment of the tenant, from the in-memory set. An anonymous
 * request (no shopper id) is never a member, nor is a shopper who denied advertising consent;
 * an unknown segment has no members. After the first
 * load this is a Set lookup: a set over a minute old is reloaded in the background (the old one
 * answers meanwhile); after a segment change of the tenant the next call waits for the new set.
 * Throws only when a first load fails.
 */
export function isSegmentMember(
  exec: Executor,
  tenantId: string,
  segmentId: string,
  shopperId: string | null | undefined,
): MaybePromise<boolean> {
  return runSyncFirst(membershipSteps(exec, tenantId, segmentId, shopperId));
}

function* membershipSteps(
  exec: Executor,
  tenantId: string,
  segmentId: string,
  shopperId: string | null | undefined,
) {
  // Advertising consent is checked per call (from memory), so a withdrawal applies at once.
  if (shopperId && !(yield* wait(consentAllows(exec, tenantId, shopperId, 'advertising')))) return false;
  const key = `${tenantId}:${segmentId}`;
  const version = segmentMembershipVersion(tenantId);
  const entry = cache.get(key);
  if (entry && entry.version === version) {
    if (!entry.loading && Date.now() - entry.loadedAt >= MEMBERSHIP_TTL_MS)
      void reload(exec, tenantId, segmentId, key).catch(() => undefined);
    return shopperId ? entry.members.has(shopperId) : false;
  }
  const members = yield* wait(
    entry?.loading && entry.loadingVersion === version
      ? entry.loading
      : reload(exec, tenantId, segmentId, key),
  );
  return shopperId ? members.has(shopperId) : false;
}

/** Tests only: forgets every cached set. */
export function clearSegmentMembershipCache(): void {
  cache.clear();
}
