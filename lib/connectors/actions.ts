'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { connectStore, removeConnection, replaceCredentials, syncConnectionNow } from './service';

export type ConnectionActionResult = ActionResult<{ id: string; name: string }>;
export type SyncActionResult = ActionResult<{ jobId: string; created: boolean }>;

const connect = tenantAction('settings.update', async (db, ctx, input) => {
  const c = await connectStore(db, ctx, input);
  return { id: c.id, name: c.name };
});

/**
 * Connects a store. Form fields: `tenant`, `platform` (shopify | woocommerce), then
 * `shopDomain`, `accessToken` or `storeUrl`, `consumerKey`, `consumerSecret`; optional
 * `webhookSecret`, `name`. The credentials are never sent back.
 */
export async function connectStoreAction(prev: unknown, formData: FormData): Promise<ConnectionActionResult> {
  return connect(prev, formData);
}

const replace = tenantAction('settings.update', async (db, ctx, input) => {
  const c = await replaceCredentials(db, ctx, input);
  return { id: c.id, name: c.name };
});

/** Replaces a connection's credentials (blank fields keep the saved ones). Fields: `tenant`, `id`, … */
export async function replaceCredentialsAction(
  prev: unknown,
  formData: FormData,
): Promise<ConnectionActionResult> {
  return replace(prev, formData);
}

const remove = tenantAction('settings.update', async (db, ctx, input) => {
  const c = await removeConnection(db, ctx, { id: input.id });
  return { id: c.id, name: c.name };
});

/** Removes a connection; the data it synced stays. Fields: `tenant`, `id`. */
export async function removeConnectionAction(
  prev: unknown,
  formData: FormData,
): Promise<ConnectionActionResult> {
  return remove(prev, formData);
}

const sync = tenantAction('jobs.run', async (db, ctx, input) => {
  const { job, created } = await syncConnectionNow(db, ctx, { id: input.id, full: input.full });
  return { jobId: job.id, created };
});

/** Queues a sync of one connection (or reports the one already queued). Fields: `tenant`, `id`, `full`? */
export async function syncConnectionAction(prev: unknown, formData: FormData): Promise<SyncActionResult> {
  return sync(prev, formData);
}
