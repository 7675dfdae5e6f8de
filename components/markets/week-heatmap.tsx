import { formatNumber } from '@/lib/format';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Weekday and hour of the largest cell, or null when the grid is empty. */
export function peakOf(
  grid: readonly (readonly number[])[],
): { weekday: number; hour: number; count: number } | null {
  let best: { weekday: number; hour: number; count: number } | null = null;
  grid.forEach((row, weekday) => {
    row.forEach((count, hour) => {
      if (count > 0 && (!best || count > best.count)) best = { weekday, hour, count };
    });
  });
  return best;
}

/**
 * A 7 × 24 heatmap (Monday first, local hours) as a real table: the shade shows the count, and
 * each cell holds the number for screen readers and a tooltip for the mouse.
 */
export function WeekHeatmap({
  grid,
  caption,
  locale,
}: {
  grid: readonly (readonly number[])[];
  caption: string;
  locale: string;
}) {
  const max = Math.max(1, ...grid.flat());
  const peak = peakOf(grid);
  return (
    <figure>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
      <section className="relative overflow-x-auto" aria-label={caption} tabIndex={0}>
        <table className="border-separate border-spacing-0.5 text-[10px]">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Weekday
              </th>
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col" className="w-5 font-normal text-slate-500">
                  {h % 3 === 0 ? h : <span className="sr-only">{h}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.map((row, d) => (
              <tr key={DAYS[d]}>
                <th scope="row" className="pr-2 text-left font-normal text-slate-600">
                  {DAYS[d]?.slice(0, 3)}
                  <span className="sr-only">{DAYS[d]?.slice(3)}</span>
                </th>
                {row.map((n, h) => (
                  <td
                    key={h}
                    title={`${DAYS[d]} ${h}:00–${h}:59: ${formatNumber(n, locale)}`}
                    className="h-5 w-5 rounded-sm"
                    style={{
                      backgroundColor: `rgb(37 99 235 / ${n === 0 ? 0.04 : 0.12 + (0.88 * n) / max})`,
                    }}
                  >
                    <span className="sr-only">{formatNumber(n, locale)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <figcaption className="mt-2 text-xs text-slate-600">
        {peak
          ? `Busiest: ${DAYS[peak.weekday]} ${peak.hour}:00–${peak.hour}:59 (${formatNumber(peak.count, locale)}).`
          : 'Nothing in this period.'}
      </figcaption>
    </figure>
  );
}
