'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { setWorkspaceEmbedder, startEmbedding } from './service';

export type SetEmbedderResult = ActionResult<{ embedder: string; changed: boolean; jobId: string | null }>;
export type StartEmbeddingResult = ActionResult<{ jobId: string; created: boolean; status: string }>;

const setEmbedder = tenantAction('settings.update', (db, ctx, input) =>
  setWorkspaceEmbedder(db, ctx, { embedder: input.embedder }),
);

/**
 * Switches the workspace's embedder and queues the re-embedding (admins and owners).
 * Form fields: `tenant`, `embedder` (`auto`, `lexical` or `model:<org>/<name>`).
 */
export async function setEmbedderAction(prev: unknown, formData: FormData): Promise<SetEmbedderResult> {
  return setEmbedder(prev, formData);
}

const start = tenantAction('jobs.run', (db, ctx, input) => startEmbedding(db, ctx, { full: input.full }));

/**
 * Queues the embed job now, or returns the one already queued or running.
 * Form fields: `tenant`, optional `full` (`true`/`on`: re-analyze and re-embed every product).
 */
export async function startEmbeddingAction(prev: unknown, formData: FormData): Promise<StartEmbeddingResult> {
  return start(prev, formData);
}
