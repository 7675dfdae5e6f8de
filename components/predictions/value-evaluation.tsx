import { Table, Td, Th } from '@/components/ui/table';
import type { ClvEvaluation, PreferenceEvaluation } from '@/lib/predict/types';
import { methodLabel } from './present';
import { clvRows, clvVerdict, preferenceRows, preferenceVerdict, type ValueRow } from './present-value';
import { VerdictNote } from './verdict';

function ComparisonTable({
  caption,
  rows,
  baselineHeader,
}: {
  caption: string;
  rows: ValueRow[];
  baselineHeader: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Measure</Th>
          <Th className="text-right">Model</Th>
          <Th className="text-right">{baselineHeader}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.label}>
            <Th scope="row" className="normal-case tracking-normal text-slate-800">
              {r.label}
            </Th>
            <Td className="text-right tabular-nums">{r.model}</Td>
            <Td className="text-right tabular-nums">{r.baseline}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Customer value on a holdout: error per shopper vs the naive baseline, and the forecast total. */
export function ClvEvaluationView({
  evaluation: e,
  money,
  formatDate,
  formatCount,
}: {
  evaluation: ClvEvaluation;
  money: (minor: number) => string;
  formatDate: (iso: string) => string;
  formatCount: (n: number) => string;
}) {
  return (
    <div className="space-y-3">
      <VerdictNote verdict={clvVerdict(e)} />
      <p className="text-xs text-slate-600">
        Fitted on the orders before {formatDate(e.asOf)}, compared with what {formatCount(e.n)} customers
        actually spent in the following {e.holdoutDays} days.
      </p>
      <ComparisonTable
        caption="Customer value: model vs baseline"
        rows={clvRows(e, money)}
        baselineHeader={`Baseline: ${methodLabel(e.baselineMethod)}`}
      />
    </div>
  );
}

/** Next-category preference vs category popularity on a later period. */
export function PreferenceEvaluationView({
  evaluation: e,
  formatDate,
  formatCount,
}: {
  evaluation: PreferenceEvaluation;
  formatDate: (iso: string) => string;
  formatCount: (n: number) => string;
}) {
  return (
    <div className="space-y-3">
      <VerdictNote verdict={preferenceVerdict(e)} />
      <p className="text-xs text-slate-600">
        Learned before {formatDate(e.asOf)}; measured on the {formatCount(e.n)} shoppers who bought in the
        following {e.horizonDays} days (a hit: the category they bought was among the top 1 or 3).
      </p>
      <ComparisonTable
        caption="Preference: model vs baseline"
        rows={preferenceRows(e)}
        baselineHeader={`Baseline: ${methodLabel(e.baseline.method)}`}
      />
    </div>
  );
}
