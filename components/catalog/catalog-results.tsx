import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import type { SearchMode } from '@/lib/search/types';
import { type CatalogQuery, SEARCH_MODES, catalogHref, hasFilters, languageLabel, nextK } from './present';
import { type ResultRow, ResultsTable } from './results-table';

const linkClass = 'font-medium text-brand-700 underline';

const SCORE_NOTES = {
  hybrid: 'reciprocal-rank fusion of both lists (higher is better; a product found high in both lists wins).',
  semantic: 'cosine similarity between the query and the product text (1 = same direction).',
  keyword: 'full-text rank of the query words in the product texts.',
} as const;

/** Search hits, ranked, with "Show more" and what to try when nothing matched. */
export function SearchResults({
  slug,
  query,
  mode: answered,
  rows,
  locale,
}: {
  slug: string;
  query: CatalogQuery;
  /** The mode that answered (semantic falls back to keyword while nothing is embedded). */
  mode: SearchMode;
  rows: ResultRow[];
  locale: string;
}) {
  if (rows.length === 0) {
    const filtered = hasFilters(query);
    return (
      <EmptyState title={`No products match “${query.q}”`}>
        <ul className="mt-2 space-y-1">
          {query.mode !== 'keyword' ? (
            <li>
              Try{' '}
              <Link href={catalogHref(slug, query, { mode: 'keyword', k: '' })} className={linkClass}>
                keyword mode
              </Link>{' '}
              to match the exact words in any language.
            </li>
          ) : (
            <li>
              Try{' '}
              <Link href={catalogHref(slug, query, { mode: '', k: '' })} className={linkClass}>
                hybrid mode
              </Link>
              , which also finds similar words and spellings.
            </li>
          )}
          {filtered ? (
            <li>
              Use fewer filters:{' '}
              <Link href={catalogHref(slug, { q: query.q, mode: query.mode })} className={linkClass}>
                search without filters
              </Link>
              .
            </li>
          ) : (
            <li>Use fewer or more general words, or check the spelling.</li>
          )}
        </ul>
      </EmptyState>
    );
  }
  const more = rows.length >= query.k ? nextK(query.k) : null;
  const mode = SEARCH_MODES.find((m) => m.value === answered)?.label ?? answered;
  const score = SCORE_NOTES[answered];
  return (
    <div className="space-y-4">
      <ResultsTable
        slug={slug}
        rows={rows}
        caption={`Search results for “${query.q}” (${mode}), best first`}
        locale={locale}
        search
      />
      <p className="text-xs text-slate-600">
        Score: {score} “Found by” gives each product’s rank in the keyword and semantic lists (with its cosine
        similarity).
      </p>
      {more ? (
        <Link href={catalogHref(slug, query, { k: String(more) })} className={buttonClass('secondary')}>
          Show {more} results
        </Link>
      ) : null}
    </div>
  );
}

/** One page of the catalog (no query), with "Next page" (keyset) and what to do when it is empty. */
export function CatalogList({
  slug,
  query,
  rows,
  nextCursor,
  locale,
}: {
  slug: string;
  query: CatalogQuery;
  rows: ResultRow[];
  nextCursor: string | null;
  locale: string;
}) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No products match these filters">
        {query.missing ? `Every product has a ${languageLabel(query.missing)} title. ` : ''}
        <Link href={`/${slug}/products`} className={linkClass}>
          Clear the filters
        </Link>{' '}
        or choose fewer of them.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <ResultsTable slug={slug} rows={rows} caption="Products" locale={locale} search={false} />
      <nav aria-label="Pages" className="flex items-center gap-3">
        {query.cursor ? (
          <Link href={catalogHref(slug, query, { cursor: '' })} className={buttonClass('secondary')}>
            First page
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={catalogHref(slug, query, { cursor: nextCursor })} className={buttonClass('secondary')}>
            Next page
          </Link>
        ) : (
          <p className="text-sm text-slate-600">End of the list.</p>
        )}
      </nav>
    </div>
  );
}
