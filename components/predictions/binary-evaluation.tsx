import { BarChart, niceCeiling } from '@/components/ui/bar-chart';
import { Table, Td, Th } from '@/components/ui/table';
import type { BinaryEvaluation } from '@/lib/predict/types';
import { CalibrationChart } from './calibration-chart';
import { ImportanceBars } from './importance-bars';
import { binaryRows, binaryVerdict, formatPercent, protocolText } from './present';
import { VerdictNote } from './verdict';

/**
 * The evaluation of a churn or propensity model: the verdict against the recency rule, the
 * metrics table beside both baselines, the calibration curve, lift by decile and which features
 * matter most.
 */
export function BinaryEvaluationView({
  evaluation: e,
  title,
  formatDate,
  formatCount,
}: {
  evaluation: BinaryEvaluation;
  /** "Churn risk" */
  title: string;
  formatDate: (iso: string) => string;
  formatCount: (n: number) => string;
}) {
  const rows = binaryRows(e);
  const lift = [...e.model.liftByDecile].sort((a, b) => a.decile - b.decile);
  const what = title.toLowerCase();
  return (
    <div className="space-y-4">
      <VerdictNote verdict={binaryVerdict(e)} />
      <p className="text-xs text-slate-600">{protocolText(e, formatDate)}</p>
      <Table caption={`${title}: model vs baselines`}>
        <thead>
          <tr>
            <Th>Scorer</Th>
            <Th className="text-right" title="Area under the ROC curve: 0.5 is chance, 1 is perfect ranking">
              AUC
            </Th>
            <Th
              className="text-right"
              title="Area under the precision-recall curve (compare with the base rate)"
            >
              PR-AUC
            </Th>
            <Th className="text-right" title="Mean squared error of the probabilities (lower is better)">
              Brier
            </Th>
            <Th className="text-right">Log loss</Th>
            <Th className="text-right">Shoppers</Th>
            <Th className="text-right">Base rate</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key} data-scorer={r.key} className={r.key === 'model' ? 'bg-amber-50' : undefined}>
              <Th scope="row" className="normal-case tracking-normal text-slate-800">
                {r.label}
              </Th>
              <Td className="text-right tabular-nums">
                {r.auc}
                {r.aucCi ? <span className="block text-[11px] text-slate-500">{r.aucCi}</span> : null}
              </Td>
              <Td className="text-right tabular-nums">{r.prAuc}</Td>
              <Td className="text-right tabular-nums">{r.brier}</Td>
              <Td className="text-right tabular-nums">{r.logLoss}</Td>
              <Td className="text-right tabular-nums">{formatCount(r.n)}</Td>
              <Td className="text-right tabular-nums">{r.baseRate}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby={`calibration-${e.kind}`} className="space-y-2">
          <h4 id={`calibration-${e.kind}`} className="text-sm font-semibold text-slate-900">
            Calibration
          </h4>
          {e.model.calibration.some((b) => b.count > 0) ? (
            <CalibrationChart bins={e.model.calibration} label={`Calibration of the ${what} model`} />
          ) : (
            <p className="text-sm text-slate-600">No calibration bins were recorded.</p>
          )}
        </section>
        <section aria-labelledby={`lift-${e.kind}`} className="space-y-2">
          <h4 id={`lift-${e.kind}`} className="text-sm font-semibold text-slate-900">
            Lift by decile
          </h4>
          {lift.length > 0 ? (
            <BarChart
              label={`Lift by decile, ${what}`}
              labelHeader="Decile (1 = highest scores)"
              data={lift.map((d) => ({ label: String(d.decile), value: d.lift, line: d.rate }))}
              formatValue={(v) => `×${v.toFixed(2)}`}
              formatLabel={(l) => `Decile ${l}`}
              formatTick={(l) => l}
              tickLabels="all"
              maxValue={niceCeiling(lift.map((d) => d.lift))}
              line={{ label: 'Positive rate', format: formatPercent }}
              width={360}
              height={200}
            />
          ) : (
            <p className="text-sm text-slate-600">No deciles were recorded.</p>
          )}
          <p className="text-xs text-slate-600">
            Decile 1 holds the tenth of shoppers with the highest scores; ×2 means twice the base rate.
          </p>
        </section>
        <section aria-labelledby={`importance-${e.kind}`} className="space-y-2">
          <h4 id={`importance-${e.kind}`} className="text-sm font-semibold text-slate-900">
            What the model looks at
          </h4>
          <ImportanceBars features={e.featureImportance} label={`Feature importance, ${what}`} />
          <p className="text-xs text-slate-600">Mean size of each feature’s contribution to a score.</p>
        </section>
      </div>
    </div>
  );
}
