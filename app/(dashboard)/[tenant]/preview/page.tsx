import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CounterfactualCard } from '@/components/preview/counterfactual-card';
import { ContextSummary, FoundProducts, ShopperLinks } from '@/components/preview/pickers';
import { PreviewForm } from '@/components/preview/preview-form';
import { parsePreviewQuery } from '@/components/preview/present';
import { ScenarioCard } from '@/components/preview/scenario-card';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getPreview } from '@/lib/recommend/preview';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview' };

export default async function PreviewPage({
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
  const locales = tenant.supportedLocales.length > 0 ? tenant.supportedLocales : [tenant.locale];
  const query = parsePreviewQuery(await searchParams, locales, tenant.locale);
  const preview = await getPreview(db, ctx, {
    shopper: query.shopper,
    item: query.item,
    cart: query.cart,
    locale: query.locale,
    q: query.q,
    segment: query.segment,
    viewed: query.viewed,
  });

  const header = (
    <PageHeader
      title="Preview"
      description="See what a shopper is recommended in every scenario, with the score and every reason behind each product with its share of the score: pick a customer, a product on screen and a cart. For a customer, see how their list would change without each of their latest interactions. Similar items need a product on screen; frequently bought together needs a product or a cart."
    />
  );

  if (preview.empty) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="No products yet">
            Import a product file on{' '}
            <Link href={`/${slug}/import`} className="font-medium text-brand-700 underline">
              Import
            </Link>{' '}
            or connect your store on{' '}
            <Link href={`/${slug}/connections`} className="font-medium text-brand-700 underline">
              Connections
            </Link>
            , then preview recommendations here.
          </EmptyState>
        </Card>
      </>
    );
  }

  const { model } = preview;
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card title="Who and what">
          <div className="space-y-4">
            <PreviewForm slug={slug} query={query} locales={locales} segments={preview.segments} />
            {preview.messages.length > 0 ? (
              <div
                role="status"
                className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
              >
                {preview.messages.map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </div>
            ) : null}
            <ShopperLinks
              slug={slug}
              query={query}
              shoppers={preview.shopper.matches}
              title="Matching shoppers"
            />
            {preview.segment ? (
              <ShopperLinks
                slug={slug}
                query={query}
                shoppers={preview.segment.shoppers}
                title={`Shoppers in ${preview.segment.name}`}
              />
            ) : null}
            <FoundProducts slug={slug} query={query} products={preview.found} cart={preview.cart} />
            {preview.shopper.selected ? null : (
              <ShopperLinks
                slug={slug}
                query={query}
                shoppers={preview.suggestions}
                title="Recent customers"
              />
            )}
          </div>
        </Card>
        <Card
          title="Recommendations"
          description={
            model
              ? `Model version ${model.version}${model.trainedAt ? `, trained ${formatDateTime(model.trainedAt, 'en')}` : ''}.`
              : 'No model is trained yet: the lists fall back to best sellers.'
          }
        >
          <ContextSummary
            slug={slug}
            query={query}
            shopper={preview.shopper.selected}
            item={preview.item}
            cart={preview.cart}
            viewed={preview.viewed}
          />
        </Card>
        <div className="grid gap-6 md:grid-cols-2 2xl:grid-cols-3">
          {preview.scenarios.map((s) => (
            <ScenarioCard
              key={s.id}
              slug={slug}
              scenario={s}
              locale="en"
              contentLocale={query.locale}
              query={query}
              cart={preview.cart.map((p) => p.id)}
            />
          ))}
        </div>
        {preview.counterfactual ? (
          <CounterfactualCard
            slug={slug}
            report={preview.counterfactual}
            locale="en"
            contentLocale={query.locale}
          />
        ) : null}
      </div>
    </>
  );
}
