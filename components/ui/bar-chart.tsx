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
  width = 720,
  line,
  labelHeader = 'Day',
  maxValue,
  tickLabels = 'ends',
  formatTick = formatLabel,
  highlight,
  partial,
}: {
  data: { label: string; value: number; line?: number }[];
  label: string;
  formatValue: (v: number) => string;
  formatLabel?: (l: string) => string;
  height?: number;
  /** Width of the drawing in SVG units (it scales to its box); fewer units make text larger. */
  width?: number;
  /** Optional second series drawn as a line, with its own scale (e.g. orders over revenue). */
  line?: { label: string; format: (v: number) => string };
  /** Header of the label column in the screen-reader table ("Day", "Model", …). */
  labelHeader?: string;
  /**
   * Top of the value scale. Default: the largest value, but at least 1 (counts); for fractions
   * pass a ceiling near the data (see `niceCeiling`) so small differences stay visible.
   */
  maxValue?: number;
  /** Axis labels under the first, middle and last bar ('ends', for time series) or every bar. */
  tickLabels?: 'ends' | 'all';
  /** Text of an axis label (default formatLabel); tooltips and the table keep formatLabel. */
  formatTick?: (l: string) => string;
  /** The label of a bar drawn in the accent colour (e.g. the model under test). */
  highlight?: string;
  /**
   * Labels of bars that cover only part of their period (a rolling window's first and last day):
   * drawn lighter, named so in their tooltip and the table, so a low "today" does not read as a drop.
   */
  partial?: readonly { label: string; note: string }[];
}) {
  const pad = { top: 12, right: 8, bottom: 24, left: 8 };
  const innerH = height - pad.top - pad.bottom;
  const dataMax = Math.max(0, ...data.map((d) => d.value));
  const max = maxValue !== undefined && maxValue > 0 ? Math.max(maxValue, dataMax) : Math.max(1, dataMax);
  const lineMax = Math.max(1, ...data.map((d) => d.line ?? 0));
  const slot = (width - pad.left - pad.right) / Math.max(1, data.length);
  const barW = Math.max(2, slot * 0.7);
  const point = (i: number) =>
    `${pad.left + i * slot + slot / 2},${pad.top + innerH - ((data[i]?.line ?? 0) / lineMax) * innerH}`;
  const partialNote = new Map((partial ?? []).map((p) => [p.label, p.note]));
  const isPartial = (l: string) => partialNote.has(l);
  // The line is dashed into a partial first or last day, solid between.
  const n = data.length;
  const solidFrom = n > 1 && isPartial(data[0]!.label) ? 1 : 0;
  const solidTo = n > 1 && isPartial(data[n - 1]!.label) ? n - 2 : n - 1;
  const range = (a: number, b: number) =>
    Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => point(a + k));
  const solidPoints = range(solidFrom, solidTo).join(' ');
  const dashedPoints = new Set([
    ...(solidFrom === 1 ? [range(0, 1).join(' ')] : []),
    ...(solidTo === n - 2 && n > 1 ? [range(n - 2, n - 1).join(' ')] : []),
  ]);
  const labelOf = (l: string) =>
    isPartial(l) ? `${formatLabel(l)} (${partialNote.get(l)})` : formatLabel(l);
  const ticks =
    tickLabels === 'all'
      ? data.map((_, i) => i)
      : data.length > 1
        ? [0, Math.floor((data.length - 1) / 2), data.length - 1]
        : [0];
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
              className={
                d.label === highlight
                  ? 'fill-amber-500 hover:fill-amber-600'
                  : isPartial(d.label)
                    ? 'fill-brand-500/35 hover:fill-brand-600/60'
                    : 'fill-brand-500/80 hover:fill-brand-600'
              }
            >
              <title>{`${labelOf(d.label)}: ${formatValue(d.value)}${line && d.line !== undefined ? ` · ${line.label} ${line.format(d.line)}` : ''}`}</title>
            </rect>
          );
        })}
        {line ? (
          <>
            <polyline
              points={solidPoints}
              fill="none"
              className="stroke-amber-500"
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {[...dashedPoints].map((pts) => (
              <polyline
                key={pts}
                points={pts}
                fill="none"
                className="stroke-amber-500"
                strokeWidth={2}
                strokeDasharray="4 3"
              />
            ))}
          </>
        ) : null}
        {ticks.map((i) => {
          const d = data[i];
          if (!d) return null;
          return (
            <text
              key={i}
              x={pad.left + i * slot + slot / 2}
              y={height - 6}
              textAnchor={
                tickLabels === 'all' ? 'middle' : i === 0 ? 'start' : i === data.length - 1 ? 'end' : 'middle'
              }
              className="fill-slate-500 text-[11px]"
            >
              {formatTick(d.label)}
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
        {data.some((d) => isPartial(d.label)) ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm bg-brand-500/35" /> Part of a day
          </span>
        ) : null}
      </figcaption>
      {/* The wrapper clips: a table ignores the 1px width of .sr-only and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">Value</th>
              {line ? <th scope="col">{line.label}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td>{labelOf(d.label)}</td>
                <td>{formatValue(d.value)}</td>
                {line ? <td>{line.format(d.line ?? 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/**
 * A round top for a scale of non-negative values: the next 1, 2, 2.5 or 5 × 10ⁿ at or above the
 * largest value (0.0386 → 0.05, 0.42 → 0.5, 3 → 5); 1 when every value is 0 or none is finite.
 */
export function niceCeiling(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= max * (1 - 1e-9)) ?? 10;
  return step * magnitude;
}
