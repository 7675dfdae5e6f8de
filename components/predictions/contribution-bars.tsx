import type { Explanation } from '@/lib/predict/types';
import { contributionView, explanationSentence } from './explain';

/**
 * Why a shopper got a score: each feature's contribution as a bar to the right (raises the
 * score) or left (lowers it), with the shopper's value and the signed figure, then how base and
 * contributions add up to the total. A list, so screen readers read it in order.
 */
export function ContributionBars({
  explanation,
  label,
  format,
  formatPlain,
}: {
  explanation: Explanation;
  /** Accessible name of the list, e.g. "Why the churn risk is 72%". */
  label: string;
  /** Formats a signed contribution in score units (identity links, e.g. money); default 2 decimals. */
  format?: (v: number) => string;
  /** Formats the base and the total (unsigned) in score units. */
  formatPlain?: (v: number) => string;
}) {
  const view = contributionView(explanation, { format, formatPlain });
  const up = explanation.kind === 'churn' ? 'raises the risk' : 'raises the score';
  const down = explanation.kind === 'churn' ? 'lowers the risk' : 'lowers the score';
  // More churn risk is bad news (red); for the other kinds a higher score is not.
  const upColor = explanation.kind === 'churn' ? 'bg-red-500' : 'bg-brand-500';
  const downColor = explanation.kind === 'churn' ? 'bg-emerald-500' : 'bg-slate-400';
  return (
    <div className="space-y-2">
      <ul aria-label={label} className="space-y-1.5">
        {view.bars.map((b) => {
          const positive = b.contribution >= 0;
          return (
            <li
              key={b.feature}
              className="grid grid-cols-[minmax(8rem,14rem)_1fr_4rem] items-center gap-3 text-xs"
            >
              <span className="text-slate-700">
                {b.label} <span className="text-slate-500">({b.value})</span>
              </span>
              <span className="grid grid-cols-2" aria-hidden="true">
                <span className="flex justify-end border-r border-slate-300">
                  {positive ? null : (
                    <span className={`h-3 rounded-l-sm ${downColor}`} style={{ width: `${b.widthPct}%` }} />
                  )}
                </span>
                <span className="flex">
                  {positive ? (
                    <span className={`h-3 rounded-r-sm ${upColor}`} style={{ width: `${b.widthPct}%` }} />
                  ) : null}
                </span>
              </span>
              <span className="text-right tabular-nums text-slate-800">
                {b.text}
                <span className="sr-only"> ({positive ? up : down})</span>
              </span>
            </li>
          );
        })}
        {view.rest ? (
          <li className="grid grid-cols-[minmax(8rem,14rem)_1fr_4rem] items-center gap-3 text-xs">
            <span className="text-slate-600">{view.rest.count} other features</span>
            <span aria-hidden="true" />
            <span className="text-right tabular-nums text-slate-800">{view.rest.text}</span>
          </li>
        ) : null}
      </ul>
      <p className="text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className={`h-2 w-2 rounded-sm ${upColor}`} /> {up}
        </span>{' '}
        ·{' '}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className={`h-2 w-2 rounded-sm ${downColor}`} /> {down}
        </span>
      </p>
      <p className="text-xs text-slate-700">
        {explanationSentence(explanation, view)}
        {Math.abs(view.gap) > 1e-6 * Math.max(1, Math.abs(explanation.total))
          ? ` The contributions miss the total by ${view.gap.toFixed(4)}.`
          : ''}
      </p>
    </div>
  );
}
