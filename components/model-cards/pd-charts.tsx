import type { PartialDependenceCurve } from '@/lib/predict/card/types';
import { formatPercent } from '@/components/predictions/present';

/**
 * Partial-dependence small multiples (server-rendered SVG): per feature the average predicted
 * probability while that feature is set to each value, all on one probability scale so the
 * curves compare. Each chart has an accessible name and a visually hidden table of its points.
 */
export function PartialDependenceCharts({
  curves,
  format,
}: {
  curves: readonly PartialDependenceCurve[];
  /** Formats a grid value of a curve's feature for axis labels and the table. */
  format: (curve: PartialDependenceCurve, value: number) => string;
}) {
  const all = curves.flatMap((c) => c.points.map((p) => p.mean));
  const lo = Math.max(0, Math.min(...all) - 0.02);
  const hi = Math.min(1, Math.max(...all) + 0.02);
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Partial dependence per feature">
      {curves.map((c) => (
        <li key={c.key}>
          <Curve curve={c} lo={lo} hi={hi} format={(v) => format(c, v)} />
        </li>
      ))}
    </ul>
  );
}

function Curve({
  curve,
  lo,
  hi,
  format,
}: {
  curve: PartialDependenceCurve;
  lo: number;
  hi: number;
  format: (v: number) => string;
}) {
  const w = 240;
  const h = 140;
  const pad = { l: 36, r: 8, t: 8, b: 22 };
  const n = curve.points.length;
  // Grid values are quantiles: spacing them evenly keeps skewed features (days, money) readable.
  const x = (i: number) => pad.l + (i / Math.max(1, n - 1)) * (w - pad.l - pad.r);
  const y = (p: number) => pad.t + (1 - (p - lo) / Math.max(1e-9, hi - lo)) * (h - pad.t - pad.b);
  const first = curve.points[0];
  const last = curve.points[n - 1];
  const summary =
    first && last
      ? `${curve.label}: average prediction ${formatPercent(first.mean)} at ${format(first.value)}, ${formatPercent(last.mean)} at ${format(last.value)}`
      : curve.label;
  return (
    <figure>
      <figcaption className="mb-1 text-xs font-medium text-slate-700">{curve.label}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} className="h-auto w-full" role="img" aria-label={summary}>
        {[lo, (lo + hi) / 2, hi].map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={w - pad.r} y1={y(t)} y2={y(t)} className="stroke-slate-100" />
            <text x={pad.l - 4} y={y(t) + 3} textAnchor="end" className="fill-slate-500 text-[9px]">
              {formatPercent(t)}
            </text>
          </g>
        ))}
        {first ? (
          <text x={x(0)} y={h - 6} className="fill-slate-500 text-[9px]">
            {format(first.value)}
          </text>
        ) : null}
        {last ? (
          <text x={x(n - 1)} y={h - 6} textAnchor="end" className="fill-slate-500 text-[9px]">
            {format(last.value)}
          </text>
        ) : null}
        <polyline
          points={curve.points.map((p, i) => `${x(i)},${y(p.mean)}`).join(' ')}
          fill="none"
          className="stroke-brand-500"
          strokeWidth={2}
          strokeLinejoin="round"
        />
        {curve.points.map((p, i) => (
          <circle key={p.value} cx={x(i)} cy={y(p.mean)} r={2.5} className="fill-brand-600">
            <title>{`${format(p.value)}: ${formatPercent(p.mean)}`}</title>
          </circle>
        ))}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{`${curve.label}: average predicted probability per value (${curve.sample} shoppers)`}</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Average prediction</th>
            </tr>
          </thead>
          <tbody>
            {curve.points.map((p) => (
              <tr key={p.value}>
                <td>{format(p.value)}</td>
                <td>{formatPercent(p.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
