import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { SegmentRow } from '@/lib/fairness/recommendations/report';

/**
 * NDCG@10 per shopper segment with its 95 % interval (a dot and a whisker per segment) and the
 * value with mitigation, then the same figures as a table. Segments under 30 shoppers are marked
 * "too few to judge" rather than hidden.
 */
export function SegmentQuality({ title, rows }: { title: string; rows: SegmentRow[] }) {
  const width = 720;
  const labelW = 150;
  const rowH = 22;
  const plotW = width - labelW - 20;
  const max = Math.min(1, Math.max(0.05, ...rows.map((r) => Math.max(r.ci[1], r.meanAfter))) * 1.1);
  const x = (v: number) => labelW + (v / max) * plotW;
  const height = rows.length * rowH + 8;
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${title}: NDCG@10 per segment with 95 % intervals`}
      >
        {rows.map((r, i) => {
          const y = i * rowH + rowH / 2 + 4;
          return (
            <g key={r.label} opacity={r.tooFew ? 0.55 : 1}>
              <text x={0} y={y} dominantBaseline="middle" className="fill-slate-700 text-[12px]">
                {r.label}
              </text>
              <line
                x1={x(r.ci[0])}
                x2={x(r.ci[1])}
                y1={y}
                y2={y}
                className="stroke-brand-300"
                strokeWidth={3}
              />
              <circle cx={x(r.mean)} cy={y} r={5} className="fill-brand-600">
                <title>{`${r.label}: ${r.mean.toFixed(3)} (${r.ci[0].toFixed(3)}–${r.ci[1].toFixed(3)}), ${r.shoppers} shoppers`}</title>
              </circle>
              <path d={`M${x(r.meanAfter)},${y - 5} l4,5 l-4,5 l-4,-5 z`} className="fill-emerald-500">
                <title>{`${r.label} with mitigation: ${r.meanAfter.toFixed(3)}`}</title>
              </path>
            </g>
          );
        })}
      </svg>
      <p className="text-xs text-slate-600">
        Dot: NDCG@10 now, with its 95 % interval; diamond: with mitigation. Faded rows have under 30 shoppers.
      </p>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>Segment</Th>
            <Th className="text-right">Shoppers</Th>
            <Th className="text-right">NDCG@10</Th>
            <Th className="text-right">95 % interval</Th>
            <Th className="text-right">With mitigation</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <Td>
                {r.label} {r.tooFew ? <Badge color="amber">too few to judge</Badge> : null}
              </Td>
              <Td className="text-right tabular-nums">{r.shoppers}</Td>
              <Td className="text-right tabular-nums">{r.mean.toFixed(3)}</Td>
              <Td className="text-right tabular-nums">
                {r.ci[0].toFixed(3)}–{r.ci[1].toFixed(3)}
              </Td>
              <Td className="text-right tabular-nums">{r.meanAfter.toFixed(3)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
