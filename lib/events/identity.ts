import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { ValidEvent } from './schemas';
import { type AnonymousEntry, type ShopperCache, shopperCache } from './shopper-cache';

interface Seen {
  t0: Date;
  t1: Date;
  locale?: string;
}

function see(map: Map<string, Seen>, key: string, e: ValidEvent): void {
  const s = map.get(key);
  if (!s) map.set(key, { t0: e.occurredAt, t1: e.occurredAt, locale: e.context.locale });
  else {
    if (e.occurredAt < s.t0) s.t0 = e.occurredAt;
    if (e.occurredAt > s.t1) s.t1 = e.occurredAt;
    s.locale ??= e.context.locale;
  }
}

// Inserts run in key order so two concurrent batches lock shared keys in the same order (no deadlock).
// Lookups are LATERAL … LIMIT 1 probes with the tenant hidden from the planner in `(select $t)`:
// planned for an average tenant, each key is one unique-index probe. With the literal tenant id, a
// tenant the statistics do not know yet (new, or grown since the last ANALYZE; PGlite never
// analyzes) looks tiny, and the planner scans all its shoppers through another tenant-leading
// index for every key instead.
const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Customers by the store's id → shopper ids, creating `customer` shoppers on first sight.
 * Rows a concurrent batch was inserting are invisible to this statement's snapshot; they are
 * picked up by running it again for the missing ids.
 */
async function customerIds(exec: Executor, tenantId: string, seen: Map<string, Seen>) {
  const out = new Map<string, string>();
  let todo = sorted(seen);
  for (let attempt = 0; attempt < 3 && todo.length > 0; attempt++) {
    const input = JSON.stringify(todo.map(([c, s]) => ({ c, t0: s.t0, t1: s.t1 })));
    const r = await exec.execute(sql`
      with input as (select * from json_to_recordset(${input}::json) as x(c text, t0 timestamptz, t1 timestamptz)),
      ins as (
        insert into shoppers (tenant_id, kind, external_id, first_seen_at, last_seen_at)
        select ${tenantId}::uuid, 'customer', c, t0, t1 from input order by c
        on conflict (tenant_id, external_id) where external_id is not null do nothing
        returning external_id as c, id
      )
      select c, id from ins
      union all
      select i.c, s.id from input i cross join lateral (
        select id from shoppers where tenant_id = (select ${tenantId}::uuid) and external_id = i.c limit 1
      ) s`);
    for (const row of rowsOf<{ c: string; id: string }>(r)) out.set(row.c, row.id);
    todo = todo.filter(([c]) => !out.has(c));
  }
  return out;
}

/**
 * Upserts `links` (anonymous id → customer shopper id; the latest link wins) and resolves the
 * anonymous ids in `seen`: through an existing link to their customer, else to a `visitor`
 * shopper created on first sight.
 */
async function anonymousIds(
  exec: Executor,
  tenantId: string,
  links: Map<string, string>,
  seen: Map<string, Seen>,
): Promise<Map<string, AnonymousEntry>> {
  const out = new Map<string, AnonymousEntry>();
  let pairs = sorted(links).map(([a, s]) => ({ a, s }));
  let todo = sorted(seen);
  for (let attempt = 0; attempt < 3 && (todo.length > 0 || pairs.length > 0); attempt++) {
    const anon = JSON.stringify(todo.map(([a, s]) => ({ a, t0: s.t0, t1: s.t1, l: s.locale ?? null })));
    const r = await exec.execute(sql`
      with link_new as (
        insert into identity_links (tenant_id, anonymous_id, shopper_id)
        select ${tenantId}::uuid, a, s from json_to_recordset(${JSON.stringify(pairs)}::json) as x(a text, s uuid) order by a
        on conflict (tenant_id, anonymous_id) do update set shopper_id = excluded.shopper_id, linked_at = now()
          where identity_links.shopper_id is distinct from excluded.shopper_id
        returning 1
      ),
      anon as (select * from json_to_recordset(${anon}::json) as x(a text, t0 timestamptz, t1 timestamptz, l text)),
      linked as (
        select anon.a, l.s from anon cross join lateral (
          select shopper_id as s from identity_links
          where tenant_id = (select ${tenantId}::uuid) and anonymous_id = anon.a limit 1
        ) l
      ),
      vis_in as (select * from anon where a not in (select a from linked)),
      vis_new as (
        insert into shoppers (tenant_id, kind, anonymous_id, locale, first_seen_at, last_seen_at)
        select ${tenantId}::uuid, 'visitor', a, l, t0, t1 from vis_in order by a
        on conflict (tenant_id, anonymous_id) where anonymous_id is not null do nothing
        returning anonymous_id as a, id as s
      )
      select a, s, true as linked from linked
      union all select a, s, false from vis_new
      union all select vis_in.a, v.id, false from vis_in cross join lateral (
        select id from shoppers where tenant_id = (select ${tenantId}::uuid) and anonymous_id = vis_in.a limit 1
      ) v`);
    for (const row of rowsOf<{ a: string; s: string; linked: boolean }>(r)) {
      out.set(row.a, { shopperId: row.s, linked: Boolean(row.linked) });
    }
    pairs = [];
    todo = todo.filter(([a]) => !out.has(a));
  }
  return out;
}

/**
 * Identity stitching for one batch, set-based: returns each event's shopper id, in order.
 * - customerId → that customer's shopper (created on first sight, kind `customer`);
 * - anonymousId with customerId → the anonymous id is linked to the customer (`identity_links`);
 * - anonymousId alone → its linked customer when it has identified before, else its `visitor`
 *   shopper (created on first sight). Earlier events keep the shopper they were stored with;
 *   readers join through `identity_links` to see a visitor's history under the customer.
 * Known ids come from `cache`; the rest cost at most two statements (customers, then links and
 * visitors), rerun for ids a concurrent batch was creating at the same moment.
 */
export async function resolveShoppers(
  exec: Executor,
  tenantId: string,
  events: readonly ValidEvent[],
  cache: ShopperCache = shopperCache,
): Promise<(string | null)[]> {
  const customers = new Map<string, Seen>();
  const anonymous = new Map<string, Seen>();
  for (const e of events) {
    if (e.customerId) see(customers, e.customerId, e);
    if (e.anonymousId) see(anonymous, e.anonymousId, e);
  }

  const byCustomer = new Map<string, string>();
  const newCustomers = new Map<string, Seen>();
  for (const [c, seen] of customers) {
    const id = cache.customer(tenantId, c);
    if (id) byCustomer.set(c, id);
    else newCustomers.set(c, seen);
  }
  if (newCustomers.size) {
    for (const [c, id] of await customerIds(exec, tenantId, newCustomers)) {
      byCustomer.set(c, id);
      cache.setCustomer(tenantId, c, id);
    }
  }

  // Anonymous ids seen with a customer in this batch belong to that customer (the latest wins).
  const pairs = new Map<string, string>();
  const pairAt = new Map<string, Date>();
  for (const e of events) {
    if (!e.anonymousId || !e.customerId) continue;
    const shopper = byCustomer.get(e.customerId);
    const at = pairAt.get(e.anonymousId);
    if (shopper && (!at || e.occurredAt >= at)) {
      pairs.set(e.anonymousId, shopper);
      pairAt.set(e.anonymousId, e.occurredAt);
    }
  }
  const byAnonymous = new Map<string, string>(pairs);
  const newLinks = new Map<string, string>();
  for (const [a, s] of pairs) {
    const known = cache.anonymous(tenantId, a);
    if (!known?.linked || known.shopperId !== s) newLinks.set(a, s);
  }
  const unknown = new Map<string, Seen>();
  for (const [a, seen] of anonymous) {
    if (pairs.has(a)) continue;
    const known = cache.anonymous(tenantId, a);
    if (known) byAnonymous.set(a, known.shopperId);
    else unknown.set(a, seen);
  }
  if (newLinks.size || unknown.size) {
    for (const [a, entry] of await anonymousIds(exec, tenantId, newLinks, unknown)) {
      byAnonymous.set(a, entry.shopperId);
      cache.setAnonymous(tenantId, a, entry);
    }
    for (const [a, s] of newLinks) cache.setAnonymous(tenantId, a, { shopperId: s, linked: true });
  }

  return events.map((e) => {
    if (e.customerId) return byCustomer.get(e.customerId) ?? null;
    return e.anonymousId ? (byAnonymous.get(e.anonymousId) ?? null) : null;
  });
}
