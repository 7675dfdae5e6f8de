import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { parseShopperQuery } from '@/components/shoppers/present';
import { ShopperSearchForm, ShopperTable } from '@/components/shoppers/shopper-list';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatNumber } from '@/lib/format';
import { listShopperCountries } from '@/lib/profiles/queries';
import { countShoppers, listShoppers } from '@/lib/profiles/service';
import { listSegmentChoices } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shoppers' };

export default async function ShoppersPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const tenant = await getTenant(db, ctx);
  if (!tenant) notFound();
  const query = parseShopperQuery(await searchParams);
  const filtered = Boolean(query.q || query.segment || query.kind || query.country);
  const [list, segments, countries] = await Promise.all([
    listShoppers(db, ctx, {
      q: query.q || undefined,
      sort: query.sort || undefined,
      dir: query.dir || undefined,
      segmentId: query.segment || undefined,
      kind: query.kind || undefined,
      country: query.country || undefined,
      page: query.page,
    }),
    listSegmentChoices(db, ctx),
    listShopperCountries(db, ctx),
  ]);
  // Unfiltered, the list's total already tells an empty workspace apart.
  const all = filtered ? await countShoppers(db, ctx) : list.total;

  const header = (
    <PageHeader
      title="Shoppers"
      description="Everyone who bought or browsed: their habits, preferences and predictions. Open a shopper for the full profile."
    />
  );
  if (all === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="No shoppers yet">
            Shoppers appear when orders or behaviour arrive: import customers and orders on{' '}
            <Link href={`/${slug}/import`} className="font-medium text-brand-700 underline">
              Import
            </Link>
            , connect your store on{' '}
            <Link href={`/${slug}/connections`} className="font-medium text-brand-700 underline">
              Connections
            </Link>
            , or{' '}
            <Link href={`/${slug}/install`} className="font-medium text-brand-700 underline">
              install the storefront snippet
            </Link>{' '}
            to collect visits.
          </EmptyState>
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <div className="space-y-6">
        <Card title="Find shoppers">
          <ShopperSearchForm
            slug={slug}
            query={query}
            segments={segments.map((s) => ({ id: s.id, name: s.name, size: s.size }))}
            countries={countries}
          />
        </Card>
        <Card
          title={filtered ? 'Matching shoppers' : 'All shoppers'}
          description={`${formatNumber(list.total, tenant.locale)} ${list.total === 1 ? 'shopper' : 'shoppers'}${filtered ? ` of ${formatNumber(all, tenant.locale)}` : ''}. Scores come from the live prediction models; money is in ${tenant.currency}.`}
        >
          {list.segmentMissing ? (
            <p
              role="status"
              className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
            >
              That segment does not exist in this workspace. Choose another one above.
            </p>
          ) : list.rows.length === 0 ? (
            <EmptyState title="No shoppers match">Try another search or remove a filter.</EmptyState>
          ) : (
            <ShopperTable
              slug={slug}
              query={query}
              list={list}
              currency={tenant.currency}
              locale={tenant.locale}
            />
          )}
        </Card>
      </div>
    </>
  );
}
