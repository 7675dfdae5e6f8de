import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { countAtOrAbove, LISTS, type ListKind } from './lists';

type Bins = { from: number; to: number; count: number }[];

/** Links to the "At risk" and "Ready to buy" lists with how many shoppers each holds at its default threshold. */
export function ListsCard({
  slug,
  churn,
  propensity,
  formatCount,
}: {
  slug: string;
  churn: Bins;
  propensity: Bins;
  formatCount: (n: number) => string;
}) {
  const items: { kind: ListKind; bins: Bins }[] = [
    { kind: 'churn', bins: churn },
    { kind: 'propensity', bins: propensity },
  ];
  return (
    <Card
      title="Act on the predictions"
      description="Shoppers to win back and shoppers to reach now; each list saves as a segment in one click."
    >
      <ul className="grid gap-4 sm:grid-cols-2">
        {items.map(({ kind, bins }) => {
          const list = LISTS[kind];
          const scored = bins.reduce((s, b) => s + b.count, 0);
          const n = countAtOrAbove(bins, list.threshold);
          return (
            <li key={kind} className="rounded-lg p-4 ring-1 ring-slate-200">
              <Link
                href={`/${slug}/predictions/${list.path}`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {list.title}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                {scored === 0
                  ? 'No shoppers scored yet.'
                  : `${formatCount(n ?? 0)} of ${formatCount(scored)} scored shoppers with ${list.scoreHeader.toLowerCase()} of ${Math.round(list.threshold * 100)}% or more.`}
              </p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
