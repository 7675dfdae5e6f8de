import type { Db } from '@/db/client';
import { listJobs } from '@/lib/jobs/queries';
import type { TenantContext } from '@/lib/tenant/context';
import { connectionSyncJob } from './job';
import { type ConnectionRow, listConnectionRows, listDeliveries } from './queries';
import { readState } from './state';
import { PLATFORM_LABELS, type Platform, RESOURCES, type Resource, type SkipCounts } from './types';
import { PRIVACY_TOPICS } from './webhook-topics';

/** The topics to subscribe to in the store, per platform (shown with the webhook URL). */
export const WEBHOOK_TOPICS: Record<Platform, readonly string[]> = {
  shopify: [
    'products/create',
    'products/update',
    'products/delete',
    'orders/create',
    'orders/updated',
    'customers/update',
    ...PRIVACY_TOPICS,
  ],
  woocommerce: [
    'product.created',
    'product.updated',
    'product.deleted',
    'order.created',
    'order.updated',
    'customer.created',
    'customer.updated',
  ],
};

/** Everything the Connections page shows about one connection. Never the credentials. */
export interface ConnectionView {
  id: string;
  platform: Platform;
  platformLabel: string;
  name: string;
  baseUrl: string;
  host: string;
  status: 'active' | 'error' | 'disabled';
  lastError: string | null;
  lastSuccessAt: Date | null;
  lastSyncStartedAt: Date | null;
  createdAt: Date;
  credentialsSavedAt: Date | null;
  keyVersion: number;
  webhookSecretSet: boolean;
  currency: string | null;
  /** Items from this store per resource (null before the first finished run). */
  items: Record<Resource, number | null>;
  /** Records skipped in the latest runs, by reason. */
  skipped: SkipCounts;
  /** The queued or running sync, if any. */
  sync: { status: 'queued' | 'running'; done: number; total: number | null; message: string | null } | null;
  webhookUrl: string;
  webhookTopics: readonly string[];
  /** Shopify privacy webhooks received (newest first). */
  privacyRequests: { topic: string; receivedAt: Date }[];
}

function hostOf(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return baseUrl;
  }
}

function toView(row: ConnectionRow, appUrl: string): Omit<ConnectionView, 'sync' | 'privacyRequests'> {
  const state = readState(row.syncState);
  const platform = row.platform as Platform;
  const skipped: SkipCounts = {};
  const items = {} as Record<Resource, number | null>;
  for (const r of RESOURCES) {
    const rs = state[r];
    items[r] = typeof rs?.items === 'number' ? rs.items : null;
    for (const [reason, n] of Object.entries(rs?.lastRun?.reasons ?? {}))
      skipped[reason] = (skipped[reason] ?? 0) + n;
  }
  return {
    id: row.id,
    platform,
    platformLabel: PLATFORM_LABELS[platform] ?? row.platform,
    name: row.name,
    baseUrl: row.baseUrl,
    host: hostOf(row.baseUrl),
    status: row.status === 'error' || row.status === 'disabled' ? row.status : 'active',
    lastError: row.lastError,
    lastSuccessAt: row.lastSuccessAt,
    lastSyncStartedAt: row.lastSyncStartedAt,
    createdAt: row.createdAt,
    credentialsSavedAt: state.credentialsSavedAt ? new Date(state.credentialsSavedAt) : row.createdAt,
    keyVersion: row.keyVersion,
    webhookSecretSet: state.webhookSecretSet === true,
    currency: state.store?.currency ?? null,
    items,
    skipped,
    webhookUrl: `${appUrl.replace(/\/+$/, '')}/api/webhooks/${platform}/${row.id}`,
    webhookTopics: WEBHOOK_TOPICS[platform] ?? [],
  };
}

/** The workspace's connections as the Connections page shows them, with their running syncs. */
export async function listConnectionViews(
  db: Db,
  ctx: TenantContext,
  appUrl: string,
): Promise<ConnectionView[]> {
  const [rows, active] = await Promise.all([
    listConnectionRows(db, ctx),
    listJobs(db, ctx, { status: ['queued', 'running'], type: connectionSyncJob.type, limit: 200 }),
  ]);
  const syncs = new Map<string, ConnectionView['sync']>();
  for (const job of active) {
    const id = typeof job.payload.connectionId === 'string' ? job.payload.connectionId : null;
    if (!id || syncs.has(id)) continue;
    syncs.set(id, {
      status: job.status === 'running' ? 'running' : 'queued',
      done: job.progressDone,
      total: job.progressTotal,
      message: job.progressMessage,
    });
  }
  return Promise.all(
    rows.map(async (row) => ({
      ...toView(row, appUrl),
      sync: syncs.get(row.id) ?? null,
      privacyRequests:
        row.platform === 'shopify' ? await listDeliveries(db, ctx, row.id, [...PRIVACY_TOPICS], 10) : [],
    })),
  );
}
