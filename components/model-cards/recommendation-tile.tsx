import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { Margin } from '@/lib/recommend/eval/compare';

export interface RecommendationCardView {
  version: number;
  trained: string;
  /** Data the live model learned from: "1 Jan 2025 – 30 Jun 2025", or null when not recorded. */
  window: string | null;
  shoppers: number;
  items: number;
  interactions: number;
  /** The newest offline evaluation's margin of the hybrid over the best baseline, with its date. */
  evaluation: { margin: Margin; protocol: string; cutoff: string } | null;
}

const fixed = (v: number) => v.toFixed(3);

/**
 * The live recommendation model's card in brief: what it learned from and how it did against the
 * best simple baseline on a later period (NDCG@10, paired bootstrap interval of the difference).
 * The full evaluation and the versions are on the Model quality page.
 */
export function RecommendationTile({
  slug,
  view,
  formatCount,
}: {
  slug: string;
  view: RecommendationCardView;
  formatCount: (n: number) => string;
}) {
  const m = view.evaluation?.margin;
  const ahead = m ? m.ci[0] > 0 : false;
  return (
    <article
      className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      aria-label="Recommendations model card"
    >
      <header className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">Recommendations</h2>
        {m ? (
          <Badge color={ahead ? 'green' : 'amber'}>
            {ahead ? 'Beats its baseline' : 'Not clearly ahead'}
          </Badge>
        ) : (
          <Badge>Not evaluated yet</Badge>
        )}
      </header>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">Trained</dt>
        <dd className="text-slate-800">
          {view.trained} (version {view.version})
        </dd>
        {view.window ? (
          <>
            <dt className="text-slate-500">Data window</dt>
            <dd className="text-slate-800">{view.window}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Population</dt>
        <dd className="text-slate-800">
          {formatCount(view.shoppers)} shoppers, {formatCount(view.items)} products,{' '}
          {formatCount(view.interactions)} interactions
        </dd>
        {m && view.evaluation ? (
          <>
            <dt className="text-slate-500">NDCG@10</dt>
            <dd className="text-slate-800">
              <span className="font-semibold tabular-nums">{fixed(m.modelValue)}</span> vs{' '}
              <span className="tabular-nums">{fixed(m.baselineValue)}</span> for {m.baseline} (difference 95%
              CI {fixed(m.ci[0])}–{fixed(m.ci[1])}; {view.evaluation.protocol} split at{' '}
              {view.evaluation.cutoff})
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-auto pt-4">
        <Link href={`/${slug}/model-quality`} className="text-sm font-medium text-brand-700 underline">
          Full evaluation and versions on Model quality
        </Link>
      </p>
    </article>
  );
}
