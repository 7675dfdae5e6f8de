import { CalibrationChart } from '@/components/predictions/calibration-chart';
import { formatPercent } from '@/components/predictions/present';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { BinaryKind } from '@/lib/predict/binary';
import type { GroupingReport } from '@/lib/fairness/predictions/report';
import { paritySentence } from '@/lib/fairness/predictions/summary';
import { ParityChart } from './predictions-chart';
import { MitigationTable } from './predictions-mitigation';

const ratio = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const auc = (v: number | null) => (v === null ? '–' : v.toFixed(3));
const points = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} pts`);

/** One grouping of a kind's report: the headline, the chart, the per-group table, calibration, mitigation. */
export function PredictionGrouping({
  kind,
  grouping: g,
  num,
}: {
  kind: BinaryKind;
  grouping: GroupingReport;
  num: (n: number) => string;
}) {
  const judged = g.groups.filter((x) => x.judgeable);
  return (
    <section className="space-y-4 border-t border-slate-100 pt-4" aria-labelledby={`pf-${kind}-${g.key}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`pf-${kind}-${g.key}`} className="text-sm font-semibold text-slate-900">
          By {g.label.toLowerCase()}
        </h3>
        <div className="flex flex-wrap gap-2 text-xs">
          <Badge color={g.gaps.fourFifthsFlag ? 'red' : 'green'}>
            Disparate impact {ratio(g.gaps.disparateImpactRatio)}
            {g.gaps.fourFifthsFlag ? ' · below 4/5' : ''}
          </Badge>
          <Badge>Demographic parity gap {points(g.gaps.demographicParityDifference)}</Badge>
          <Badge>Equal-opportunity gap {points(g.gaps.equalOpportunityDifference)}</Badge>
        </div>
      </div>
      <p className="text-sm text-slate-700">{paritySentence(kind, g)}</p>
      <ParityChart groups={g.groups} label={`Selection and true-positive rate by ${g.label.toLowerCase()}`} />
      <Table caption={`Parity by ${g.label.toLowerCase()}`}>
        <thead>
          <tr>
            <Th>Group</Th>
            <Th className="text-right">Shoppers</Th>
            <Th className="text-right">With event</Th>
            <Th className="text-right">Selected</Th>
            <Th className="text-right">TPR</Th>
            <Th className="text-right">FPR</Th>
            <Th className="text-right">Precision</Th>
            <Th className="text-right">Predicted vs observed</Th>
            <Th className="text-right">AUC</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {g.groups.map((x) => (
            <tr key={x.group}>
              <Td>
                {x.group} {x.judgeable ? null : <Badge color="amber">too few to judge</Badge>}
              </Td>
              <Td className="text-right">{num(x.n)}</Td>
              <Td className="text-right">
                {num(x.positives)} ({formatPercent(x.baseRate)})
              </Td>
              <Td className="text-right">{formatPercent(x.selectionRate)}</Td>
              <Td className="text-right">{formatPercent(x.tpr)}</Td>
              <Td className="text-right">{formatPercent(x.fpr)}</Td>
              <Td className="text-right">{formatPercent(x.precision)}</Td>
              <Td className="text-right">
                {formatPercent(x.meanPredicted)} vs {formatPercent(x.baseRate)}
              </Td>
              <Td className="text-right">{auc(x.auc)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {judged.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">
            Calibration by {g.label.toLowerCase()} (predicted vs observed, five score bins)
          </summary>
          <div className="mt-3 grid grid-cols-2 gap-4 md:grid-cols-4">
            {judged.slice(0, 8).map((x) => (
              <div key={x.group}>
                <p className="text-xs font-medium text-slate-700">{x.group}</p>
                <CalibrationChart bins={x.calibration} size={180} label={`Calibration of ${x.group}`} />
              </div>
            ))}
          </div>
        </details>
      ) : null}
      <MitigationTable grouping={g} />
    </section>
  );
}
