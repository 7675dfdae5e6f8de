import { BarRow } from '@/components/ui/bar-row';

/**
 * Global feature importance (mean |contribution| per feature) as horizontal bars: a list, so
 * each feature reads as "label: value" to screen readers as well.
 */
export function ImportanceBars({
  features,
  label,
  limit = 10,
}: {
  features: readonly { feature: string; label: string; importance: number }[];
  /** Accessible name of the list. */
  label: string;
  limit?: number;
}) {
  const shown = [...features].sort((a, b) => b.importance - a.importance).slice(0, limit);
  const widest = Math.max(1e-12, ...shown.map((f) => f.importance));
  if (shown.length === 0)
    return <p className="text-sm text-slate-600">No feature importance was recorded.</p>;
  return (
    <ul aria-label={label} className="space-y-1.5">
      {shown.map((f) => (
        <BarRow key={f.feature} label={f.label} figure={f.importance.toFixed(3)}>
          <span
            className="block h-2.5 rounded-full bg-brand-500"
            style={{ width: `${Math.round((f.importance / widest) * 100)}%` }}
          />
        </BarRow>
      ))}
    </ul>
  );
}
