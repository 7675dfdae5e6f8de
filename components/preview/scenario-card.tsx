import Link from 'next/link';
import { formatScore } from '@/components/catalog/present';
import { formatMoney } from '@/lib/format';
import type { ScenarioPreview } from '@/lib/recommend/preview';
import { type PreviewQuery, previewHref, viewHref } from './present';
import { ShareBar } from './share-bar';

const CHIP =
  'inline-flex min-h-6 items-center rounded-md px-2 font-medium text-brand-700 ring-1 ring-slate-200 hover:bg-brand-50';

/** One scenario's answer: ranked products with price, score and the reasons behind each. */
export function ScenarioCard({
  slug,
  scenario,
  locale,
  contentLocale,
  query,
  cart = [],
}: {
  slug: string;
  scenario: ScenarioPreview;
  /**
   * The preview's state: with it, each product can be viewed (it becomes the product on screen,
   * the visit grows) or added to the cart, so a session is built by clicking.
   */
  query?: PreviewQuery;
  /** Product ids in the cart (resolved), for "Add to cart". */
  cart?: readonly string[];
  /** Formatting locale for numbers and prices (the dashboard's). */
  locale: string;
  /** The language the titles and reasons were asked in, for screen readers (`lang`). */
  contentLocale: string;
}) {
  const headingId = `scenario-${scenario.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <header className="mb-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {scenario.label}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{scenario.description}</p>
      </header>
      {scenario.error ? (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {scenario.error}
        </p>
      ) : null}
      {scenario.fallback ? (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-950 ring-1 ring-amber-200">
          <span className="font-semibold">Fallback:</span> {scenario.fallback}
        </p>
      ) : null}
      {scenario.items.length === 0 && !scenario.error ? (
        <p className="text-sm text-slate-600">Nothing to recommend here.</p>
      ) : (
        <ol className="space-y-3">
          {scenario.items.map((item, i) => (
            <li
              key={item.productId}
              className="flex gap-3 border-t border-slate-100 pt-3 first:border-0 first:pt-0"
            >
              <span
                className="w-6 shrink-0 text-right text-sm font-semibold tabular-nums text-slate-500"
                aria-hidden="true"
              >
                {i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2">
                  <Link
                    href={`/${slug}/products/${item.productId}`}
                    className="truncate text-sm font-medium text-brand-700 hover:underline"
                  >
                    <span className="sr-only">Rank {i + 1}: </span>
                    <span lang={contentLocale}>{item.title}</span>
                  </Link>
                  <span className="shrink-0 text-sm tabular-nums text-slate-800">
                    {formatMoney(item.price.amountMinor, item.price.currency, locale)}
                  </span>
                </div>
                <p className="text-xs text-slate-500">
                  Score <span className="tabular-nums">{formatScore(item.score, locale)}</span>
                </p>
                {query ? (
                  // Chips of at least 24 px with room around them: touch targets, not words.
                  <p className="mt-1.5 flex flex-wrap items-center gap-2 text-xs">
                    <Link
                      href={viewHref(slug, query, item.productId)}
                      className={CHIP}
                      aria-label={`View ${item.title}: it becomes the product on screen`}
                    >
                      View it
                    </Link>
                    {cart.includes(item.productId) ? (
                      <span className="text-slate-500">In the cart</span>
                    ) : (
                      <Link
                        href={previewHref(slug, query, { cart: [...cart, item.productId] })}
                        className={CHIP}
                        aria-label={`Add ${item.title} to the cart`}
                      >
                        Add to cart
                      </Link>
                    )}
                  </p>
                ) : null}
                {item.reasons?.length ? (
                  <ul
                    className="mt-1.5 space-y-1"
                    aria-label={`Why ${item.title}: reasons and their share of the score`}
                  >
                    {item.reasons.map((r, j) => (
                      <li
                        key={`${r.kind}-${j}`}
                        className="flex items-center justify-between gap-2 text-xs text-slate-700"
                        data-reason={r.kind}
                      >
                        <span lang={contentLocale} className="min-w-0">
                          {r.text}
                        </span>
                        <ShareBar value={r.contribution} locale={locale} label="of the score" />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
