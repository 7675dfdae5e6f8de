import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InstallGuide } from '@/components/snippet/install-guide';
import { WidgetLookForm } from '@/components/snippet/widget-look-form';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { listApiKeys } from '@/lib/apikeys/queries';
import { getPageTenant } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/format';
import { listPlacements } from '@/lib/placements/service';
import { installTexts, publicOrigin } from '@/lib/snippet/install';
import { getStorefrontSettings } from '@/lib/storefront/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Storefront install' };

export default async function InstallPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const canSeeKeys = hasPermission(ctx, 'apikeys.read');
  const [tenant, placements, settings, keys] = await Promise.all([
    getTenant(db, ctx),
    listPlacements(db, ctx),
    getStorefrontSettings(db, ctx),
    canSeeKeys ? listApiKeys(db, ctx) : Promise.resolve([]),
  ]);
  if (!tenant) notFound();
  const h = await headers();
  const origin = publicOrigin(getEnv().APP_URL, h.get('host'), h.get('x-forwarded-proto'));
  const publishable = keys
    .filter((k) => k.kind === 'publishable' && !k.revokedAt)
    .map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, allowedOrigins: k.allowedOrigins }));
  const t = settings.theme;

  return (
    <>
      <PageHeader
        title="Storefront install"
        description="Add Tailor to your shop: one script tag, a marker where each placement shows, and a few calls for cart and order events. Widgets respect your shoppers’ consent, Do Not Track and Global Privacy Control."
      />
      <div className="space-y-6">
        <Card title="Install the snippet" description={`Served from ${origin}.`}>
          {publishable.length > 0 ? (
            <InstallGuide slug={ctx.slug} keys={publishable} texts={installTexts(origin, placements)} />
          ) : (
            <EmptyState
              title={canSeeKeys ? 'No publishable key yet' : 'Ask an owner or admin for a publishable key'}
              action={
                canSeeKeys ? (
                  <Link href={`/${ctx.slug}/api-keys`} className={buttonClass('primary')}>
                    Go to API keys
                  </Link>
                ) : null
              }
            >
              {canSeeKeys
                ? 'Create a publishable key with your shop’s origin (for example https://shop.example.com); the snippet only works from the origins you list.'
                : 'The snippet needs a publishable key, which owners and admins create under API keys.'}
            </EmptyState>
          )}
        </Card>
        <Card
          title="Widget look"
          description="Colours, font and corners of every widget; each placement chooses its own layout."
        >
          {hasPermission(ctx, 'data.write') ? (
            <WidgetLookForm
              slug={ctx.slug}
              price={formatMoney(2499, tenant.currency, tenant.locale)}
              initial={{
                accent: t.accent ?? '',
                text: t.text ?? '',
                background: t.background ?? '',
                font: t.font ?? '',
                radius: t.radius === undefined ? '' : String(t.radius),
                reasons: t.reasons === true,
                defaultTitle: settings.defaultTitle ?? '',
                productUrlTemplate: settings.productUrlTemplate,
              }}
            />
          ) : (
            <p className="text-sm text-slate-600">Your role can view the widget look but not change it.</p>
          )}
        </Card>
      </div>
    </>
  );
}
