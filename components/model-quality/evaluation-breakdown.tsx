import { Table, Td, Th } from '@/components/ui/table';
import type { EvaluationRow } from '@/lib/recommend/eval/evaluate';
import { formatMetric, hybridFirst } from './present';

/**
 * NDCG@10 and HR@10 per group of shoppers by how many interactions they had before the cutoff:
 * the few-interaction end is where popularity and personalisation differ most.
 */
export function EvaluationBreakdown({
  rows,
  caption,
  formatCount,
}: {
  rows: readonly EvaluationRow[];
  caption: string;
  formatCount: (n: number) => string;
}) {
  const ordered = hybridFirst(rows);
  const buckets = ordered[0]?.breakdown ?? [];
  if (buckets.length === 0) return null;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Model</Th>
          {buckets.map((b) => (
            <Th key={b.label} className="text-right" colSpan={2}>
              {b.label} interactions · {formatCount(b.shoppers)} shoppers
            </Th>
          ))}
        </tr>
        <tr>
          <Th>
            <span className="sr-only">Metric</span>
          </Th>
          {buckets.map((b) => [
            <Th key={`${b.label}-ndcg`} className="text-right">
              NDCG@10
            </Th>,
            <Th key={`${b.label}-hr`} className="text-right">
              HR@10
            </Th>,
          ])}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {ordered.map((row) => (
          <tr key={row.model} className={row.model === 'hybrid' ? 'bg-amber-50' : undefined}>
            <Th scope="row" className="normal-case tracking-normal text-slate-800">
              {row.model}
            </Th>
            {row.breakdown.map((b) => [
              <Td key={`${b.label}-ndcg`} className="text-right tabular-nums">
                {b.shoppers > 0 ? formatMetric('ndcg10', b.metrics.ndcg10) : '–'}
              </Td>,
              <Td key={`${b.label}-hr`} className="text-right tabular-nums">
                {b.shoppers > 0 ? formatMetric('hr10', b.metrics.hr10) : '–'}
              </Td>,
            ])}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
