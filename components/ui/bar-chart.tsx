/**
 * A dependency-free SVG bar chart (server-rendered). Bars carry <title> tooltips, and the
 * figures are repeated in a visually hidden table for screen readers.
 */
export function BarChart({
  data,
  label,
  formatValue,
  formatLabel = (l) => l,
  height = 180,
  line,
}: {
  data: { label: string; value: number; line?: number }[];
  label: string;
  formatValue: (v: number) => string;
  formatLabel?: (l: string) => string;
  height?: number;
  /** Optional second series drawn as a line, with its own scale (e.g. orders over revenue). */
  line?: { label: string; format: (v: number) => string };
}) {
  const width = 720;
  const pad = { top: 12, right: 8, bottom: 24, left: 8 };
  const innerH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const lineMax = Math.max(1, ...data.map((d) => d.line ?? 0));
  const slot = (width - pad.left - pad.right) / Math.max(1, data.length);
  const barW = Math.max(2, slot * 0.7);
  const points = data
    .map(
      (d, i) => `${pad.left + i * slot + slot / 2},${pad.top + innerH - ((d.line ?? 0) / lineMax) * innerH}`,
    )
    .join(' ');
  const ticks = data.length > 1 ? [0, Math.floor((data.length - 1) / 2), data.length - 1] : [0];
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={label}>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={pad.top + innerH}
          y2={pad.top + innerH}
          className="stroke-slate-200"
        />
        {data.map((d, i) => {
          const h = (d.value / max) * innerH;
          return (
            <rect
              key={d.label}
              x={pad.left + i * slot + (slot - barW) / 2}
              y={pad.top + innerH - h}
              width={barW}
              height={Math.max(h, d.value > 0 ? 1 : 0)}
              rx={2}
              className="fill-brand-500/80 hover:fill-brand-600"
            >
              <title>{`${formatLabel(d.label)}: ${formatValue(d.value)}${line && d.line !== undefined ? ` · ${line.label} ${line.format(d.line)}` : ''}`}</title>
            </rect>
          );
        })}
        {line ? (
          <polyline
            points={points}
            fill="none"
            className="stroke-amber-500"
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ) : null}
        {ticks.map((i) => {
          const d = data[i];
          if (!d) return null;
          return (
            <text
              key={i}
              x={pad.left + i * slot + slot / 2}
              y={height - 6}
              textAnchor={i === 0 ? 'start' : i === data.length - 1 ? 'end' : 'middle'}
              className="fill-slate-500 text-[11px]"
            >
              {formatLabel(d.label)}
            </text>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm bg-brand-500" /> {label}
        </span>
        {line ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-0.5 w-3 bg-amber-500" /> {line.label}
          </span>
        ) : null}
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Value</th>
            {line ? <th scope="col">{line.label}</th> : null}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <td>{formatLabel(d.label)}</td>
              <td>{formatValue(d.value)}</td>
              {line ? <td>{line.format(d.line ?? 0)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
