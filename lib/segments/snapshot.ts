/** Daily sizes of segments (the size-over-time chart): counted live, stored per UTC day. */
import type { Db } from '@/db/client';
import { listSegmentRows } from './queries';
import { snapshotSegmentSize, toSegment } from './service';

/**
 * Stores today's size of every segment of the workspace (replacing today's earlier values).
 * Returns how many segments were measured.
 */
export async function snapshotAllSegments(db: Db, tenant: { tenantId: string }): Promise<number> {
  const rows = await listSegmentRows(db, tenant);
  for (const row of rows) await snapshotSegmentSize(db, tenant, toSegment(row));
  return rows.length;
}
