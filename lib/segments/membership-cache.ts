/**
 * Per-tenant in-memory membership of segments, for placement audiences at serve time.
 * Invalidated on every segment change; see ./membership.ts for the loader.
 */
const g = globalThis as unknown as { __tailorSegmentMembershipVersion?: Map<string, number> };
g.__tailorSegmentMembershipVersion ??= new Map();
const versions = g.__tailorSegmentMembershipVersion;

/** Marks a tenant's cached memberships stale (a segment was created, changed or deleted). */
export function invalidateSegmentMembership(tenantId: string): void {
  versions.set(tenantId, (versions.get(tenantId) ?? 0) + 1);
}

/** The invalidation counter of a tenant (0 until its first change in this process). */
export function segmentMembershipVersion(tenantId: string): number {
  return versions.get(tenantId) ?? 0;
}
