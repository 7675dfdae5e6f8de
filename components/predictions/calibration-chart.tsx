import type { CalibrationBin } from '@/lib/predict/types';
import { formatPercent } from './present';

/**
 * A calibration curve (server-rendered SVG): mean predicted probability per bin against the
 * observed rate, beside the diagonal of perfect calibration. Points above the diagonal mean the
 * model under-predicts. The figures are repeated in a visually hidden table for screen readers.
 */
export function CalibrationChart({
  bins,
  label,
  size = 260,
}: {
  bins: readonly CalibrationBin[];
  /** Accessible name of the chart and caption of its table. */
  label: string;
  size?: number;
}) {
  const pad = 32;
  const inner = size - pad - 12;
  const x = (p: number) => pad + Math.min(1, Math.max(0, p)) * inner;
  const y = (p: number) => 12 + inner - Math.min(1, Math.max(0, p)) * inner;
  const shown = bins.filter((b) => b.count > 0);
  const maxCount = Math.max(1, ...shown.map((b) => b.count));
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className="w-full max-w-sm">
      <svg viewBox={`0 0 ${size} ${size}`} className="h-auto w-full" role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} className="stroke-slate-100" />
            <text x={pad - 4} y={y(t) + 3} textAnchor="end" className="fill-slate-500 text-[9px]">
              {formatPercent(t)}
            </text>
            <text x={x(t)} y={size - 2} textAnchor="middle" className="fill-slate-500 text-[9px]">
              {formatPercent(t)}
            </text>
          </g>
        ))}
        <line
          x1={x(0)}
          y1={y(0)}
          x2={x(1)}
          y2={y(1)}
          className="stroke-slate-400"
          strokeDasharray="4 3"
          strokeWidth={1}
        />
        {shown.length > 1 ? (
          <polyline
            points={shown.map((b) => `${x(b.predicted)},${y(b.observed)}`).join(' ')}
            fill="none"
            className="stroke-brand-500"
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ) : null}
        {shown.map((b, i) => (
          <circle
            key={i}
            cx={x(b.predicted)}
            cy={y(b.observed)}
            r={2.5 + 3.5 * Math.sqrt(b.count / maxCount)}
            className="fill-brand-600"
          >
            <title>{`Predicted ${formatPercent(b.predicted)}, observed ${formatPercent(b.observed)} (${b.count} shoppers)`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="mt-2 space-y-1 text-xs text-slate-600">
        <span className="flex flex-wrap gap-4">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full bg-brand-600" /> Observed rate per
            bin (dot size: shoppers)
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-0 w-3 border-t border-dashed border-slate-400" /> Perfect
            calibration
          </span>
        </span>
        <span className="block">Horizontal: predicted probability. Vertical: share that actually did.</span>
      </figcaption>
      {/* A table ignores width: 1px, so the visually hidden wrapper is a div (no page overflow). */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Mean predicted</th>
              <th scope="col">Observed</th>
              <th scope="col">Shoppers</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b, i) => (
              <tr key={i}>
                <td>{formatPercent(b.predicted)}</td>
                <td>{formatPercent(b.observed)}</td>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
