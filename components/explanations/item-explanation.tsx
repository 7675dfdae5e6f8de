import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatScore } from '@/components/catalog/present';
import { ShareBar } from '@/components/preview/share-bar';
import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { ExplainedProduct, ItemExplanation, PopularityRank } from '@/lib/recommend/explain/item';

/**
 * Why a product is recommended (Models → Explanations, per item): a plain-language summary, then
 * its collaborative neighbours, bought-together partners, popularity ranks and content look-alikes.
 * Server-renderable; numbers are formatted in `locale`. With `slug`, product names link to them.
 */
export function ItemExplanationPanel({
  explanation: e,
  locale,
  slug,
}: {
  explanation: ItemExplanation;
  locale: string;
  slug?: string;
}) {
  const name = (p: ExplainedProduct) =>
    slug && p.productId ? (
      <Link href={`/${slug}/products/${p.productId}`} className="font-medium text-brand-700 hover:underline">
        {p.title}
      </Link>
    ) : (
      <span className="font-medium text-slate-900">{p.title}</span>
    );
  return (
    <div className="space-y-6">
      <Card
        title={e.product.title}
        description={
          e.model
            ? `Model version ${e.model.version}${e.model.trainedAt ? `, trained ${formatDateTime(e.model.trainedAt, locale)}` : ''}.`
            : 'No recommendation model is trained yet.'
        }
      >
        <p className="text-sm text-slate-700">{summary(e, locale)}</p>
        <p className="mt-2 flex flex-wrap gap-2">
          <Badge color={e.inModel ? 'green' : 'gray'}>
            {e.inModel ? 'In the model' : 'Not in the model'}
          </Badge>
          <Badge color={e.embedded ? 'green' : 'gray'}>{e.embedded ? 'Has a vector' : 'No vector'}</Badge>
        </p>
      </Card>
      {e.popularity ? (
        <Card title="Popularity" description="Where the product ranks among all products with any interest.">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <Rank
              label={`Trending (half-life ${formatNumber(e.popularity.decayed.halfLifeDays, locale)} days)`}
              rank={e.popularity.decayed}
              locale={locale}
            />
            <Rank
              label={`Last ${formatNumber(e.popularity.recent.windowDays, locale)} days`}
              rank={e.popularity.recent}
              locale={locale}
            />
          </dl>
        </Card>
      ) : null}
      <SimilarTable
        title="Shoppers who liked it also liked"
        description="Item-kNN neighbours: the cosine similarity of who interacted with both. A shopper who interacted with one is recommended the others."
        empty={
          e.inModel
            ? 'No neighbours: too few shoppers share it with other products.'
            : 'Train the model to see neighbours.'
        }
        rows={e.neighbours}
        name={name}
        locale={locale}
      />
      <Card
        title="Bought together"
        description="Products in the same orders. Lift above 1 means more often together than chance; confidence is the share of this product’s orders that also hold the partner."
      >
        {e.boughtTogether.length === 0 ? (
          <p className="text-sm text-slate-600">No frequent partners in the trained orders.</p>
        ) : (
          <Table caption="Bought-together partners">
            <thead>
              <tr>
                <Th>Product</Th>
                <Th className="text-right">Lift</Th>
                <Th className="text-right">Confidence</Th>
                <Th className="text-right">Orders together</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {e.boughtTogether.map((p) => (
                <tr key={p.productId}>
                  <Td className="whitespace-normal">{name(p)}</Td>
                  <Td className="text-right tabular-nums">{formatScore(p.lift, locale)}</Td>
                  <Td className="text-right">
                    <ShareBar
                      value={p.confidence}
                      locale={locale}
                      label="confidence"
                      className="justify-end"
                    />
                  </Td>
                  <Td className="text-right tabular-nums">{formatNumber(p.orders, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <SimilarTable
        title="Similar by content"
        description="Nearest products by their text and attributes (product vectors): how new products get recommended before anyone buys them."
        empty={
          e.embedded
            ? 'No other product has a vector yet.'
            : 'This product has no vector yet: run embeddings on Models to compare it by content.'
        }
        rows={e.contentNeighbours}
        name={name}
        locale={locale}
      />
    </div>
  );
}

function summary(e: ItemExplanation, locale: string): string {
  if (!e.inModel)
    return e.embedded
      ? 'The trained model has not seen this product yet: it is recommended by content similarity only until shoppers interact with it and the model is retrained.'
      : 'The trained model has not seen this product and it has no vector: it is only recommended by rules or popularity fallbacks until shoppers interact with it.';
  const parts = [
    `It has ${formatNumber(e.neighbours.length, locale)} collaborative neighbours shown here`,
    `${formatNumber(e.boughtTogether.length, locale)} bought-together partners`,
  ];
  const rank = e.popularity?.decayed.rank;
  if (rank)
    parts.push(
      `and ranks ${formatNumber(rank, locale)} of ${formatNumber(e.popularity!.decayed.of, locale)} by trending`,
    );
  return `${parts.join(', ')}.`;
}

function Rank({ label, rank, locale }: { label: string; rank: PopularityRank; locale: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">
        {rank.rank === null
          ? 'No interest'
          : `#${formatNumber(rank.rank, locale)} of ${formatNumber(rank.of, locale)}`}
      </dd>
    </div>
  );
}

function SimilarTable({
  title,
  description,
  empty,
  rows,
  name,
  locale,
}: {
  title: string;
  description: string;
  empty: string;
  rows: (ExplainedProduct & { similarity: number })[];
  name: (p: ExplainedProduct) => ReactNode;
  locale: string;
}) {
  return (
    <Card title={title} description={description}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <Table caption={title}>
          <thead>
            <tr>
              <Th>Product</Th>
              <Th className="text-right">Similarity</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((p) => (
              <tr key={p.productId}>
                <Td className="whitespace-normal">{name(p)}</Td>
                <Td className="text-right">
                  <ShareBar
                    value={p.similarity}
                    locale={locale}
                    label="similarity"
                    text={formatScore(p.similarity, locale)}
                    className="justify-end"
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
