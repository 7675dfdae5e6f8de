/**
 * Consent held in memory per tenant for the hot paths (event ingestion, recommendations, placement
 * audiences): every stored decision as 2 bits per purpose in one Map, so enforcement costs a Map
 * lookup, not a query. Loaded on first use; reloaded in the background when over a minute old (the
 * old copy answers meanwhile) and at once after `invalidateConsent` (imports, erasure). Writes made
 * by this process are patched in (`noteConsentChanges`), also into a load that is in flight.
 * Memory: roughly 100 bytes per shopper with a decision.
 */
import type { MaybePromise } from '@/lib/sync-first';
import type { Executor } from '@/db/client';
import type { PrivacyPurpose } from '@/db/schema';
import { log } from '@/lib/log';
import { listTenantConsentState } from './queries';

/** How long a loaded copy answers without a reload, in ms. */
export const CONSENT_TTL_MS = 60_000;

const BIT: Record<PrivacyPurpose, number> = { analytics: 0, personalization: 2, advertising: 4 };

/** The stored decisions of one tenant: `get` is undefined for a purpose never decided. */
export interface ConsentSnapshot {
  get(shopperId: string, purpose: PrivacyPurpose): boolean | undefined;
}

interface Entry {
  bits: Map<string, number>;
  loadedAt: number;
  loading?: Promise<Map<string, number>>;
  /** Changes written while a load runs, replayed onto its result. */
  pending: { shopperId: string; purpose: PrivacyPurpose; granted: boolean }[];
}

// On globalThis: the custom server's fast path and Next's bundle are two module graphs.
const g = globalThis as unknown as { __tailorConsent?: Map<string, Entry> };
g.__tailorConsent ??= new Map();
const cache = g.__tailorConsent;

function setBits(bits: Map<string, number>, shopperId: string, purpose: PrivacyPurpose, granted: boolean) {
  const shift = BIT[purpose];
  const old = bits.get(shopperId) ?? 0;
  bits.set(shopperId, (old & ~(3 << shift)) | ((granted ? 3 : 1) << shift));
}

function snapshotOf(bits: Map<string, number>): ConsentSnapshot {
  return {
    get(shopperId, purpose) {
      const v = ((bits.get(shopperId) ?? 0) >> BIT[purpose]) & 3;
      return v === 0 ? undefined : v === 3;
    },
  };
}

function load(exec: Executor, tenantId: string, before: Entry | undefined): Promise<Map<string, number>> {
  // A load whose entry was replaced meanwhile (invalidateConsent) is returned but not kept.
  const entry: Entry = { bits: before?.bits ?? new Map(), loadedAt: before?.loadedAt ?? 0, pending: [] };
  entry.loading = listTenantConsentState(exec, { tenantId }).then(
    (rows) => {
      const bits = new Map<string, number>();
      for (const r of rows) setBits(bits, r.shopperId, r.purpose, r.granted);
      for (const p of entry.pending) setBits(bits, p.shopperId, p.purpose, p.granted);
      if (cache.get(tenantId) === entry) cache.set(tenantId, { bits, loadedAt: Date.now(), pending: [] });
      return bits;
    },
    (error: unknown) => {
      log('error', 'consent.cache_load_failed', { tenantId, error });
      if (cache.get(tenantId) === entry) {
        if (before && before.loadedAt > 0)
          cache.set(tenantId, { ...before, loadedAt: Date.now(), loading: undefined });
        else cache.delete(tenantId);
      }
      throw error;
    },
  );
  cache.set(tenantId, entry);
  return entry.loading;
}

/**
 * The tenant's stored decisions. The first call in a process waits for one query; later calls
 * answer from memory (a copy over a minute old is refreshed in the background).
 * @throws when the first load fails (database errors).
 */
export function getConsentSnapshot(exec: Executor, tenantId: string): MaybePromise<ConsentSnapshot> {
  const entry = cache.get(tenantId);
  if (entry && entry.loadedAt > 0) {
    if (!entry.loading && Date.now() - entry.loadedAt >= CONSENT_TTL_MS)
      void load(exec, tenantId, entry).catch(() => undefined);
    return snapshotOf(entry.bits);
  }
  return (entry?.loading ?? load(exec, tenantId, entry)).then(snapshotOf);
}

/** Patches decisions this process has just written into the tenant's cached copy (if loaded). */
export function noteConsentChanges(
  tenantId: string,
  changes: readonly { shopperId: string; purpose: PrivacyPurpose; granted: boolean }[],
): void {
  const entry = cache.get(tenantId);
  if (!entry) return;
  for (const c of changes) {
    setBits(entry.bits, c.shopperId, c.purpose, c.granted);
    if (entry.loading) entry.pending.push(c);
  }
}

/**
 * Drops the tenant's cached consent: the next call reloads it. Call after changes made outside
 * `recordConsent` (imports, erasure, bulk deletes).
 */
export function invalidateConsent(tenantId: string): void {
  cache.delete(tenantId);
}

/** Tests only: forgets every tenant's copy. */
export function clearConsentCache(): void {
  cache.clear();
}
