import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { products } from '@/db/schema';
import { formatMoney } from '@/lib/format';
import { categoryLabel, formatScore, pickLocalized, stockText } from './present';

type ProductRow = typeof products.$inferSelect;

export interface ResultRow {
  product: ProductRow;
  score?: number;
  keywordRank?: number;
  semanticRank?: number;
  similarity?: number;
}

/** Which list found a search hit, in words: "keyword #2 · semantic #5 (0.71)". */
export function foundBy(row: ResultRow, locale: string): string {
  const parts: string[] = [];
  if (row.keywordRank !== undefined) parts.push(`keyword #${row.keywordRank}`);
  if (row.semanticRank !== undefined)
    parts.push(
      `semantic #${row.semanticRank}${row.similarity !== undefined ? ` (${formatScore(row.similarity, locale)})` : ''}`,
    );
  return parts.join(' · ') || '—';
}

/** Products as a table: title (workspace language, else any), brand, category, price, stock, and for searches the score. */
export function ResultsTable({
  slug,
  rows,
  caption,
  locale,
  search,
}: {
  slug: string;
  rows: ResultRow[];
  caption: string;
  /** The workspace's default locale: titles in it first, prices and numbers formatted in it. */
  locale: string;
  /** Show the score and the lists that found each product. */
  search: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {search ? <Th className="w-10 text-right">#</Th> : null}
          <Th>Product</Th>
          <Th>Brand</Th>
          <Th>Category</Th>
          <Th className="text-right">Price</Th>
          <Th>Stock</Th>
          {search ? (
            <>
              <Th className="text-right">Score</Th>
              <Th>Found by</Th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => {
          const p = row.product;
          const title = pickLocalized(p.title, locale);
          const stock = stockText(p.stock, locale);
          return (
            <tr key={p.id}>
              {search ? <Td className="text-right tabular-nums text-slate-500">{i + 1}</Td> : null}
              <Td className="max-w-md whitespace-normal">
                <Link
                  href={`/${slug}/products/${p.id}`}
                  className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700 hover:decoration-brand-500"
                >
                  <span lang={title && title.locale !== locale ? title.locale : undefined}>
                    {title?.text ?? p.externalId}
                  </span>
                </Link>
                <span className="block min-w-44 text-xs text-slate-500">
                  {p.externalId}
                  {title && title.locale !== locale ? ` · title in ${title.locale}` : ''}
                  {p.status !== 'active' ? ` · ${p.status}` : ''}
                </span>
              </Td>
              <Td>{p.brand ?? '—'}</Td>
              <Td className="whitespace-normal">
                {/* min-width does not apply to table cells, only to what is inside them */}
                <span className="block min-w-32">
                  {p.categoryPath.length ? categoryLabel(p.categoryPath) : '—'}
                </span>
              </Td>
              <Td className="text-right tabular-nums">{formatMoney(p.priceMinor, p.currency, locale)}</Td>
              <Td>
                {stock.tone === 'red' ? <Badge color="red">{stock.text}</Badge> : <span>{stock.text}</span>}
              </Td>
              {search ? (
                <>
                  <Td className="text-right tabular-nums">
                    {row.score !== undefined ? formatScore(row.score, locale) : '—'}
                  </Td>
                  <Td className="whitespace-normal text-xs">
                    <span className="block min-w-28">{foundBy(row, locale)}</span>
                  </Td>
                </>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
