import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConnectStoreForm } from '@/components/connections/connect-store-form';
import { SHOPIFY_FORM, WOO_FORM } from '@/components/connections/platform-forms';
import { ConnectionPanel } from '@/components/connections/connection-panel';
import { presentConnection } from '@/components/connections/present';
import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listConnectionViews } from '@/lib/connectors/views';
import { getEnv } from '@/lib/env';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'workspace.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, views] = await Promise.all([
    getTenant(db, ctx),
    listConnectionViews(db, ctx, getEnv().appUrl),
  ]);
  if (!tenant) notFound();
  const now = Date.now();
  const cards = views.map((v) =>
    presentConnection(v, { now, locale: tenant.locale, timeZone: tenant.timeZone }),
  );
  const can = { manage: hasPermission(ctx, 'settings.update'), sync: hasPermission(ctx, 'jobs.run') };
  const syncing = views.some((v) => v.sync !== null);

  return (
    <>
      <PageHeader
        title="Connections"
        description="Connect your online store: Tailor imports its products, customers and orders, then keeps them up to date every hour and live through webhooks."
      />
      <div className="space-y-6">
        <Card title="Connected stores" actions={<AutoRefresh active={syncing} />}>
          {cards.length === 0 ? (
            <EmptyState title="No store connected yet">
              {can.manage
                ? 'Connect your Shopify or WooCommerce store below. The first sync imports everything; after that only changes are read.'
                : 'Ask an owner or admin of this workspace to connect the Shopify or WooCommerce store.'}
            </EmptyState>
          ) : (
            <div className="space-y-4">
              {cards.map((card) => (
                <ConnectionPanel key={card.id} card={card} slug={ctx.slug} can={can} />
              ))}
            </div>
          )}
        </Card>
        {can.manage ? (
          <Card
            title="Connect a store"
            description="The credentials are checked with the store, then saved encrypted. They are never shown again."
          >
            <div className="grid gap-8 lg:grid-cols-2">
              <ConnectStoreForm slug={ctx.slug} spec={SHOPIFY_FORM} />
              <ConnectStoreForm slug={ctx.slug} spec={WOO_FORM} />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
