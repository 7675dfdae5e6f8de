import { formatPercent } from '@/components/predictions/present';
import { niceCeiling } from '@/components/ui/bar-chart';
import { FOUR_FIFTHS, type GroupMetrics } from '@/lib/fairness/predictions/metrics';

/**
 * Selection rate and true-positive rate per group (server-rendered SVG), with the four-fifths
 * line: 80 % of the highest selection rate among the groups large enough to judge. A group whose
 * selection bar ends left of the line fails the four-fifths rule. Small groups are drawn pale.
 * The figures are repeated in the table beside the chart, so the SVG carries only a summary.
 */
export function ParityChart({ groups, label }: { groups: readonly GroupMetrics[]; label: string }) {
  const judged = groups.filter((g) => g.judgeable);
  const top = niceCeiling(groups.flatMap((g) => [g.selectionRate, g.tpr ?? 0]));
  const line = judged.length >= 2 ? FOUR_FIFTHS * Math.max(...judged.map((g) => g.selectionRate)) : null;
  const row = 34;
  const left = 120;
  const width = 560;
  const inner = width - left - 16;
  const height = groups.length * row + 28;
  const x = (v: number) => left + (Math.min(top, Math.max(0, v)) / top) * inner;
  const summary = `${label}: ${groups
    .map(
      (g) =>
        `${g.group} selection ${formatPercent(g.selectionRate)}, TPR ${formatPercent(g.tpr)}${g.judgeable ? '' : ' (too few to judge)'}`,
    )
    .join('; ')}${line === null ? '' : `; four-fifths line at ${formatPercent(line)}`}.`;
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={summary}>
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={x(t * top)} x2={x(t * top)} y1={0} y2={height - 18} className="stroke-slate-100" />
            <text x={x(t * top)} y={height - 4} textAnchor="middle" className="fill-slate-500 text-[10px]">
              {formatPercent(t * top)}
            </text>
          </g>
        ))}
        {groups.map((g, i) => {
          const y = i * row + 4;
          const pale = g.judgeable ? '' : ' opacity-40';
          return (
            <g key={g.group}>
              <text x={left - 8} y={y + 15} textAnchor="end" className="fill-slate-700 text-[11px]">
                {g.group.length > 18 ? `${g.group.slice(0, 17)}…` : g.group}
              </text>
              <rect
                x={left}
                y={y}
                width={Math.max(1, x(g.selectionRate) - left)}
                height={12}
                className={`fill-brand-600${pale}`}
              >
                <title>{`${g.group}: selection rate ${formatPercent(g.selectionRate)} of ${g.n}`}</title>
              </rect>
              <rect
                x={left}
                y={y + 14}
                width={Math.max(1, x(g.tpr ?? 0) - left)}
                height={12}
                className={`fill-slate-400${pale}`}
              >
                <title>{`${g.group}: true-positive rate ${formatPercent(g.tpr)} of ${g.positives}`}</title>
              </rect>
            </g>
          );
        })}
        {line === null ? null : (
          <line
            x1={x(line)}
            x2={x(line)}
            y1={0}
            y2={height - 18}
            strokeDasharray="4 3"
            className="stroke-red-500"
          />
        )}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-brand-600" />
          Selection rate (share flagged)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-slate-400" />
          True-positive rate (share of those with the event who were flagged)
        </span>
        {line === null ? null : (
          <span>
            <span
              aria-hidden="true"
              className="mr-1 inline-block h-0 w-3 border-t-2 border-dashed border-red-500 align-middle"
            />
            Four-fifths line ({formatPercent(line)})
          </span>
        )}
      </figcaption>
    </figure>
  );
}
