import type { PopularityFigures } from '@/lib/fairness/recommendations/report';
import { pct } from './present';

/**
 * The Lorenz curve of exposure over the recommendable catalog, before and with mitigation, against
 * the diagonal of perfectly even exposure: the further below the diagonal, the more the lists
 * concentrate on few products. Figures repeated as text for screen readers.
 */
export function LorenzChart({ before, after }: { before: PopularityFigures; after: PopularityFigures }) {
  const size = 240;
  const pad = 28;
  const inner = size - 2 * pad;
  const path = (pts: { x: number; y: number }[]) =>
    pts
      .map(
        (p, i) => `${i ? 'L' : 'M'}${(pad + p.x * inner).toFixed(1)},${(pad + (1 - p.y) * inner).toFixed(1)}`,
      )
      .join(' ');
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        className="h-auto w-full max-w-xs"
        role="img"
        aria-label={`Lorenz curve of exposure: Gini ${before.gini.toFixed(2)} before, ${after.gini.toFixed(2)} with mitigation`}
      >
        <rect x={pad} y={pad} width={inner} height={inner} fill="none" className="stroke-slate-200" />
        <path
          d={`M${pad},${pad + inner} L${pad + inner},${pad}`}
          className="stroke-slate-300"
          strokeDasharray="4 3"
        />
        <path d={path(before.lorenz)} fill="none" className="stroke-brand-500" strokeWidth={2} />
        <path
          d={path(after.lorenz)}
          fill="none"
          className="stroke-emerald-500"
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <text x={pad} y={size - 8} className="fill-slate-500 text-[9px]">
          products, least exposed first →
        </text>
        <text x={8} y={pad - 10} className="fill-slate-500 text-[9px]">
          ↑ share of exposure
        </text>
      </svg>
      <figcaption className="text-xs text-slate-600">
        <span className="font-medium text-brand-700">Solid</span>: now (Gini {before.gini.toFixed(2)});{' '}
        <span className="font-medium text-emerald-700">dashed</span>: with mitigation (Gini{' '}
        {after.gini.toFixed(2)}); the diagonal is perfectly even exposure. The least exposed half of the
        products gets {pct(before.lorenz[Math.floor(before.lorenz.length / 2)]?.y ?? 0)} of exposure now.
      </figcaption>
    </figure>
  );
}
