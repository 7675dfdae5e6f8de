import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { chunks } from '@/lib/ingest/upsert-core';
import type { EventRecord } from './rows';

export interface EventWriteResult {
  inserted: number;
  duplicates: number;
  /** Events naming a product the catalog does not have, by index in the input. */
  unknownProduct: number[];
}

/**
 * Stores imported events once per event id (`ON CONFLICT DO NOTHING`; a repeat counts as a
 * duplicate). Customers are found or created by external id, anonymous visitors by anonymous
 * id (through their identity link when they have identified), and a row with both links the
 * visitor to the customer. Events naming an unknown product are not stored and are returned
 * so the import can reject them. Historical timestamps are accepted (unlike the live API).
 */
export async function writeEvents(
  exec: Executor,
  tenantId: string,
  events: readonly EventRecord[],
): Promise<EventWriteResult> {
  const result: EventWriteResult = { inserted: 0, duplicates: 0, unknownProduct: [] };
  if (events.length === 0) return result;
  const t = tenantId;
  const productIds = [...new Set(events.map((e) => e.productExternalId).filter((p): p is string => !!p))];
  const known = new Set<string>();
  if (productIds.length) {
    const r = await exec.execute(sql`
      select external_id from products
      where tenant_id = ${t} and external_id in (select json_array_elements_text(${JSON.stringify(productIds)}::json))`);
    for (const row of rowsOf<{ external_id: string }>(r)) known.add(row.external_id);
  }
  const keep: EventRecord[] = [];
  events.forEach((e, i) => {
    if (e.productExternalId && !known.has(e.productExternalId)) result.unknownProduct.push(i);
    else keep.push(e);
  });

  const customers = [...new Set(keep.map((e) => e.customerId).filter((c): c is string => !!c))];
  const visitors = [
    ...new Set(keep.filter((e) => !e.customerId && e.anonymousId).map((e) => e.anonymousId!)),
  ];
  if (customers.length) {
    await exec.execute(sql`
      insert into shoppers (tenant_id, kind, external_id)
      select ${t}::uuid, 'customer', v from json_array_elements_text(${JSON.stringify(customers)}::json) v
      on conflict (tenant_id, external_id) where external_id is not null do nothing`);
  }
  if (visitors.length) {
    await exec.execute(sql`
      insert into shoppers (tenant_id, kind, anonymous_id)
      select ${t}::uuid, 'visitor', v from json_array_elements_text(${JSON.stringify(visitors)}::json) v
      on conflict (tenant_id, anonymous_id) where anonymous_id is not null do nothing`);
  }
  const links = keep.filter((e) => e.customerId && e.anonymousId);
  if (links.length) {
    const pairs = JSON.stringify(links.map((e) => ({ a: e.anonymousId, c: e.customerId })));
    await exec.execute(sql`
      insert into identity_links (tenant_id, anonymous_id, shopper_id)
      select distinct on (x.a) ${t}::uuid, x.a, s.id
      from json_to_recordset(${pairs}::json) as x(a text, c text)
      join shoppers s on s.tenant_id = ${t} and s.external_id = x.c
      on conflict (tenant_id, anonymous_id) do nothing`);
  }
  for (const part of chunks(keep, 1000)) {
    const payload = JSON.stringify(
      part.map((e) => ({
        event_id: e.eventId,
        type: e.type,
        customer_id: e.customerId,
        anonymous_id: e.anonymousId,
        session_id: e.sessionId,
        product_id: e.productExternalId,
        quantity: e.quantity,
        price_minor: e.priceMinor,
        currency: e.currency,
        query: e.query,
        occurred_at: e.occurredAt.toISOString(),
      })),
    );
    const r = await exec.execute(sql`
      insert into events (tenant_id, event_id, type, shopper_id, anonymous_id, session_id, product_id,
                          quantity, price_minor, currency, query, context, occurred_at)
      select ${t}::uuid, x.event_id, x.type, coalesce(c.id, l.shopper_id, v.id), x.anonymous_id, x.session_id, p.id,
             x.quantity, x.price_minor, x.currency, x.query, '{"source":"import"}'::jsonb, x.occurred_at
      from json_to_recordset(${payload}::json) as x(event_id text, type text, customer_id text, anonymous_id text,
        session_id text, product_id text, quantity integer, price_minor bigint, currency text, query text,
        occurred_at timestamptz)
      left join shoppers c on c.tenant_id = ${t} and c.external_id = x.customer_id
      left join identity_links l on l.tenant_id = ${t} and l.anonymous_id = x.anonymous_id
      left join shoppers v on v.tenant_id = ${t} and v.anonymous_id = x.anonymous_id
      left join products p on p.tenant_id = ${t} and p.external_id = x.product_id
      on conflict (tenant_id, event_id) do nothing
      returning 1`);
    const stored = rowsOf(r).length;
    result.inserted += stored;
    result.duplicates += part.length - stored;
  }
  return result;
}
