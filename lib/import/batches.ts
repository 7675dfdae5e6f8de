import type { OrderRecord, ProductRecord, ShopperRecord } from '@/lib/ingest/records';
import { type RetailLine, invoiceToOrder } from './online-retail';
import type { EventRecord, OrderLineRow } from './rows';
import type { ScanResult } from './scan';
import type { ImportPlan, SourceRow } from './source';
import { type FileFacts, countReason, reasonKey } from './summary';

export interface Rejection {
  rowNo: number;
  field: string;
  reason: string;
}

/** Up to `batchRows` rows' worth of records, written in one transaction. */
export interface Batch {
  /** Rows consumed once this batch is written: the checkpoint after it. */
  endRow: number;
  products: ProductRecord[];
  shoppers: ShopperRecord[];
  orders: OrderRecord[];
  events: (EventRecord & { rowNo: number })[];
  rejections: Rejection[];
  /** Rows accepted / rejected in this batch (for the daily counters). */
  accepted: number;
  rejected: number;
  reasons: Record<string, number>;
}

interface Group {
  remaining: number;
  lines: (OrderLineRow | RetailLine)[];
}

const newBatch = (): Batch => ({
  endRow: 0,
  products: [],
  shoppers: [],
  orders: [],
  events: [],
  rejections: [],
  accepted: 0,
  rejected: 0,
  reasons: {},
});

function toOrder(plan: ImportPlan, lines: (OrderLineRow | RetailLine)[]): OrderRecord {
  if (plan.format === 'online-retail') return invoiceToOrder(lines as RetailLine[], plan.currency);
  const rows = lines as OrderLineRow[];
  let total = 0;
  for (const r of rows) total += r.line.quantity * r.line.unitPriceMinor;
  return { ...rows[0]!.order, totalMinor: total, lines: rows.map((r) => r.line) };
}

/**
 * Turns validated rows into batches. Boundaries fall every `batchRows` rows, whatever the
 * content, so a resumed run cuts the file exactly where the first one did. An order is only
 * written once all its rows (counted by the first pass) were read: its rows may be spread
 * over batches, and a batch carries unfinished orders to the next. Updates `facts` as it goes,
 * which is why a resumed run replays the rows it skips writing.
 */
export async function* buildBatches(
  plan: ImportPlan,
  scan: ScanResult,
  rows: AsyncIterable<SourceRow>,
  facts: FileFacts,
): AsyncGenerator<Batch> {
  const retail = plan.format === 'online-retail';
  const grouped = plan.kind === 'orders' || retail;
  const pending = new Map<string, Group>();
  let batch = newBatch();
  let consumed = 0;
  let yielded = 0;

  const completeGroup = (lines: Group['lines']) => {
    if (lines.length === 0 || (retail && plan.kind !== 'orders')) return;
    const order = toOrder(plan, lines);
    batch.orders.push(order);
    facts.counts.orders++;
    if (order.status === 'returned') facts.counts.cancellations++;
    if (!order.shopperExternalId) facts.counts.guestOrders++;
    facts.statuses[order.status] = (facts.statuses[order.status] ?? 0) + 1;
  };

  for await (const row of rows) {
    consumed = row.rowNo;
    const result = row.result!;
    if (result.ok) {
      facts.accepted++;
      batch.accepted++;
    } else {
      facts.rejected++;
      batch.rejected++;
      const fields = new Set<string>();
      for (const issue of result.issues) {
        if (fields.has(issue.field)) continue;
        fields.add(issue.field);
        batch.rejections.push({ rowNo: row.rowNo, field: issue.field, reason: issue.reason });
        const key = reasonKey(issue.field, issue.reason);
        countReason(facts.reasons, key);
        countReason(batch.reasons, key);
      }
    }

    if (grouped && row.key !== null) {
      let group = pending.get(row.key);
      if (!group) {
        group = { remaining: scan.groupSizes.get(row.key) ?? 1, lines: [] };
        pending.set(row.key, group);
      }
      group.remaining--;
      if (result.ok) group.lines.push((result.line ?? result.record) as OrderLineRow | RetailLine);
      if (group.remaining <= 0) {
        pending.delete(row.key);
        completeGroup(group.lines);
      }
    } else if (result.ok && result.record) {
      const record = result.record;
      if (plan.kind === 'events') {
        batch.events.push({ ...(record as EventRecord), rowNo: row.rowNo });
        facts.counts.events++;
      } else if (row.key !== null && scan.lastRowOf.get(row.key) !== row.rowNo) {
        facts.skipped++; // a later row has the same external id and wins
        facts.accepted--;
        batch.accepted--;
      } else if (plan.kind === 'products') {
        batch.products.push(record as ProductRecord);
        facts.counts.products++;
      } else {
        batch.shoppers.push(record as ShopperRecord);
        facts.counts.shoppers++;
      }
    }

    if (consumed % plan.batchRows === 0) {
      batch.endRow = consumed;
      yield batch;
      yielded = consumed;
      batch = newBatch();
    }
  }
  // Only a changed file leaves orders unfinished (the checksum guards against that): write them.
  for (const group of pending.values()) completeGroup(group.lines);
  facts.rows = consumed;
  if (consumed > yielded || batch.orders.length > 0) {
    batch.endRow = consumed;
    yield batch;
  }
}
