import type { ReactNode } from 'react';
import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ScoreDrift } from '@/lib/predict/drift/compare';
import type { DriftRow } from '@/lib/predict/drift/queries';
import { featureDriftsOf } from '@/lib/predict/drift/service';
import { DriftBars } from './drift-bars';
import { DRIFT_BADGE, DRIFT_TEXT, formatPsi } from './present';

/**
 * Drift of one version: PSI per feature of the newest check, the mean score then and now, and a
 * table of every check. `formatScore` formats a score (a probability, or money for clv).
 */
export function DriftHistory({
  rows,
  formatWhen,
  formatScore,
  formatCount,
  actions,
}: {
  rows: readonly DriftRow[];
  formatWhen: (d: Date) => string;
  formatScore: (v: number) => string;
  formatCount: (n: number) => string;
  actions?: ReactNode;
}) {
  const latest = rows[0];
  const scores = latest?.scores as Partial<ScoreDrift> | undefined;
  return (
    <Card
      title="Drift"
      description="Today’s shoppers against the ones the model was trained on: population stability index (PSI) per feature and of the scores. Checked daily and after every training."
      actions={actions}
    >
      {!latest ? (
        <p className="text-sm text-slate-600">
          Not checked yet: the daily check or “Check drift now” writes the first measurement.
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-800">
            <Badge color={DRIFT_BADGE[latest.status]}>{DRIFT_TEXT[latest.status]}</Badge> on{' '}
            {formatWhen(latest.computedAt)} over {formatCount(latest.population)} shoppers. Score PSI{' '}
            {formatPsi(latest.scorePsi)}
            {typeof scores?.meanThen === 'number' && typeof scores.meanNow === 'number'
              ? `; mean score ${formatScore(scores.meanThen)} in training, ${formatScore(scores.meanNow)} now`
              : ''}
            .
          </p>
          <DriftBars features={featureDriftsOf(latest)} />
          <Table caption="Drift checks">
            <thead>
              <tr>
                <Th>Checked</Th>
                <Th className="text-right">Shoppers</Th>
                <Th className="text-right">Score PSI</Th>
                <Th className="text-right">Largest feature PSI</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td>{formatWhen(r.computedAt)}</Td>
                  <Td className="text-right tabular-nums">{formatCount(r.population)}</Td>
                  <Td className="text-right tabular-nums">{formatPsi(r.scorePsi)}</Td>
                  <Td className="text-right tabular-nums">{formatPsi(r.maxFeaturePsi)}</Td>
                  <Td>
                    {DRIFT_TEXT[r.status]}
                    {r.acknowledged ? ' (dismissed)' : ''}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
