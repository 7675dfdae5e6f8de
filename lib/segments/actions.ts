'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { enqueueSegmentDiscovery } from './jobs';
import { createSegment, deleteSegment, updateSegment } from './service';

export type SegmentActionResult = ActionResult<{ id: string }>;

const create = tenantAction('data.write', async (db, ctx, input) => ({
  id: (await createSegment(db, ctx, input)).id,
}));

/**
 * Creates a rules segment. Fields: `tenant`, `name`, `description?`, `rules` (JSON of
 * SegmentRules). Success: `{ ok: true, data: { id } }`.
 */
export async function createSegmentAction(prev: unknown, formData: FormData): Promise<SegmentActionResult> {
  return create(prev, formData);
}

const update = tenantAction('data.write', async (db, ctx, input) => ({
  id: (await updateSegment(db, ctx, String(input.id ?? ''), input)).id,
}));

/** Saves a segment. Fields: as create plus `id`; RFM and discovered segments take name and description only. */
export async function updateSegmentAction(prev: unknown, formData: FormData): Promise<SegmentActionResult> {
  return update(prev, formData);
}

const remove = tenantAction('data.write', async (db, ctx, input) => ({
  id: (await deleteSegment(db, ctx, String(input.id ?? ''))).id,
}));

/** Deletes a segment. Fields: `tenant`, `id`. */
export async function deleteSegmentAction(prev: unknown, formData: FormData): Promise<SegmentActionResult> {
  return remove(prev, formData);
}

const discover = tenantAction('jobs.run', async (db, ctx) => enqueueSegmentDiscovery(db, ctx));

/** Queues segment discovery (RFM segments and clusters). Fields: `tenant`. */
export async function discoverSegmentsAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ jobId: string; created: boolean }>> {
  return discover(prev, formData);
}
