import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { products } from '@/db/schema';
import { formatMoney } from '@/lib/format';
import { formatScore, pickLocalized, skipReasonText } from './present';

type ProductRow = typeof products.$inferSelect;

export type EmbeddingStateView =
  | { state: 'embedded'; space: string; label: string; when: string; stale: boolean }
  | { state: 'skipped'; reason: string }
  | { state: 'waiting'; running: boolean };

/** Whether and where the product is embedded, in one short paragraph. */
export function EmbeddingState({ view, modelsHref }: { view: EmbeddingStateView; modelsHref: string }) {
  switch (view.state) {
    case 'embedded':
      return (
        <div className="space-y-1 text-sm text-slate-700">
          <p>
            <Badge color={view.stale ? 'amber' : 'green'}>{view.stale ? 'Outdated' : 'Embedded'}</Badge>{' '}
            Embedded in space <code className="text-slate-900">{view.space}</code> ({view.label}) {view.when}.
          </p>
          {view.stale ? (
            <p className="text-xs text-slate-600">
              The text changed since; the next embedding run updates the vector.
            </p>
          ) : null}
        </div>
      );
    case 'skipped':
      return (
        <p className="text-sm text-slate-700">
          <Badge color="gray">Skipped</Badge> Not embedded because {skipReasonText(view.reason)}. It cannot
          appear in semantic results or as a neighbour until it has text.
        </p>
      );
    default:
      return (
        <p className="text-sm text-slate-700">
          <Badge color="blue">Waiting</Badge>{' '}
          {view.running
            ? 'An embedding run is in progress; this product will be embedded shortly.'
            : 'Not embedded yet: it will be in the next embedding run.'}{' '}
          <Link href={modelsHref} className="font-medium text-brand-700 underline">
            See Models
          </Link>
        </p>
      );
  }
}

export interface NeighbourView {
  product: ProductRow;
  similarity: number;
}

/** Nearest neighbours with their cosine similarity as a bar and a number, most similar first. */
export function NeighboursList({
  slug,
  hits,
  locale,
}: {
  slug: string;
  hits: NeighbourView[];
  locale: string;
}) {
  return (
    <ol className="space-y-2" aria-label="Most similar products, most similar first">
      {hits.map((h) => {
        const title = pickLocalized(h.product.title, locale);
        const share = Math.max(0, Math.min(1, h.similarity));
        return (
          <li key={h.product.id} className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 text-sm">
            <span className="min-w-0">
              <Link
                href={`/${slug}/products/${h.product.id}`}
                className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-brand-700"
              >
                <span lang={title && title.locale !== locale ? title.locale : undefined}>
                  {title?.text ?? h.product.externalId}
                </span>
              </Link>
              <span className="block truncate text-xs text-slate-500">
                {[
                  h.product.brand,
                  h.product.categoryPath.at(-1),
                  formatMoney(h.product.priceMinor, h.product.currency, locale),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <span className="inline-flex items-center gap-2 tabular-nums">
              <span aria-hidden="true" className="inline-block h-2 w-28 overflow-hidden rounded bg-slate-100">
                <span
                  className="block h-full bg-brand-500"
                  style={{ width: `${Math.round(share * 100)}%` }}
                />
              </span>
              <span>
                <span className="sr-only">similarity </span>
                {formatScore(h.similarity, locale)}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
