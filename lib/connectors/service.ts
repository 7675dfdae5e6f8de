import { isUniqueViolation } from '@/db/errors';
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import type { JobRow } from '@/lib/jobs/types';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { type SourceOptions, buildSource } from './build';
import { type Credentials, openCredentials, sealCredentials } from './credentials';
import { ConnectorError } from './errors';
import { connectionSyncJob, syncDedupeKey } from './job';
import {
  deleteConnectionRow,
  getConnectionRow,
  getConnectionWithSecrets,
  insertConnection,
  updateCredentials,
} from './queries';
import {
  connectShopifySchema,
  connectWooSchema,
  replaceShopifySchema,
  replaceWooSchema,
  syncNowSchema,
  connectionIdSchema,
} from './schemas';
import type { ConnectionState } from './state';
import { connectedTenants } from './tenants-cache';
import { PLATFORMS, PLATFORM_LABELS, type Platform, type StoreInfo } from './types';

export interface ConnectOptions extends SourceOptions {
  /** Queue the first (full) sync right away (default true). */
  startSync?: boolean;
}

/** What the UI and API learn about a saved connection: never its credentials. */
export interface SavedConnection {
  id: string;
  platform: Platform;
  name: string;
  baseUrl: string;
}

function requireManage(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'settings.update'))
    throw forbidden('Only owners and admins manage store connections.');
}

/** Reads the store's details with the given credentials: proves they work before anything is saved. */
async function verifyStore(
  platform: Platform,
  baseUrl: string,
  credentials: Credentials,
  locale: string,
  options: SourceOptions,
): Promise<StoreInfo> {
  try {
    return await buildSource({ platform, baseUrl, credentials, store: null, locale }, options).info();
  } catch (error) {
    if (error instanceof ConnectorError) {
      throw new AppError('bad_request', `Could not connect to the store: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Connects a Shopify or WooCommerce store (`input.platform`): validates the form, checks the
 * credentials against the store, saves them encrypted (AES-256-GCM, key version stored), records
 * the audit entry and queues the first full sync. Throws forbidden without `settings.update`,
 * validation_failed, bad_request (the store refused or was unreachable) or conflict (already
 * connected).
 */
export async function connectStore(
  db: Db,
  ctx: TenantContext,
  input: Record<string, unknown>,
  options: ConnectOptions = {},
): Promise<SavedConnection> {
  requireManage(ctx);
  const platform = input.platform;
  if (!PLATFORMS.includes(platform as Platform))
    throw new AppError('bad_request', 'Choose Shopify or WooCommerce.');
  let baseUrl: string;
  let credentials: Credentials;
  let name: string | undefined;
  if (platform === 'shopify') {
    const d = parseOrThrow(connectShopifySchema, input);
    baseUrl = d.shopDomain;
    credentials = { accessToken: d.accessToken, webhookSecret: d.webhookSecret ?? null };
    name = d.name;
  } else {
    const d = parseOrThrow(connectWooSchema, input);
    baseUrl = d.storeUrl;
    credentials = {
      consumerKey: d.consumerKey,
      consumerSecret: d.consumerSecret,
      webhookSecret: d.webhookSecret ?? null,
    };
    name = d.name;
  }
  const p = platform as Platform;
  const tenant = await getTenant(db, ctx);
  const store = await verifyStore(p, baseUrl, credentials, tenant?.locale ?? 'en', options);
  const id = crypto.randomUUID();
  const sealed = sealCredentials({ tenantId: ctx.tenantId, id }, credentials);
  const savedAt = new Date();
  const state: ConnectionState = {
    store,
    credentialsSavedAt: savedAt.toISOString(),
  };
  let saved: SavedConnection;
  try {
    saved = await db.transaction(async (tx) => {
      const row = await insertConnection(tx, {
        tenantId: ctx.tenantId,
        id,
        platform: p,
        name: name ?? store.name,
        baseUrl,
        credentials: sealed.value,
        keyVersion: sealed.keyVersion,
        syncState: { ...state, webhookSecretSet: Boolean(credentials.webhookSecret) },
      });
      if (!row) throw new AppError('internal', 'Could not save the connection.');
      await recordAudit(tx, ctx, {
        action: 'connection.created',
        targetType: 'connection',
        targetId: id,
        details: { name: row.name, platform: p, store: baseUrl, keyVersion: sealed.keyVersion },
      });
      return { id, platform: p, name: row.name, baseUrl };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This ${PLATFORM_LABELS[p]} store is already connected.`);
    throw error;
  }
  connectedTenants.add(ctx.tenantId);
  if (options.startSync !== false) {
    await enqueueJob(db, ctx, connectionSyncJob, { connectionId: id }, { dedupeKey: syncDedupeKey(id) });
  }
  return saved;
}

/**
 * Replaces a connection's credentials. Blank fields keep the saved value; new keys or tokens are
 * checked against the store first. The new values are encrypted under the current key version
 * (so this also rotates an old ciphertext). Throws not_found (another workspace's id too).
 */
export async function replaceCredentials(
  db: Db,
  ctx: TenantContext,
  input: Record<string, unknown>,
  options: SourceOptions = {},
): Promise<SavedConnection> {
  requireManage(ctx);
  const { id } = parseOrThrow(connectionIdSchema, input);
  const row = await getConnectionWithSecrets(db, ctx, id);
  if (!row) throw notFound('Connection not found.');
  const platform = row.platform as Platform;
  let current: Credentials | null = null;
  try {
    current = openCredentials(row);
  } catch {
    current = null; // unreadable (e.g. a lost key): every field must then be entered again
  }
  let next: Credentials;
  const changed: string[] = [];
  if (platform === 'shopify') {
    const d = parseOrThrow(replaceShopifySchema, input);
    const cur = current && 'accessToken' in current ? current : null;
    const accessToken = d.accessToken ?? cur?.accessToken;
    if (!accessToken) throw missing('accessToken', 'Enter the Admin API access token.');
    if (d.accessToken) changed.push('accessToken');
    if (d.webhookSecret) changed.push('webhookSecret');
    next = { accessToken, webhookSecret: d.webhookSecret ?? cur?.webhookSecret ?? null };
  } else {
    const d = parseOrThrow(replaceWooSchema, input);
    const cur = current && 'consumerKey' in current ? current : null;
    const consumerKey = d.consumerKey ?? cur?.consumerKey;
    const consumerSecret = d.consumerSecret ?? cur?.consumerSecret;
    if (!consumerKey) throw missing('consumerKey', 'Enter the consumer key.');
    if (!consumerSecret) throw missing('consumerSecret', 'Enter the consumer secret.');
    for (const k of ['consumerKey', 'consumerSecret', 'webhookSecret'] as const) if (d[k]) changed.push(k);
    next = { consumerKey, consumerSecret, webhookSecret: d.webhookSecret ?? cur?.webhookSecret ?? null };
  }
  if (changed.length === 0) {
    throw new AppError('validation_failed', 'Enter at least one new value.', {
      _: ['Enter at least one new value.'],
    });
  }
  const verified = changed.some((k) => k !== 'webhookSecret');
  if (verified) {
    const state = row.syncState as ConnectionState;
    await verifyStore(platform, row.baseUrl, next, state.store?.locale ?? 'en', options);
  }
  const sealed = sealCredentials({ tenantId: ctx.tenantId, id }, next);
  return db.transaction(async (tx) => {
    const updated = await updateCredentials(tx, ctx, id, sealed, new Date(), {
      webhookSecretSet: Boolean(next.webhookSecret),
      verified,
    });
    if (!updated) throw notFound('Connection not found.');
    await recordAudit(tx, ctx, {
      action: 'connection.credentials_replaced',
      targetType: 'connection',
      targetId: id,
      details: { name: updated.name, platform, fields: changed, keyVersion: sealed.keyVersion },
    });
    return { id, platform, name: updated.name, baseUrl: updated.baseUrl };
  });
}

function missing(field: string, message: string): AppError {
  return new AppError('validation_failed', 'Check the highlighted fields.', { [field]: [message] });
}

/**
 * Removes a connection (its credentials and webhook log; synced products, customers and orders
 * stay). A sync in progress stops at its next page. Throws not_found.
 */
export async function removeConnection(db: Db, ctx: TenantContext, input: unknown): Promise<SavedConnection> {
  requireManage(ctx);
  const { id } = parseOrThrow(connectionIdSchema, input);
  return db.transaction(async (tx) => {
    const row = await deleteConnectionRow(tx, ctx, id);
    if (!row) throw notFound('Connection not found.');
    await recordAudit(tx, ctx, {
      action: 'connection.removed',
      targetType: 'connection',
      targetId: id,
      details: { name: row.name, platform: row.platform, store: row.baseUrl },
    });
    return { id, platform: row.platform as Platform, name: row.name, baseUrl: row.baseUrl };
  });
}

/**
 * Queues a sync of one connection now (incremental after the first; `full` re-reads everything).
 * While one is queued or running it is returned instead (`created: false`): two syncs of one
 * connection never overlap. Needs `jobs.run`; throws not_found.
 */
export async function syncConnectionNow(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ job: JobRow; created: boolean }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden('Your role does not allow running syncs.');
  const { id, full } = parseOrThrow(syncNowSchema, input);
  const row = await getConnectionRow(db, ctx, id);
  if (!row) throw notFound('Connection not found.');
  const r = await enqueueJob(
    db,
    ctx,
    connectionSyncJob,
    { connectionId: id, ...(full ? { full } : {}) },
    {
      dedupeKey: syncDedupeKey(id),
    },
  );
  if (r.created) {
    await recordAudit(db, ctx, {
      action: 'connection.sync_started',
      targetType: 'connection',
      targetId: id,
      details: { name: row.name, job: r.job.id, ...(full ? { full: true } : {}) },
    });
  }
  return r;
}
