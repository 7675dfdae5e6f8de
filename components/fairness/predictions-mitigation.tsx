import { formatPercent } from '@/components/predictions/present';
import { Table, Td, Th } from '@/components/ui/table';
import type { GroupingReport } from '@/lib/fairness/predictions/report';
import { mitigationSentence } from '@/lib/fairness/predictions/summary';
import type { MitigationSide } from '@/lib/fairness/predictions/thresholds';

const gap = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} pts`);
const share = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

const ROWS: { label: string; value: (s: MitigationSide) => string }[] = [
  { label: 'Accuracy', value: (s) => share(s.overall.accuracy) },
  { label: 'Precision', value: (s) => share(s.overall.precision) },
  { label: 'Recall', value: (s) => share(s.overall.recall) },
  { label: 'F1', value: (s) => (s.overall.f1 === null ? '–' : s.overall.f1.toFixed(3)) },
  { label: 'Shoppers selected', value: (s) => share(s.overall.selectionRate) },
  { label: 'Demographic parity gap', value: (s) => gap(s.gaps.demographicParityDifference) },
  { label: 'Equal-opportunity gap', value: (s) => gap(s.gaps.equalOpportunityDifference) },
  {
    label: 'Disparate-impact ratio',
    value: (s) =>
      s.gaps.disparateImpactRatio === null
        ? '–'
        : `${s.gaps.disparateImpactRatio.toFixed(2)}${s.gaps.fourFifthsFlag ? ' (below 4/5)' : ''}`,
  },
];

/** Before vs after per-group thresholds: the accuracy cost next to the fairness gain, and the thresholds. */
export function MitigationTable({ grouping: g }: { grouping: GroupingReport }) {
  const m = g.mitigation;
  const thresholds = Object.entries(m.thresholds);
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-800">
        Per-group thresholds (
        {m.target === 'selection_rate' ? 'equal selection rates' : 'equal true-positive rates'})
      </h4>
      <p className="text-sm text-slate-700">{mitigationSentence(g)}</p>
      <Table caption={`Mitigation by ${g.label.toLowerCase()}: one threshold vs per-group thresholds`}>
        <thead>
          <tr>
            <Th>Measure</Th>
            <Th className="text-right">One threshold ({formatPercent(m.base)})</Th>
            <Th className="text-right">Per-group thresholds</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ROWS.map((r) => (
            <tr key={r.label}>
              <Td>{r.label}</Td>
              <Td className="text-right">{r.value(m.before)}</Td>
              <Td className="text-right">{r.value(m.after)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {thresholds.length ? (
        <p className="text-xs text-slate-600">
          Thresholds: {thresholds.map(([group, t]) => `${group} ${(t * 100).toFixed(1)}%`).join(', ')}; groups
          too small to judge keep {formatPercent(m.base)}.
        </p>
      ) : null}
    </div>
  );
}
