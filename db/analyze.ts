import { sql } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import type { Executor } from './client';

/** The tables a bulk load of shopper data grows (tenant-agnostic planner statistics). */
const BULK_TABLES = [
  'products',
  'shoppers',
  'orders',
  'order_lines',
  'events',
  'identity_links',
  'consent_state',
] as const;

/** Tables that jobs rewrite wholesale per workspace: profiles (profiles.rebuild) and scores (predict.train). */
export type DerivedTable = 'shopper_profiles' | 'shopper_scores';

/**
 * Refreshes the planner's statistics after a bulk load. The embedded database has no autovacuum
 * daemon, so without this the planner keeps the row estimates of the empty tables and picks
 * nested loops that turn analytics queries from milliseconds into seconds. Statistics describe
 * every workspace's rows together; no data is read back.
 */
export async function analyzeBulkTables(exec: Executor): Promise<void> {
  for (const table of BULK_TABLES) await exec.execute(sql.raw(`analyze ${table}`));
}

/**
 * Statistics (and, in the embedded database, the dead rows) of a table a job has just rewritten.
 * Measured on the demo: without statistics on shopper_scores and shopper_profiles, the shopper
 * list sorted by churn took 2.7 s of the embedded database's (the server's) thread, 52 ms after.
 * Postgres's autovacuum removes dead rows by itself; the embedded database never does, and each
 * rewrite leaves the previous version's rows behind. Must run outside a transaction.
 */
export async function refreshDerivedTable(exec: Executor, table: DerivedTable): Promise<void> {
  const embedded = getEnv().databaseDriver === 'pglite';
  await exec.execute(sql.raw(`${embedded ? 'vacuum analyze' : 'analyze'} ${table}`));
}
