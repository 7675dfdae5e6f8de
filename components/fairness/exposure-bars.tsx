import type { GroupRow } from '@/lib/fairness/recommendations/report';
import { pct } from './present';

const SERIES = [
  { key: 'catalogShare', label: 'Share of catalog', className: 'fill-slate-300' },
  { key: 'purchaseShare', label: 'Share of purchases', className: 'fill-slate-500' },
  { key: 'exposureShare', label: 'Share of exposure', className: 'fill-brand-500' },
  { key: 'exposureShareAfter', label: 'Exposure with mitigation', className: 'fill-emerald-500' },
] as const;

/**
 * Grouped horizontal bars per group: its share of the catalog, of purchases, of exposure and of
 * exposure with the mitigation. An SVG with an aria-label, the figures repeated in a table for
 * screen readers (and anyone who prefers numbers).
 */
export function ExposureBars({ title, rows }: { title: string; rows: GroupRow[] }) {
  const bar = 9;
  const gap = 2;
  const rowH = SERIES.length * (bar + gap) + 10;
  const labelW = 150;
  const width = 720;
  const valueW = 52;
  const plotW = width - labelW - valueW;
  const max = Math.max(0.05, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])));
  const height = rows.length * rowH + 4;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" rx="2" className={s.className} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${title}: share of catalog, purchases and exposure per group, before and with mitigation`}
      >
        {rows.map((r, i) => {
          const y0 = i * rowH + 4;
          return (
            <g key={r.label}>
              <text x={0} y={y0 + rowH / 2} className="fill-slate-700 text-[12px]" dominantBaseline="middle">
                {r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}
              </text>
              {SERIES.map((s, k) => {
                const v = r[s.key];
                const y = y0 + k * (bar + gap);
                const w = Math.max(v > 0 ? 1 : 0, (v / max) * plotW);
                return (
                  <g key={s.key}>
                    <rect x={labelW} y={y} width={w} height={bar} rx={2} className={s.className}>
                      <title>{`${r.label} · ${s.label}: ${pct(v)}`}</title>
                    </rect>
                    <text
                      x={labelW + w + 4}
                      y={y + bar / 2}
                      dominantBaseline="middle"
                      className="fill-slate-600 text-[10px]"
                    >
                      {pct(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Products</th>
            {SERIES.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.items}</td>
              {SERIES.map((s) => (
                <td key={s.key}>{pct(r[s.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
