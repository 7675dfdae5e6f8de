/**
 * In-memory identity resolutions per tenant, so a returning visitor or customer costs no query:
 * customer id → shopper id, and anonymous id → the shopper its events go to (its linked customer,
 * or its own visitor row) with whether that is a link.
 *
 * This process updates entries as it links visitors, so on one server a visitor who identifies is
 * resolved to the customer from the next batch on. Other processes (several web servers on
 * Postgres) see a new link once their entry expires: anonymous entries live `anonymousTtlMs`
 * (default 60 s), customer entries `customerTtlMs` (10 min; a customer's shopper id never changes
 * unless the shopper is erased — call `forgetTenant()` then).
 */
export interface AnonymousEntry {
  shopperId: string;
  /** true when `shopperId` is the customer this anonymous id is linked to. */
  linked: boolean;
}

interface Timed<T> {
  value: T;
  expiresAt: number;
}

interface TenantEntries {
  customers: Map<string, Timed<string>>;
  anonymous: Map<string, Timed<AnonymousEntry>>;
}

export class ShopperCache {
  private readonly tenants = new Map<string, TenantEntries>();
  private readonly customerTtlMs: number;
  private readonly anonymousTtlMs: number;
  private readonly maxPerTenant: number;
  private readonly now: () => number;

  constructor(
    opts: { customerTtlMs?: number; anonymousTtlMs?: number; maxPerTenant?: number; now?: () => number } = {},
  ) {
    this.customerTtlMs = opts.customerTtlMs ?? 600_000;
    this.anonymousTtlMs = opts.anonymousTtlMs ?? 60_000;
    this.maxPerTenant = opts.maxPerTenant ?? 200_000;
    this.now = opts.now ?? Date.now;
  }

  customer(tenantId: string, customerId: string): string | undefined {
    return this.live(this.tenants.get(tenantId)?.customers, customerId);
  }

  anonymous(tenantId: string, anonymousId: string): AnonymousEntry | undefined {
    return this.live(this.tenants.get(tenantId)?.anonymous, anonymousId);
  }

  setCustomer(tenantId: string, customerId: string, shopperId: string): void {
    const t = this.tenant(tenantId);
    this.bound(t.customers).set(customerId, { value: shopperId, expiresAt: this.now() + this.customerTtlMs });
  }

  setAnonymous(tenantId: string, anonymousId: string, entry: AnonymousEntry): void {
    const t = this.tenant(tenantId);
    this.bound(t.anonymous).set(anonymousId, { value: entry, expiresAt: this.now() + this.anonymousTtlMs });
  }

  /** Forgets a tenant's resolutions (after shoppers were erased or merged). */
  forgetTenant(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  /**
   * Forgets the entries of erased shoppers: customer ids resolving to them, and anonymous ids that
   * are theirs or resolve to them (a data subject's erasure; cheaper than `forgetTenant` on a busy
   * workspace). Linear in the tenant's cached entries.
   */
  forgetShoppers(
    tenantId: string,
    shopperIds: ReadonlySet<string>,
    anonymousIds: Iterable<string> = [],
  ): void {
    const t = this.tenants.get(tenantId);
    if (!t) return;
    for (const [k, e] of t.customers) if (shopperIds.has(e.value)) t.customers.delete(k);
    for (const a of anonymousIds) t.anonymous.delete(a);
    for (const [k, e] of t.anonymous) if (shopperIds.has(e.value.shopperId)) t.anonymous.delete(k);
  }

  clear(): void {
    this.tenants.clear();
  }

  private live<T>(map: Map<string, Timed<T>> | undefined, key: string): T | undefined {
    const e = map?.get(key);
    if (!e) return undefined;
    if (e.expiresAt > this.now()) return e.value;
    map?.delete(key);
    return undefined;
  }

  private tenant(tenantId: string): TenantEntries {
    let t = this.tenants.get(tenantId);
    if (!t) {
      t = { customers: new Map(), anonymous: new Map() };
      this.tenants.set(tenantId, t);
    }
    return t;
  }

  /** Keeps a map under the size bound: drops expired entries, then the oldest half. */
  private bound<T>(map: Map<string, Timed<T>>): Map<string, Timed<T>> {
    if (map.size < this.maxPerTenant) return map;
    const now = this.now();
    for (const [k, e] of map) if (e.expiresAt <= now) map.delete(k);
    if (map.size >= this.maxPerTenant) {
      let drop = map.size / 2;
      for (const k of map.keys()) {
        if (drop-- <= 0) break;
        map.delete(k);
      }
    }
    return map;
  }
}

const g = globalThis as unknown as { __tailorShopperCache?: ShopperCache };
g.__tailorShopperCache ??= new ShopperCache();
/** The process-wide identity cache. */
export const shopperCache: ShopperCache = g.__tailorShopperCache;
