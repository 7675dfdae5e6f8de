import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ItemExplanations } from '@/components/explanations/item-explanations';
import { explanationsHref, parseExplanationsQuery } from '@/components/explanations/present';
import { ShopperExplanations } from '@/components/explanations/shopper-explanations';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { loadShopperExplanations } from '@/lib/explain/view';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Explanations' };

const TABS = [
  { id: 'shopper', label: 'Per shopper' },
  { id: 'item', label: 'Per item' },
] as const;

export default async function ExplanationsPage({
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
  const query = parseExplanationsQuery(await searchParams);
  const view =
    query.tab === 'shopper'
      ? await loadShopperExplanations(db, ctx, {
          ref: query.shopper,
          placement: query.placement,
          locale: tenant.locale,
        })
      : null;

  return (
    <>
      <PageHeader
        title="Explanations"
        description="Why a shopper gets their churn risk, purchase propensity and customer value, and why a product is recommended. Each score starts from the typical shopper and moves up or down by what is different about this shopper; the steps add up exactly to the score. Recommendations list their reasons with each reason’s share of the item’s score."
      />
      <nav aria-label="Explanation views" className="mb-6 flex gap-2 border-b border-slate-200">
        {TABS.map((t) => {
          const current = query.tab === t.id;
          return (
            <Link
              key={t.id}
              href={explanationsHref(slug, t.id === 'item' ? { view: 'item' } : {})}
              aria-current={current ? 'page' : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                current
                  ? 'border-brand-600 text-brand-700'
                  : 'border-transparent text-slate-600 hover:text-slate-900'
              }`}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      {view ? (
        <ShopperExplanations
          slug={slug}
          view={view}
          query={query}
          currency={tenant.currency}
          locale={tenant.locale}
        />
      ) : (
        <ItemExplanations ctx={ctx} product={query.product} locale={tenant.locale} />
      )}
    </>
  );
}
