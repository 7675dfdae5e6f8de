import { sql } from 'drizzle-orm';
import type { Executor } from './client';

/** The tables a bulk load of shopper data grows (tenant-agnostic planner statistics). */
const BULK_TABLES = ['products', 'shoppers', 'orders', 'order_lines', 'events'] as const;

/**
 * Refreshes the planner's statistics after a bulk load. The embedded database has no autovacuum
 * daemon, so without this the planner keeps the row estimates of the empty tables and picks
 * nested loops that turn analytics queries from milliseconds into seconds. Statistics describe
 * every workspace's rows together; no data is read back.
 */
export async function analyzeBulkTables(exec: Executor): Promise<void> {
  for (const table of BULK_TABLES) await exec.execute(sql.raw(`analyze ${table}`));
}
