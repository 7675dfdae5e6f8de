import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { connections, orders, products, shoppers, webhookDeliveries } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ResourceState } from './state';
import type { Resource, StoreInfo } from './types';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Every column except the credentials: what lists and pages may read. */
const PUBLIC_COLUMNS = {
  id: connections.id,
  tenantId: connections.tenantId,
  platform: connections.platform,
  name: connections.name,
  baseUrl: connections.baseUrl,
  keyVersion: connections.keyVersion,
  status: connections.status,
  syncState: connections.syncState,
  lastSyncStartedAt: connections.lastSyncStartedAt,
  lastSuccessAt: connections.lastSuccessAt,
  lastError: connections.lastError,
  createdAt: connections.createdAt,
};

const byId = (ctx: Tenant, id: string) => and(tenantFilter(ctx, connections), eq(connections.id, id));

export type ConnectionRow = Awaited<ReturnType<typeof listConnectionRows>>[number];
export type ConnectionWithSecrets = typeof connections.$inferSelect;

/** The tenant's connections, oldest first, without credentials. */
export async function listConnectionRows(exec: Executor, ctx: Tenant) {
  return exec
    .select(PUBLIC_COLUMNS)
    .from(connections)
    .where(tenantFilter(ctx, connections))
    .orderBy(connections.createdAt);
}

/** One connection of the tenant without credentials, or null (also for another tenant's id). */
export async function getConnectionRow(exec: Executor, ctx: Tenant, id: string) {
  const [row] = await exec
    .select(PUBLIC_COLUMNS)
    .from(connections)
    .where(and(tenantFilter(ctx, connections), eq(connections.id, id)));
  return row ?? null;
}

/** One connection with its (encrypted) credentials, for the sync and for replacing them. */
export async function getConnectionWithSecrets(exec: Executor, ctx: Tenant, id: string) {
  const [row] = await exec
    .select()
    .from(connections)
    .where(and(tenantFilter(ctx, connections), eq(connections.id, id)));
  return row ?? null;
}

/**
 * The connection a webhook URL names. This is the one lookup by id alone: the id in the URL
 * names its tenant (like an API key does), and the signature check then proves the sender.
 */
export async function findConnectionForWebhook(exec: Executor, id: string, platform: string) {
  const [row] = await exec
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.platform, platform)))
    .limit(1);
  return row ?? null;
}

/** Ids of every connection of a tenant (the scheduled sync fans out over them). */
export async function listConnectionIds(exec: Executor, ctx: Tenant): Promise<string[]> {
  const rows = await exec
    .select({ id: connections.id })
    .from(connections)
    .where(and(tenantFilter(ctx, connections), sql`${connections.status} <> 'disabled'`));
  return rows.map((r) => r.id);
}

/** Inserts a connection; returns it without credentials (unique per tenant, platform and store). */
export async function insertConnection(exec: Executor, values: typeof connections.$inferInsert) {
  const [row] = await exec.insert(connections).values(values).returning(PUBLIC_COLUMNS);
  return row ?? null;
}

/** Replaces the sealed credentials and notes when; null when not this tenant's connection. */
export async function updateCredentials(
  exec: Executor,
  ctx: Tenant,
  id: string,
  sealed: { value: string; keyVersion: number },
  savedAt: Date,
  opts: { webhookSecretSet: boolean; verified: boolean },
) {
  const meta = JSON.stringify({
    credentialsSavedAt: savedAt.toISOString(),
    webhookSecretSet: opts.webhookSecretSet,
  });
  const [row] = await exec
    .update(connections)
    .set({
      credentials: sealed.value,
      keyVersion: sealed.keyVersion,
      // Keys the store just accepted clear a failed sync's status; a new webhook secret alone does not.
      ...(opts.verified ? { status: 'active', lastError: null } : {}),
      updatedAt: savedAt,
      syncState: sql`${connections.syncState} || ${meta}::jsonb`,
    })
    .where(and(tenantFilter(ctx, connections), eq(connections.id, id)))
    .returning(PUBLIC_COLUMNS);
  return row ?? null;
}

/** Swaps in credentials re-encrypted under a newer key, unless they changed meanwhile. */
export async function resealCredentials(
  exec: Executor,
  ctx: Tenant,
  id: string,
  fromVersion: number,
  sealed: { value: string; keyVersion: number },
) {
  await exec
    .update(connections)
    .set({ credentials: sealed.value, keyVersion: sealed.keyVersion })
    .where(and(byId(ctx, id), eq(connections.keyVersion, fromVersion)));
}

/** Deletes a connection and its webhook delivery log; returns it, or null when not found. */
export async function deleteConnectionRow(exec: Executor, ctx: Tenant, id: string) {
  await exec
    .delete(webhookDeliveries)
    .where(and(tenantFilter(ctx, webhookDeliveries), eq(webhookDeliveries.connectionId, id)));
  const [row] = await exec
    .delete(connections)
    .where(and(tenantFilter(ctx, connections), eq(connections.id, id)))
    .returning({
      id: connections.id,
      name: connections.name,
      platform: connections.platform,
      baseUrl: connections.baseUrl,
    });
  return row ?? null;
}

/** Writes one resource's sync state (leaves the other keys alone); false when the connection is gone. */
export async function setResourceState(
  exec: Executor,
  ctx: Tenant,
  id: string,
  resource: Resource,
  state: ResourceState,
): Promise<boolean> {
  const rows = await exec
    .update(connections)
    .set({
      syncState: sql`jsonb_set(${connections.syncState}, ${`{${resource}}`}::text[], ${JSON.stringify(state)}::jsonb)`,
    })
    .where(byId(ctx, id))
    .returning({ id: connections.id });
  return rows.length > 0;
}

/** Saves the store's name, currency and locale in the sync state. */
export async function setStoreInfo(exec: Executor, ctx: Tenant, id: string, store: StoreInfo) {
  await exec
    .update(connections)
    .set({ syncState: sql`jsonb_set(${connections.syncState}, '{store}', ${JSON.stringify(store)}::jsonb)` })
    .where(byId(ctx, id));
}

/** Notes when a sync began. */
export async function markSyncStarted(exec: Executor, ctx: Tenant, id: string, at: Date) {
  await exec.update(connections).set({ lastSyncStartedAt: at }).where(byId(ctx, id));
}

/** A finished sync: status active, last success now, last error cleared. */
export async function markSyncSucceeded(exec: Executor, ctx: Tenant, id: string, at: Date) {
  await exec
    .update(connections)
    .set({ status: 'active', lastSuccessAt: at, lastError: null })
    .where(byId(ctx, id));
}

/** `message` must already be safe to show. */
export async function markSyncFailed(exec: Executor, ctx: Tenant, id: string, message: string) {
  await exec
    .update(connections)
    .set({ status: 'error', lastError: message.slice(0, 500) })
    .where(byId(ctx, id));
}

/**
 * Records a webhook delivery; false when this delivery id was already processed (a replay).
 * Call in the transaction that applies the delivery, so a failed one can be delivered again.
 */
export async function recordDelivery(
  exec: Executor,
  ctx: Tenant,
  values: { deliveryId: string; connectionId: string; topic: string },
): Promise<boolean> {
  const rows = await exec
    .insert(webhookDeliveries)
    .values({ tenantId: ctx.tenantId, ...values })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.deliveryId });
  return rows.length > 0;
}

/** The latest deliveries of some topics for a connection (the privacy requests list). */
export async function listDeliveries(
  exec: Executor,
  ctx: Tenant,
  connectionId: string,
  topics: string[],
  limit = 20,
) {
  return exec
    .select({
      deliveryId: webhookDeliveries.deliveryId,
      topic: webhookDeliveries.topic,
      receivedAt: webhookDeliveries.receivedAt,
    })
    .from(webhookDeliveries)
    .where(
      and(
        tenantFilter(ctx, webhookDeliveries),
        eq(webhookDeliveries.connectionId, connectionId),
        sql`${webhookDeliveries.topic} in (select json_array_elements_text(${JSON.stringify(topics)}::json))`,
      ),
    )
    .orderBy(desc(webhookDeliveries.receivedAt))
    .limit(limit);
}

/** Marks a product archived (a deletion in the store); returns whether one was found. */
export async function archiveProduct(exec: Executor, ctx: Tenant, externalId: string): Promise<boolean> {
  const rows = await exec
    .update(products)
    .set({ status: 'archived', updatedAt: new Date() })
    .where(and(tenantFilter(ctx, products), eq(products.externalId, externalId)))
    .returning({ id: products.id });
  return rows.length > 0;
}

/** Marks an order cancelled (deleted in the store); returns whether one was found. */
export async function cancelOrder(exec: Executor, ctx: Tenant, externalId: string): Promise<boolean> {
  const rows = await exec
    .update(orders)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(and(tenantFilter(ctx, orders), eq(orders.externalId, externalId)))
    .returning({ id: orders.id });
  return rows.length > 0;
}

/** Removes a customer's personal fields (email, name) and free-form attributes; returns whether found. */
export async function anonymizeShopper(exec: Executor, ctx: Tenant, externalId: string): Promise<boolean> {
  const rows = await exec
    .update(shoppers)
    .set({
      email: null,
      name: null,
      emailHash: null,
      emailEnc: null,
      nameEnc: null,
      piiKeyVersion: null,
      attributes: {},
      updatedAt: new Date(),
    })
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.externalId, externalId)))
    .returning({ id: shoppers.id });
  return rows.length > 0;
}
