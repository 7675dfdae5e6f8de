import { Table, Td, Th } from '@/components/ui/table';
import type { EvaluationRow } from '@/lib/recommend/eval/evaluate';
import { EVALUATION_METRICS, formatInterval, formatMetric, hybridFirst } from './present';

/**
 * One evaluation as a table: models as rows (the hybrid first and highlighted, the baselines
 * named as in `tailor evaluate`), metrics as columns, each with its bootstrap 95% interval
 * underneath (coverage has none: it is one figure over all shoppers).
 */
export function EvaluationTable({ rows, caption }: { rows: readonly EvaluationRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Model</Th>
          {EVALUATION_METRICS.map((m) => (
            <Th key={m.key} className="text-right" title={m.hint}>
              {m.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {hybridFirst(rows).map((row) => {
          const hybrid = row.model === 'hybrid';
          return (
            <tr key={row.model} className={hybrid ? 'bg-amber-50' : undefined} data-model={row.model}>
              <Th
                scope="row"
                className={`normal-case tracking-normal ${hybrid ? 'text-amber-900' : 'text-slate-800'}`}
              >
                {row.model}
                {hybrid ? <span className="ml-1.5 text-xs font-normal text-amber-800">(ours)</span> : null}
              </Th>
              {EVALUATION_METRICS.map((m) => {
                const ci = m.key === 'coverage' ? null : row.ci[m.key];
                return (
                  <Td key={m.key} className="text-right tabular-nums">
                    <span className={hybrid ? 'font-semibold text-slate-900' : undefined}>
                      {formatMetric(m.key, row.metrics[m.key])}
                    </span>
                    {ci ? (
                      <span className="block text-[11px] text-slate-500">
                        <span className="sr-only">95% CI </span>
                        {formatInterval(m.key, ci)}
                      </span>
                    ) : null}
                  </Td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
