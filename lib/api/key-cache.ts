import type { Db } from '@/db/client';
import { getApiKeyScopes } from '@/lib/apikeys/queries';
import { sha256 } from '@/lib/crypto';
import type { TenantContext } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';

/** A resolved API key: its tenant context (without the caller's IP) and origin allow-list. */
export interface CachedKey {
  ctx: TenantContext;
  allowedOrigins: string[];
  /** A secret key's scopes (lib/apikeys/scopes.ts); absent when the lookup does not say. */
  scopes?: readonly string[];
}

type Lookup = (db: Db, key: string, expect: 'secret' | 'publishable') => Promise<CachedKey>;

interface Entry {
  value: CachedKey;
  expiresAt: number;
  expect: 'secret' | 'publishable';
}

const defaultLookup: Lookup = async (db, key, expect) => {
  const { allowedOrigins, ip: _ip, ...ctx } = await requireTenant(db, { kind: 'apiKey', key, expect });
  return { ctx, allowedOrigins: allowedOrigins ?? [], scopes: await getApiKeyScopes(db, ctx) };
};

/**
 * API key → tenant context, cached in memory for hot endpoints (architecture.md, "Hot storefront
 * endpoints"): one database lookup per key per `ttlMs` instead of one per request. Keys are held
 * by SHA-256, never in clear. A refresh goes through `requireTenant()`, so a revoked key stops
 * working within `ttlMs` everywhere, and at once in this process after `forgetTenant()`.
 * Failed lookups are not cached. Concurrent misses for one key share one lookup.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedKey>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly lookup: Lookup;

  constructor(opts: { ttlMs?: number; maxEntries?: number; now?: () => number; lookup?: Lookup } = {}) {
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.lookup = opts.lookup ?? defaultLookup;
  }

  /**
   * The key's context, from the cache (synchronously: a hot endpoint's await costs more than the
   * lookup) or the database. `expect` is the kind the caller accepts. Rejects with
   * `unauthenticated` (AppError) for unknown, malformed, revoked or wrong-kind keys.
   */
  resolve(db: Db, key: string, expect: 'secret' | 'publishable'): CachedKey | Promise<CachedKey> {
    const hash = sha256(key);
    const hit = this.entries.get(hash);
    if (hit && hit.expect === expect && hit.expiresAt > this.now()) return hit.value;
    const id = `${expect}:${hash}`;
    let p = this.pending.get(id);
    if (!p) {
      p = this.lookup(db, key, expect).then(
        (value) => {
          this.store(hash, { value, expect, expiresAt: this.now() + this.ttlMs });
          return value;
        },
        (error: unknown) => {
          this.entries.delete(hash);
          throw error;
        },
      );
      p.finally(() => this.pending.delete(id)).catch(() => undefined);
      this.pending.set(id, p);
    }
    return p;
  }

  /** Drops every cached key of a tenant (call after revoking one of its keys). */
  forgetTenant(tenantId: string): void {
    for (const [hash, e] of this.entries) if (e.value.ctx.tenantId === tenantId) this.entries.delete(hash);
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(hash: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const now = this.now();
      for (const [h, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(h);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    this.entries.set(hash, entry);
  }
}

// One cache per process, shared by the fast path and Next's bundle (two module graphs, one globalThis).
const g = globalThis as unknown as { __tailorKeyCache?: ApiKeyCache };
g.__tailorKeyCache ??= new ApiKeyCache();
/** The process-wide API key cache. */
export const apiKeyCache: ApiKeyCache = g.__tailorKeyCache;

/** Forget a tenant's cached keys in this process: call it right after a key is revoked. */
export function forgetCachedKeys(tenantId: string): void {
  apiKeyCache.forgetTenant(tenantId);
}
