import { BarChart, niceCeiling } from '@/components/ui/bar-chart';
import type { EvaluationRow } from '@/lib/recommend/eval/evaluate';
import { EVALUATION_METRICS, formatMetric, hybridFirst, shortModelName } from './present';

/** One small bar chart per metric comparing the models; the hybrid's bar is highlighted. */
export function EvaluationCharts({
  rows,
  protocolLabel,
}: {
  rows: readonly EvaluationRow[];
  protocolLabel: string;
}) {
  const ordered = hybridFirst(rows);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {EVALUATION_METRICS.map((m) => {
        const values = ordered.map((r) => r.metrics[m.key]);
        return (
          <div key={m.key} className="rounded-lg ring-1 ring-slate-100 p-3">
            <h4 className="text-xs font-semibold text-slate-700" title={m.hint}>
              {m.label}
            </h4>
            <BarChart
              label={`${m.label} per model (${protocolLabel})`}
              labelHeader="Model"
              data={ordered.map((r) => ({ label: r.model, value: r.metrics[m.key] }))}
              formatValue={(v) => formatMetric(m.key, v)}
              formatTick={shortModelName}
              tickLabels="all"
              maxValue={niceCeiling(values)}
              highlight="hybrid"
              width={360}
              height={150}
            />
          </div>
        );
      })}
    </div>
  );
}
