import { niceCeiling } from '@/components/ui/bar-chart';

export interface IntervalPoint {
  label: string;
  /** Point estimate (posterior mean, rate or lift). */
  value: number;
  /** 95 % credible interval. */
  low: number;
  high: number;
  /** Drawn in the accent colour (the control, or the leading arm). */
  accent?: boolean;
}

/**
 * Estimates with their 95 % intervals as horizontal whiskers on one shared scale (SVG,
 * server-rendered). When the scale crosses zero (lifts) a zero line is drawn. The figures are
 * repeated in a visually hidden table for screen readers.
 */
export function IntervalChart({
  data,
  label,
  format,
  labelHeader = 'Creative',
  width = 640,
}: {
  data: readonly IntervalPoint[];
  label: string;
  format: (v: number) => string;
  labelHeader?: string;
  width?: number;
}) {
  const row = 28;
  const pad = { left: 150, right: 70, top: 8, bottom: 8 };
  const height = pad.top + pad.bottom + row * Math.max(1, data.length);
  const finite = data.flatMap((d) => [d.low, d.high, d.value]).filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(lo < 0 ? 0 : niceCeiling(finite), ...finite);
  const span = hi - lo || 1;
  const x = (v: number) => pad.left + ((v - lo) / span) * (width - pad.left - pad.right);
  const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={label}>
        {lo < 0 ? (
          <line
            x1={x(0)}
            x2={x(0)}
            y1={pad.top}
            y2={height - pad.bottom}
            className="stroke-slate-300"
            strokeDasharray="3 3"
          />
        ) : null}
        {data.map((d, i) => {
          const y = pad.top + i * row + row / 2;
          const colour = d.accent ? 'fill-amber-500 stroke-amber-500' : 'fill-brand-600 stroke-brand-600';
          return (
            <g key={d.label}>
              <text x={pad.left - 8} y={y + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
                {short(d.label)}
              </text>
              <line x1={x(d.low)} x2={x(d.high)} y1={y} y2={y} strokeWidth={2} className={colour} />
              <line x1={x(d.low)} x2={x(d.low)} y1={y - 5} y2={y + 5} strokeWidth={2} className={colour} />
              <line x1={x(d.high)} x2={x(d.high)} y1={y - 5} y2={y + 5} strokeWidth={2} className={colour} />
              <circle cx={x(d.value)} cy={y} r={4.5} className={colour}>
                <title>{`${d.label}: ${format(d.value)} (95 % interval ${format(d.low)} to ${format(d.high)})`}</title>
              </circle>
              <text x={width - pad.right + 6} y={y + 4} className="fill-slate-600 text-[11px]">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">Estimate</th>
              <th scope="col">95 % interval</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td>{format(d.value)}</td>
                <td>
                  {format(d.low)} to {format(d.high)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
