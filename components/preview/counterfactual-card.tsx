import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { CounterfactualProduct, CounterfactualReport } from '@/lib/recommend/explain/service';
import { SCENARIOS } from '@/lib/recommend/scenarios';

/**
 * "Without this event the list would be …": per history product of the shopper, which products
 * would leave the live list (at their place) and which would enter (at their new place).
 */
export function CounterfactualCard({
  slug,
  report,
  locale,
  contentLocale,
}: {
  slug: string;
  report: CounterfactualReport;
  locale: string;
  contentLocale: string;
}) {
  const label = SCENARIOS[report.scenario].label;
  return (
    <Card
      title="What if an interaction had not happened"
      description={`The “${label}” list (${report.k} products) recomputed as if the shopper had never interacted with each of their latest products, one at a time: products that would leave the list and products that would enter it. The model is not changed.`}
    >
      <section aria-label="Counterfactuals" data-testid="counterfactuals">
        {report.note ? (
          <p role="status" className="text-sm text-slate-700">
            {report.note}
          </p>
        ) : report.changes.length === 0 ? (
          <p className="text-sm text-slate-600">The shopper has no history in the trained model.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {report.changes.map((c) => (
              <li key={c.removed.productId} className="py-3 first:pt-0 last:pb-0">
                <h3 className="text-sm font-medium text-slate-900">
                  Without{' '}
                  <Link
                    href={`/${slug}/products/${c.removed.productId}`}
                    className="text-brand-700 hover:underline"
                  >
                    <span lang={contentLocale}>{c.removed.title}</span>
                  </Link>
                  <span className="font-normal text-slate-600">
                    {c.removed.lastPurchaseAt
                      ? ` (bought ${formatDate(c.removed.lastPurchaseAt, locale)})`
                      : ' (viewed or carted)'}
                  </span>
                </h3>
                {c.unchanged ? (
                  <p className="mt-1 text-sm text-slate-600">The list would stay the same.</p>
                ) : c.left.length === 0 && c.entered.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600">Same products, in a different order.</p>
                ) : (
                  <div className="mt-1 grid gap-3 sm:grid-cols-2">
                    <Moves
                      title="Would leave the list"
                      items={c.left}
                      slug={slug}
                      sign="−"
                      lang={contentLocale}
                    />
                    <Moves
                      title="Would enter the list"
                      items={c.entered}
                      slug={slug}
                      sign="+"
                      lang={contentLocale}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

function Moves({
  title,
  items,
  slug,
  sign,
  lang,
}: {
  title: string;
  items: CounterfactualProduct[];
  slug: string;
  sign: '+' | '−';
  lang: string;
}) {
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {items.map((p) => (
            <li key={p.productId} className="flex gap-2">
              <span
                className={`w-10 shrink-0 leading-6 tabular-nums ${sign === '+' ? 'text-emerald-700' : 'text-red-700'}`}
                aria-hidden="true"
              >
                {sign} #{p.position}
              </span>
              <Link
                href={`/${slug}/products/${p.productId}`}
                // A 24 px line: the product links sit close together (WCAG target size).
                className="block min-w-0 truncate leading-6 text-brand-700 hover:underline"
              >
                <span className="sr-only">
                  {sign === '+' ? `Enters at position ${p.position}: ` : `Leaves position ${p.position}: `}
                </span>
                <span lang={lang}>{p.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
