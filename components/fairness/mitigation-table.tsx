import { Table, Td, Th } from '@/components/ui/table';
import type { MitigationRow } from '@/lib/fairness/recommendations/report';
import { formatChange, formatMetric, METRIC_LABEL } from './present';

/**
 * Metric, before, after, change: the accuracy cost (ranking quality) first, next to the fairness
 * gain (exposure of protected groups, concentration, long tail, calibration).
 */
export function MitigationTable({ rows }: { rows: MitigationRow[] }) {
  const kinds: [MitigationRow['kind'], string][] = [
    ['accuracy', 'Accuracy (the cost)'],
    ['fairness', 'Fairness (the gain)'],
  ];
  return (
    <Table caption="Mitigation: before and after on the held-out period">
      <thead>
        <tr>
          <Th>Metric</Th>
          <Th className="text-right">Before</Th>
          <Th className="text-right">After</Th>
          <Th className="text-right">Change</Th>
        </tr>
      </thead>
      {kinds.map(([kind, heading]) => (
        <tbody key={kind}>
          <tr>
            <th
              scope="rowgroup"
              colSpan={4}
              className="bg-slate-50 px-3 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            >
              {heading}
            </th>
          </tr>
          {rows
            .filter((r) => r.kind === kind)
            .map((r) => {
              const change = formatChange(r);
              return (
                <tr key={r.metric}>
                  <Td>{METRIC_LABEL[r.metric]}</Td>
                  <Td className="text-right tabular-nums">{formatMetric(r.metric, r.before)}</Td>
                  <Td className="text-right tabular-nums">{formatMetric(r.metric, r.after)}</Td>
                  <Td
                    className={`text-right tabular-nums ${change.better === null ? 'text-slate-500' : change.better ? 'text-emerald-700' : 'text-red-700'}`}
                  >
                    {change.text}
                    <span className="sr-only">
                      {change.better === null ? '' : change.better ? ' (better)' : ' (worse)'}
                    </span>
                  </Td>
                </tr>
              );
            })}
        </tbody>
      ))}
    </Table>
  );
}
