import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { languageLabel } from '@/components/catalog/present';
import { ShopperPredictions } from '@/components/predictions/shopper-predictions';
import { ShopperConsentPanel } from '@/components/privacy/consent-panel';
import { shopperLabel } from '@/components/shoppers/present';
import { InterestProducts, ShopperTimeline } from '@/components/shoppers/profile-activity';
import { ShopperHabits, ShopperPreferences } from '@/components/shoppers/profile-habits';
import { ShopperFacts, ShopperRfm } from '@/components/shoppers/profile-summary';
import { Badge, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatRelative } from '@/lib/format';
import { getShopperProfile, getShopperTimeline, interestNeighbours } from '@/lib/profiles/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shopper' };

export default async function ShopperPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, view] = await Promise.all([getTenant(db, ctx), getShopperProfile(db, ctx, id)]);
  // Another workspace's shopper (or no shopper at all) is simply not found.
  if (!tenant || !view) notFound();
  const tl = Number.parseInt(String((await searchParams).tl ?? '1'), 10);
  const [timeline, neighbours] = await Promise.all([
    getShopperTimeline(db, ctx, view.shopper.id, Number.isFinite(tl) ? tl : 1),
    interestNeighbours(db, ctx, view.profile, 8),
  ]);
  const { locale, timeZone, currency } = tenant;
  const name = shopperLabel(view.shopper);

  return (
    <>
      <PageHeader
        title={name}
        description={
          <>
            {view.shopper.kind === 'customer' ? 'Customer' : 'Anonymous visitor'}
            {view.shopper.country ? ` · ${view.shopper.country}` : ''} · profile updated{' '}
            {formatRelative(view.profile.computedAt, Date.now(), locale)} ·{' '}
            <Link href={`/${slug}/shoppers`} className="text-brand-700 underline">
              all shoppers
            </Link>
          </>
        }
        actions={
          view.profile.cluster !== null ? (
            <Badge color="gray">Cluster {view.profile.cluster + 1}</Badge>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-2">
          <ShopperFacts view={view} locale={locale} timeZone={timeZone} />
          <ShopperRfm view={view} currency={currency} locale={locale} />
        </div>
        <ShopperPredictions ctx={ctx} shopperId={view.shopper.id} />
        <ShopperConsentPanel ctx={ctx} shopperId={view.shopper.id} locale={locale} timeZone={timeZone} />
        <ShopperHabits details={view.profile.details} currency={currency} locale={locale} />
        <ShopperPreferences
          details={view.profile.details}
          priceBand={view.profile.priceBand}
          languageName={languageLabel}
        />
        <InterestProducts
          slug={slug}
          items={neighbours}
          interest={view.profile.details.interest}
          locale={locale}
        />
        {timeline ? (
          <ShopperTimeline
            slug={slug}
            shopperId={view.shopper.id}
            items={timeline.items}
            page={timeline.page}
            hasMore={timeline.hasMore}
            locale={locale}
            timeZone={timeZone}
          />
        ) : null}
      </div>
    </>
  );
}
