import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DefaultsOffer } from '@/components/placements/defaults-offer';
import { PlacementsTable } from '@/components/placements/placements-table';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { listPlacements } from '@/lib/placements/service';
import { listSegmentOptions } from '@/lib/segments/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Placements' };

export default async function PlacementsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, placements] = await Promise.all([getTenant(db, ctx), listPlacements(db, ctx)]);
  if (!tenant) notFound();
  const canWrite = hasPermission(ctx, 'data.write');

  return (
    <>
      <PageHeader
        title="Placements"
        description="Each placement is a recommendation slot of your storefront: what it recommends, how many products, its title and the rules applied after scoring. The API and the storefront snippet ask for a placement by its key."
        actions={
          canWrite && placements.length > 0 ? (
            <Link href={`/${ctx.slug}/placements/new`} className={buttonClass('primary')}>
              New placement
            </Link>
          ) : null
        }
      />
      <Card>
        {placements.length === 0 ? (
          <EmptyState
            title="No placements yet"
            action={
              canWrite ? (
                <div className="flex flex-col items-center gap-3">
                  <DefaultsOffer slug={ctx.slug} />
                  <Link
                    href={`/${ctx.slug}/placements/new`}
                    className="text-sm text-brand-700 hover:underline"
                  >
                    Or create one from scratch
                  </Link>
                </div>
              ) : null
            }
          >
            {canWrite
              ? 'Start with the defaults — For you on the home page, Similar items on product pages, Frequently bought together in the cart, Trending and Buy again — and adjust them later.'
              : 'Ask an owner, admin or marketer of this workspace to create placements.'}
          </EmptyState>
        ) : (
          // The dashboard is in English, so the rule sentences are too; prices in the workspace currency.
          <PlacementsTable
            slug={ctx.slug}
            placements={placements}
            locale="en"
            currency={tenant.currency}
            canWrite={canWrite}
            segmentNames={Object.fromEntries(
              (await listSegmentOptions(await getDb(), ctx)).map((s) => [s.id, s.name]),
            )}
          />
        )}
      </Card>
    </>
  );
}
