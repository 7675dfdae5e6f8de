import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmbeddingState, NeighboursList } from '@/components/catalog/neighbours';
import { categoryLabel, languageLabel, pickLocalized } from '@/components/catalog/present';
import { ProductAttributes, ProductFacts, ProductImages } from '@/components/catalog/product-details';
import { ProductTexts } from '@/components/catalog/product-texts';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getProduct } from '@/lib/catalog/queries';
import { getProductEmbedding } from '@/lib/embeddings/service';
import { formatDateTime, formatRelative } from '@/lib/format';
import { similarProducts } from '@/lib/search/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, product] = await Promise.all([getTenant(db, ctx), getProduct(db, ctx, id)]);
  if (!tenant || !product) notFound();
  const { locale, timeZone } = tenant;
  const [embedding, similar] = await Promise.all([
    getProductEmbedding(db, ctx, product.id),
    similarProducts(db, ctx, product.id, { k: 10 }),
  ]);
  const title = pickLocalized(product.title, locale);
  const titleText = title?.text ?? product.externalId;

  // Locales in the workspace's order, then any other locale the product has text or analysis in.
  const order = [tenant.locale, ...tenant.supportedLocales];
  const keys = new Set([
    ...Object.keys(product.title),
    ...Object.keys(product.description),
    ...Object.keys(embedding.languages),
  ]);
  const locales = [...keys].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const texts = locales
    .map((l) => {
      const detected = embedding.languages[l] ?? null;
      return {
        locale: l,
        name: languageLabel(l),
        title: product.title[l]?.trim() || null,
        description: product.description[l]?.trim() || null,
        detected,
        detectedName: detected?.language ? languageLabel(detected.language) : null,
      };
    })
    .filter((t) => t.title || t.description);

  return (
    <>
      <PageHeader
        title={titleText}
        description={
          <>
            {[product.brand, product.categoryPath.length ? categoryLabel(product.categoryPath) : null]
              .filter(Boolean)
              .join(' · ')}
            {product.brand || product.categoryPath.length ? ' · ' : ''}
            <Link href={`/${slug}/products`} className="text-brand-700 underline">
              all products
            </Link>
          </>
        }
        actions={product.status !== 'active' ? <Badge color="gray">{product.status}</Badge> : undefined}
      />
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="Details">
            <ProductFacts product={product} locale={locale} timeZone={timeZone} />
          </Card>
          <div className="space-y-6">
            <Card title="Attributes">
              <ProductAttributes attributes={product.attributes} locale={locale} />
            </Card>
            <Card title="Images">
              <ProductImages urls={product.imageUrls} title={titleText} />
            </Card>
          </div>
        </div>
        <Card
          title="Texts and languages"
          description="Titles and descriptions per locale, with the language detected in each (a warning where it differs from the locale or the text is too short to tell)."
        >
          <ProductTexts texts={texts} locale={locale} />
        </Card>
        <Card title="Embedding">
          <EmbeddingState
            modelsHref={`/${slug}/models`}
            view={
              embedding.skipReason
                ? { state: 'skipped', reason: embedding.skipReason }
                : embedding.embeddedAt
                  ? {
                      state: 'embedded',
                      space: embedding.space,
                      label: embedding.label,
                      when: `${formatRelative(embedding.embeddedAt, Date.now(), locale)} (${formatDateTime(embedding.embeddedAt, locale, timeZone)})`,
                      stale: embedding.stale,
                    }
                  : { state: 'waiting', running: embedding.running }
            }
          />
        </Card>
        <Card
          title="Similar products"
          description={
            similar.embedder
              ? `Nearest neighbours by cosine similarity (1 = same direction) with ${similar.embedder.label}.`
              : undefined
          }
        >
          {similar.hits.length ? (
            <NeighboursList slug={slug} hits={similar.hits} locale={locale} />
          ) : (
            <EmptyState title="No neighbours yet">{similar.notice}</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
