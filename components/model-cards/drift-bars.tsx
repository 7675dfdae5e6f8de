import { BarRow } from '@/components/ui/bar-row';
import type { FeatureDrift } from '@/lib/predict/drift/compare';
import { PSI_MAJOR, PSI_MODERATE } from '@/lib/predict/drift/psi';
import { formatPsi } from './present';

const TONE = { stable: 'bg-emerald-500', moderate: 'bg-amber-500', major: 'bg-red-500' } as const;

/**
 * PSI per feature of one drift check as horizontal bars, largest first, with the 0.1 and 0.25
 * thresholds marked: a list, so each reads "label: PSI (status)" to screen readers.
 */
export function DriftBars({ features, limit = 12 }: { features: readonly FeatureDrift[]; limit?: number }) {
  const shown = features.slice(0, limit);
  const scale = Math.max(PSI_MAJOR * 1.4, ...shown.map((f) => f.psi));
  const at = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  if (shown.length === 0) return <p className="text-sm text-slate-600">No feature was measured.</p>;
  return (
    <div>
      <ul aria-label="Population stability index per feature" className="space-y-1.5">
        {shown.map((f) => (
          <BarRow
            key={f.feature}
            label={f.label}
            columns="longFigure"
            figure={
              <>
                {formatPsi(f.psi)} <span className="sr-only">({f.status})</span>
              </>
            }
          >
            <span className={`block h-2.5 rounded-full ${TONE[f.status]}`} style={{ width: at(f.psi) }} />
            <span
              className="absolute top-[-2px] h-3.5 border-l border-slate-400"
              style={{ left: at(PSI_MODERATE) }}
            />
            <span
              className="absolute top-[-2px] h-3.5 border-l border-slate-600"
              style={{ left: at(PSI_MAJOR) }}
            />
          </BarRow>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">
        Marks at {PSI_MODERATE} (moderate shift) and {PSI_MAJOR} (major shift). Below {PSI_MODERATE} the
        feature is distributed as in training.
      </p>
    </div>
  );
}
