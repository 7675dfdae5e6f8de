/** A tiny size-over-time line (server-rendered SVG) with a text alternative. */
export function Sparkline({ points, label }: { points: { day: string; size: number }[]; label: string }) {
  if (points.length < 2)
    return <span className="text-xs text-slate-400">{points.length === 1 ? 'since today' : '—'}</span>;
  const w = 96;
  const h = 24;
  const max = Math.max(1, ...points.map((p) => p.size));
  const min = Math.min(...points.map((p) => p.size));
  const span = Math.max(1, max - min);
  const d = points
    .map(
      (p, i) =>
        `${((i / (points.length - 1)) * (w - 2) + 1).toFixed(1)},${(h - 1 - ((p.size - min) / span) * (h - 2)).toFixed(1)}`,
    )
    .join(' ');
  const firstSize = points[0]?.size ?? 0;
  const lastSize = points.at(-1)?.size ?? 0;
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={`${label}: ${firstSize} → ${lastSize} over ${points.length} days`}
    >
      <polyline
        points={d}
        fill="none"
        className="stroke-brand-600"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
