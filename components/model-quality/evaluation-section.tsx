import { Card, EmptyState } from '@/components/ui/card';
import type { EvaluationReport } from '@/lib/recommend/evaluations/service';
import { EvaluationBreakdown } from './evaluation-breakdown';
import { EvaluationCharts } from './evaluation-charts';
import { EvaluationForm } from './evaluation-form';
import { EvaluationTable } from './evaluation-table';
import { formatMarginHeadline, PROTOCOL_HINT, PROTOCOL_LABEL } from './present';
import { TrainJobProgress, type TrainJobProgressView } from './train-progress';

export interface EvaluationReportView {
  protocol: keyof typeof PROTOCOL_LABEL;
  /** "1 Mar 2024" */
  cutoff: string;
  /** "3 min ago (…)" */
  finished: string;
  report: EvaluationReport;
}

/**
 * "Offline evaluation": run form, the running job's progress, and per protocol the latest report
 * (headline margin, table with intervals, a chart per metric, the few-interactions breakdown).
 */
export function EvaluationSection({
  slug,
  canRun,
  job,
  reports,
  formatCount,
}: {
  slug: string;
  canRun: boolean;
  job: TrainJobProgressView | null;
  reports: EvaluationReportView[];
  formatCount: (n: number) => string;
}) {
  const active = job?.status === 'queued' || job?.status === 'running';
  return (
    <Card
      title="Offline evaluation"
      description="Every model is trained on the interactions before the cutoff and scored on what each shopper bought after it, next to the baselines. Intervals are bootstrap 95% over shoppers."
      actions={reports.length > 0 ? <EvaluationForm slug={slug} canRun={canRun} /> : undefined}
    >
      <div className="space-y-6">
        {job && (active || job.status === 'failed') ? <TrainJobProgress job={job} what="Evaluation" /> : null}
        {reports.length === 0 ? (
          <EmptyState
            title="No evaluation yet — run one"
            action={<EvaluationForm slug={slug} canRun={canRun} />}
          >
            It compares the hybrid model with most-popular, recent-popular, buy-again, item-kNN and EASE on
            your own orders, for all items and for items new to each shopper.
          </EmptyState>
        ) : (
          reports.map((r) => <ProtocolReport key={r.protocol} view={r} formatCount={formatCount} />)
        )}
      </div>
    </Card>
  );
}

function ProtocolReport({
  view,
  formatCount,
}: {
  view: EvaluationReportView;
  formatCount: (n: number) => string;
}) {
  const { evaluation, margin } = view.report;
  const label = PROTOCOL_LABEL[view.protocol];
  return (
    <section
      aria-labelledby={`evaluation-${view.protocol}`}
      className="space-y-4"
      data-protocol={view.protocol}
    >
      <div>
        <h3 id={`evaluation-${view.protocol}`} className="text-sm font-semibold text-slate-900">
          {label}
        </h3>
        <p className="text-xs text-slate-600">
          {PROTOCOL_HINT[view.protocol]} Cutoff {view.cutoff} · {formatCount(evaluation.shoppers)} test
          shoppers · {formatCount(evaluation.items)} candidate items · finished {view.finished}
        </p>
      </div>
      {margin ? (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <span className="font-semibold">hybrid vs best baseline ({margin.baseline}):</span>{' '}
          {formatMarginHeadline(margin)}
          <span className="block text-xs text-amber-900">
            {margin.ci[0] > 0
              ? 'The hybrid is ahead: the whole interval is above zero.'
              : margin.ci[1] < 0
                ? 'The best baseline is ahead: the whole interval is below zero.'
                : 'Not a clear difference: the interval includes zero.'}{' '}
            Paired bootstrap over the same shoppers.
          </span>
        </p>
      ) : null}
      <EvaluationTable rows={evaluation.rows} caption={`Offline evaluation, ${label.toLowerCase()}`} />
      <EvaluationCharts rows={evaluation.rows} protocolLabel={label.toLowerCase()} />
      <div className="space-y-2">
        <h4 className="text-xs font-semibold text-slate-700">Shoppers with few interactions</h4>
        <EvaluationBreakdown
          rows={evaluation.rows}
          caption={`By shopper activity, ${label.toLowerCase()}`}
          formatCount={formatCount}
        />
      </div>
    </section>
  );
}
