/**
 * Everything that identifies one shopper in a workspace, gathered before an erasure: the shopper
 * row, the visitor rows stitched to it (same person, other browsers), the anonymous and session
 * ids of their events, and their email and name in clear (decrypted) — the needles of the
 * post-erasure scan. An anonymous id that also carries another shopper's events (a shared device)
 * belongs to both and is left with the other shopper.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { notFound } from '@/lib/errors';
import { openPii } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

export interface ErasureSubject {
  /** The requested shopper first, then stitched visitor rows. */
  shopperIds: string[];
  externalIds: string[];
  anonymousIds: string[];
  /** Sessions of the subject's events (identifier-less events of those sessions go too). */
  sessionIds: string[];
  emails: string[];
  names: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
/** A Postgres text[] literal (elements quoted, quotes and backslashes escaped). */
export const textArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

async function openOrNull(exec: Executor, tenantId: string, sealed: string | null): Promise<string | null> {
  try {
    return await openPii(exec, tenantId, sealed);
  } catch {
    return null; // an unreadable value cannot be searched for; the row itself is deleted anyway
  }
}

/**
 * The subject of an erasure (or an access export). `lock` (in a transaction) holds the shopper
 * row until it commits. Throws not_found for an unknown id or another workspace's shopper.
 */
export async function resolveErasureSubject(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
  opts: { lock?: boolean } = {},
): Promise<ErasureSubject> {
  if (!UUID.test(shopperId)) throw notFound('Shopper not found.');
  const t = ctx.tenantId;
  const [me] = rowsOf<{ id: string }>(
    await exec.execute(
      sql`select id from shoppers where tenant_id = ${t} and id = ${shopperId}::uuid ${opts.lock ? sql`for update` : sql``}`,
    ),
  );
  if (!me) throw notFound('Shopper not found.');
  const ids = new Set([me.id]);
  const anon = new Set<string>();
  const shared = new Set<string>();
  // Two rounds: links give visitor rows, whose events may name further anonymous ids.
  for (let round = 0; round < 2; round++) {
    const list = uuidArray([...ids]);
    const found = rowsOf<{ a: string }>(
      await exec.execute(sql`
        select anonymous_id as a from shoppers where tenant_id = ${t} and id = any(${list}::uuid[]) and anonymous_id is not null
        union select anonymous_id from identity_links where tenant_id = ${t} and shopper_id = any(${list}::uuid[])
        union select distinct anonymous_id from events where tenant_id = ${t} and shopper_id = any(${list}::uuid[]) and anonymous_id is not null`),
    );
    for (const r of found) anon.add(r.a);
    const anonList = textArray([...anon]);
    for (const r of rowsOf<{ a: string }>(
      await exec.execute(sql`
        select distinct anonymous_id as a from events
        where tenant_id = ${t} and anonymous_id = any(${anonList}::text[])
          and shopper_id is not null and not (shopper_id = any(${list}::uuid[]))
          and shopper_id not in (select id from shoppers where tenant_id = ${t} and kind = 'visitor' and anonymous_id = any(${anonList}::text[]))`),
    ))
      shared.add(r.a);
    const own = textArray([...anon].filter((a) => !shared.has(a)));
    for (const r of rowsOf<{ id: string }>(
      await exec.execute(sql`
        select id from shoppers where tenant_id = ${t} and kind = 'visitor' and anonymous_id = any(${own}::text[])`),
    ))
      ids.add(r.id);
  }
  const list = uuidArray([...ids]);
  const rows = rowsOf<{
    external_id: string | null;
    email: string | null;
    name: string | null;
    email_enc: string | null;
    name_enc: string | null;
  }>(
    await exec.execute(sql`
      select external_id, email, name, email_enc, name_enc from shoppers where tenant_id = ${t} and id = any(${list}::uuid[])`),
  );
  const sessions = rowsOf<{ s: string }>(
    await exec.execute(sql`
      select distinct session_id as s from events where tenant_id = ${t} and shopper_id = any(${list}::uuid[]) and session_id is not null`),
  );
  const emails = new Set<string>();
  const names = new Set<string>();
  const externalIds = new Set<string>();
  for (const r of rows) {
    if (r.external_id) externalIds.add(r.external_id);
    for (const e of [r.email, await openOrNull(exec, t, r.email_enc)]) if (e?.trim()) emails.add(e.trim());
    for (const n of [r.name, await openOrNull(exec, t, r.name_enc)]) if (n?.trim()) names.add(n.trim());
  }
  return {
    shopperIds: [...ids],
    externalIds: [...externalIds],
    anonymousIds: [...anon].filter((a) => !shared.has(a)),
    sessionIds: sessions.map((s) => s.s),
    emails: [...emails],
    names: [...names],
  };
}

/** The subject's emails as stored and lower-cased (how lookups normalize them). */
export function emailsOf(s: ErasureSubject): string[] {
  return [...new Set(s.emails.flatMap((e) => [e, e.toLowerCase()]))];
}

/** The needles of the scan and of the mention clean-up: ids, external ids, anonymous ids, emails. */
export function needlesOf(s: ErasureSubject): string[] {
  return [...new Set([...s.shopperIds, ...s.externalIds, ...s.anonymousIds, ...emailsOf(s)])];
}
