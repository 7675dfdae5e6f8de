import { BarRow } from '@/components/ui/bar-row';
import { type BlendWeightView, formatSigned } from './present';

/**
 * The live version's learned blend weights as bars from a centre line (right: counts for an
 * item, left: against it), largest first: a list, so each reads "label: weight" to screen readers.
 */
export function BlendWeights({ weights }: { weights: readonly BlendWeightView[] }) {
  if (weights.length === 0) return null;
  const scale = Math.max(...weights.map((w) => Math.abs(w.weight)));
  const half = (w: number) => `${scale > 0 ? (Math.abs(w) / scale) * 50 : 0}%`;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">What the blend learned</h3>
      <p className="mt-1 text-xs text-slate-600">
        How much each signal counts in “For you”, learned on the validation days rather than set by hand. The
        signals share one scale before they are weighted, so the lengths compare; a negative weight counts
        against an item. A shopper without history is served by the popularity and product-vector signals
        alone.
      </p>
      <ul aria-label="Learned blend weights" className="mt-2 space-y-1.5">
        {weights.map((w) => (
          <BarRow key={w.feature} label={w.label} figure={formatSigned(w.weight, 2)} columns="wide">
            <span
              className={`absolute h-2.5 rounded-full ${w.weight >= 0 ? 'bg-brand-600' : 'bg-amber-500'}`}
              style={
                w.weight >= 0
                  ? { left: '50%', width: half(w.weight) }
                  : { right: '50%', width: half(w.weight) }
              }
            />
            <span className="absolute left-1/2 top-[-2px] h-3.5 border-l border-slate-500" />
          </BarRow>
        ))}
      </ul>
    </div>
  );
}
