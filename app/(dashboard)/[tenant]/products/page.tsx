import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CatalogList, SearchResults } from '@/components/catalog/catalog-results';
import { EmbedderBadge } from '@/components/catalog/embedder-badge';
import { LanguagesPanel } from '@/components/catalog/languages-section';
import { LIST_LIMIT, parseCatalogQuery } from '@/components/catalog/present';
import { CatalogSearchForm } from '@/components/catalog/search-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { languageMismatches, localeCoverage, searchLanguages } from '@/lib/catalog/coverage';
import { getEmbedderStatus } from '@/lib/embeddings/service';
import { AppError } from '@/lib/errors';
import { formatNumber } from '@/lib/format';
import { listCatalog, searchProducts } from '@/lib/search/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Products' };

export default async function ProductsPage({
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
  const { locale } = tenant;
  const query = parseCatalogQuery(await searchParams, tenant.currency);
  const num = (n: number) => formatNumber(n, locale);

  // The unfiltered first page gives the facets for the form and tells an empty catalog apart.
  const [all, status] = await Promise.all([listCatalog(db, ctx, { limit: 1 }), getEmbedderStatus(db, ctx)]);
  // The languages panel belongs to browsing; searches skip its detection work.
  const languages =
    query.q || all.total === 0
      ? null
      : await Promise.all([
          localeCoverage(db, ctx),
          languageMismatches(db, ctx, { limit: 10 }),
          searchLanguages(db, ctx, { days: 30, sample: 2_000 }),
        ]);

  let error: string | null = null;
  let search: Awaited<ReturnType<typeof searchProducts>> | null = null;
  let list: Awaited<ReturnType<typeof listCatalog>> | null = null;
  try {
    if (query.q) {
      search = await searchProducts(db, ctx, {
        q: query.q,
        k: query.k,
        mode: query.mode,
        filters: query.filters,
      });
    } else {
      list = await listCatalog(db, ctx, {
        filters: query.filters,
        cursor: query.cursor || null,
        limit: LIST_LIMIT,
        sort: query.sort,
      });
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.message;
  }

  const header = (
    <PageHeader
      title="Products"
      description="Search and browse the catalog in every language it is written in: by keyword, by meaning (semantic), or both."
    />
  );

  if (all.total === 0) {
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
            . Products are embedded in the background as they arrive, then they can be searched here.
          </EmptyState>
        </Card>
      </>
    );
  }

  const resultsTitle = search ? 'Search results' : 'All products';
  const resultsDescription = search
    ? `${search.hits.length ? `${num(search.hits.length)} best ${search.hits.length === 1 ? 'match' : 'matches'}` : 'No matches'} for “${query.q}”, ${search.mode} mode, in ${num(Math.round(search.tookMs))} ms.`
    : list
      ? `${num(list.total)} ${list.total === 1 ? 'product' : 'products'}${query.filters && Object.keys(query.filters).length ? ' match the filters' : ' in the catalog'}.`
      : undefined;

  return (
    <>
      {header}
      <div className="space-y-6">
        <EmbedderBadge slug={slug} status={search?.embedder ?? status} />
        <Card title="Search the catalog">
          <CatalogSearchForm
            slug={slug}
            query={query}
            facets={all.facets}
            currency={tenant.currency}
            format={num}
          />
        </Card>
        <Card title={resultsTitle} description={resultsDescription}>
          <div className="space-y-4">
            {query.problems.length || error || search?.notice ? (
              <div
                role="status"
                className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
              >
                {[
                  ...query.problems,
                  ...(error ? [error] : []),
                  ...(search?.notice ? [search.notice] : []),
                ].map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </div>
            ) : null}
            {search ? (
              <SearchResults
                slug={slug}
                query={query}
                mode={search.mode}
                rows={search.hits}
                locale={locale}
              />
            ) : list ? (
              <CatalogList
                slug={slug}
                query={query}
                rows={list.items.map((product) => ({ product }))}
                nextCursor={list.nextCursor}
                locale={locale}
              />
            ) : null}
          </div>
        </Card>
        {languages ? (
          <LanguagesPanel
            slug={slug}
            coverage={languages[0]}
            mismatches={languages[1]}
            shoppers={languages[2]}
            locale={locale}
            format={num}
          />
        ) : null}
      </div>
    </>
  );
}
