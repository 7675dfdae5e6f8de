import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentAnalysis } from '@/lib/ads/experiments/report';
import { formatNumber } from '@/lib/format';
import { IntervalChart } from './interval-chart';
import { formatLift, formatRate } from './present';

/**
 * Results of an experiment: each arm's rate with its 95 % credible interval, the lift over the
 * control with its interval, the probability to be best, and the classic p-value with its
 * fixed-horizon caveat. `names` maps creative ids to short names for the charts.
 */
export function ExperimentResults({
  analysis,
  names,
  metric,
}: {
  analysis: ExperimentAnalysis;
  names: ReadonlyMap<string, string>;
  metric: 'click' | 'conversion';
}) {
  const arm = (a: { label: string; creativeId: string }) =>
    `${a.label} · ${names.get(a.creativeId) ?? 'creative'}`;
  const variants = analysis.arms.filter((a) => a.lift);
  const metricName = metric === 'click' ? 'click-through rate' : 'conversion rate';
  return (
    <div className="space-y-4" data-testid="experiment-results">
      <p className="text-sm text-slate-800">
        <strong className="font-semibold">{analysis.recommendation}</strong>
      </p>
      <p className="text-xs text-slate-600">
        Smallest arm: {formatNumber(analysis.progress.smallestArm)} of{' '}
        {formatNumber(analysis.progress.perArm)} planned impressions (
        {Math.round(analysis.progress.share * 100)} %).
      </p>
      <Table caption="Experiment arms">
        <thead>
          <tr>
            <Th>Arm</Th>
            <Th className="text-right">Impressions</Th>
            <Th className="text-right">{metric === 'click' ? 'Clicks' : 'Conversions'}</Th>
            <Th className="text-right">Rate (95 % interval)</Th>
            <Th className="text-right">Lift vs control (95 % interval)</Th>
            <Th className="text-right">P(best)</Th>
            <Th className="text-right">p-value*</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {analysis.arms.map((a) => (
            <tr key={a.creativeId}>
              <Td>
                {arm(a)} {a.isControl ? <Badge color="amber">Control</Badge> : null}
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(a.impressions)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(a.successes)}</Td>
              <Td className="text-right tabular-nums">
                {formatRate(a.rate)} ({formatRate(a.interval[0])} – {formatRate(a.interval[1])})
              </Td>
              <Td className="text-right tabular-nums">
                {a.lift
                  ? `${formatLift(a.lift.mean)} (${formatLift(a.lift.interval[0])} – ${formatLift(a.lift.interval[1])})`
                  : '—'}
              </Td>
              <Td className="text-right tabular-nums">{formatRate(a.probabilityBest, 1)}</Td>
              <Td className="text-right tabular-nums">
                {a.pValue === null ? '—' : a.pValue < 0.001 ? '< 0.001' : a.pValue.toFixed(3)}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs text-slate-500">* Two-proportion z-test: {analysis.pValueNote}.</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <IntervalChart
          label={`${metricName} per arm with 95 % credible intervals`}
          labelHeader="Arm"
          data={analysis.arms.map((a) => ({
            label: arm(a),
            value: a.posteriorMean,
            low: a.interval[0],
            high: a.interval[1],
            accent: a.isControl,
          }))}
          format={(v) => formatRate(v)}
        />
        {variants.length > 0 ? (
          <IntervalChart
            label="Lift over the control with 95 % credible intervals"
            labelHeader="Arm"
            data={variants.map((a) => ({
              label: arm(a),
              value: a.lift?.mean ?? 0,
              low: a.lift?.interval[0] ?? 0,
              high: a.lift?.interval[1] ?? 0,
            }))}
            format={formatLift}
          />
        ) : null}
      </div>
    </div>
  );
}
