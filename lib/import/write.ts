import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type IdCache, upsertOrders, upsertProducts, upsertShoppers } from '@/lib/ingest/upsert';
import { chunks } from '@/lib/ingest/upsert-core';
import type { Batch, Rejection } from './batches';
import type { ImportPlan } from './source';
import { type WriteTotals, countReason, emptyWrites, reasonKey } from './summary';
import { writeEvents } from './write-events';

type Tenant = { tenantId: string };

/** What a run carries from batch to batch. */
export interface WriteState {
  /** Product and customer ids already looked up. */
  ids: IdCache;
  /** The workspace had no orders when this run started: skip looking for stored copies. */
  ordersLikelyNew: boolean;
}

/** Stores row rejections of an import (a replayed batch finds them there already). */
export async function insertRejections(
  exec: Executor,
  ctx: Tenant,
  importId: string,
  rows: readonly Rejection[],
): Promise<void> {
  for (const part of chunks(rows, 1000)) {
    const payload = JSON.stringify(
      part.map((r) => ({ r: r.rowNo, f: r.field.slice(0, 200), m: r.reason.slice(0, 500) })),
    );
    await exec.execute(sql`
      insert into import_rejections (tenant_id, import_id, row_no, field, reason)
      select ${ctx.tenantId}::uuid, ${importId}::uuid, x.r, x.f, x.m
      from json_to_recordset(${payload}::json) as x(r integer, f text, m text)
      on conflict do nothing`);
  }
}

/**
 * Records the batch's progress on the import and adds it to today's `ingest_daily` counters of
 * source `import` (the data-quality page), in one statement.
 */
async function recordProgress(
  exec: Executor,
  ctx: Tenant,
  importId: string,
  endRow: number,
  c: { accepted: number; rejected: number; duplicates: number; reasons: Record<string, number> },
): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await exec.execute(sql`
    with daily as (
      insert into ingest_daily as d (tenant_id, day, source, accepted, duplicates, rejected, reasons)
      values (${ctx.tenantId}::uuid, ${day}::date, 'import', ${c.accepted}, ${c.duplicates}, ${c.rejected},
              ${JSON.stringify(c.reasons)}::jsonb)
      on conflict (tenant_id, day, source) do update set
        accepted = d.accepted + excluded.accepted,
        duplicates = d.duplicates + excluded.duplicates,
        rejected = d.rejected + excluded.rejected,
        reasons = case when excluded.reasons = '{}'::jsonb then d.reasons else (
          select jsonb_object_agg(k, coalesce((d.reasons ->> k)::int, 0) + coalesce((excluded.reasons ->> k)::int, 0))
          from jsonb_object_keys(d.reasons || excluded.reasons) as k
        ) end
    )
    update imports set rows_done = ${endRow} where tenant_id = ${ctx.tenantId} and id = ${importId}`);
}

/**
 * Writes one batch inside the caller's transaction: records through the shared upsert writers
 * (catalog before orders, so order lines find their products), the batch's rejections, the
 * daily counters and the import's row count. Returns what the database did.
 */
export async function writeBatch(
  tx: Executor,
  ctx: Tenant,
  plan: ImportPlan,
  batch: Batch,
  state: WriteState,
): Promise<WriteTotals> {
  const w = emptyWrites();
  if (batch.products.length) w.products = await upsertProducts(tx, ctx, batch.products);
  if (batch.shoppers.length) w.shoppers = await upsertShoppers(tx, ctx, batch.shoppers);
  if (batch.orders.length) {
    const o = await upsertOrders(tx, ctx, batch.orders, {
      source: 'import',
      ids: state.ids,
      likelyNew: state.ordersLikelyNew,
    });
    w.orders = { inserted: o.inserted, updated: o.updated, unchanged: o.unchanged };
    w.shoppers.inserted += o.shoppersCreated;
  }
  const rejections = [...batch.rejections];
  const reasons = { ...batch.reasons };
  if (batch.events.length) {
    const e = await writeEvents(tx, ctx.tenantId, batch.events);
    w.events = { inserted: e.inserted, duplicates: e.duplicates };
    const field = plan.mapping.productId ?? 'productId';
    for (const i of e.unknownProduct) {
      const ev = batch.events[i]!;
      const reason = `"${ev.productExternalId!.slice(0, 60)}" is not a product of this workspace (import the products first)`;
      rejections.push({ rowNo: ev.rowNo, field, reason });
      w.rejected++;
      countReason(w.reasons, reasonKey(field, reason));
      countReason(reasons, reasonKey(field, reason));
    }
  }
  await insertRejections(tx, ctx, plan.importId, rejections);
  await recordProgress(tx, ctx, plan.importId, batch.endRow, {
    accepted: batch.accepted - w.rejected,
    rejected: batch.rejected + w.rejected,
    duplicates: w.events.duplicates,
    reasons,
  });
  return w;
}
