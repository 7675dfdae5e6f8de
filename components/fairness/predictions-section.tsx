import Link from 'next/link';
import { LISTS } from '@/components/predictions/lists';
import { formatPercent, methodLabel } from '@/components/predictions/present';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import {
  getPredictionFairness,
  type KindView,
  type PredictionFairnessReport,
} from '@/lib/fairness/predictions/service';
import { getFairnessSettings } from '@/lib/fairness/settings';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { getLivePredictionModels } from '@/lib/predict/service';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import {
  PredictionMitigationForm,
  RunPredictionFairnessButton,
  SensitiveAttributesForm,
} from './predictions-forms';
import { PredictionGrouping } from './predictions-grouping';

const HIDDEN = 'hidden: your role cannot see sensitive attributes';

/**
 * Models → Fairness, predictions part: for churn and propensity, how often each shopper group is
 * flagged and how well the model finds the shoppers it should, measured on the latest held-out
 * period, with per-group thresholds and their accuracy cost; the settings forms; "Run report".
 */
export async function PredictionFairnessSection({
  slug,
  ctx,
  locale,
}: {
  slug: string;
  ctx: TenantContext;
  locale: string;
}) {
  const db = await getDb();
  const [views, settings, live] = await Promise.all([
    getPredictionFairness(db, ctx),
    getFairnessSettings(db, ctx),
    getLivePredictionModels(db, ctx),
  ]);
  const canRun = hasPermission(ctx, 'jobs.run');
  const canEdit = hasPermission(ctx, 'settings.update');
  const canSensitive = hasPermission(ctx, 'shoppers.sensitive');
  const num = (n: number) => formatNumber(n, locale);
  const trained = Boolean(live.churn || live.propensity);
  const groupOptions: [string, string][] = [
    ['country', 'Country'],
    ['tenure', 'New vs returning'],
    ...(canSensitive
      ? settings.sensitiveAttributes.map((k): [string, string] => [k, `${k} (sensitive)`])
      : []),
  ];
  return (
    <section aria-labelledby="prediction-fairness" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="prediction-fairness" className="text-lg font-semibold text-slate-900">
            Predictions: parity across shopper groups
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Does the At risk or Ready to buy list flag some groups of shoppers more often than others, and
            does it find the shoppers who really leave or buy equally well in every group? Measured on the
            most recent period the model did not see (trained on the period before it), at the list&apos;s
            threshold. Groups under 30 shoppers or with fewer than 5 events are shown but too few to judge.
          </p>
        </div>
        {canRun && trained ? <RunPredictionFairnessButton slug={slug} /> : null}
      </div>
      {!trained ? (
        <Card>
          <EmptyState title="No trained predictions yet">
            Train predictions first on the{' '}
            <Link href={`/${slug}/predictions`} className="font-medium text-brand-700 underline">
              Predictions page
            </Link>
            , then run this report.
          </EmptyState>
        </Card>
      ) : (
        views.map((v) => <KindCard key={v.kind} view={v} num={num} locale={locale} canRun={canRun} />)
      )}
      <Card
        title="Per-group thresholds"
        description="Instead of one threshold for everyone, each group large enough to judge gets its own, chosen on the evaluation period so every group is flagged at the same rate (or has the same true-positive rate). The report shows what that costs in accuracy before you switch it on."
      >
        <div className="space-y-6">
          <PredictionMitigationForm
            slug={slug}
            value={settings.predictions}
            groupOptions={groupOptions}
            canEdit={canEdit}
          />
          {canSensitive ? (
            <SensitiveAttributesForm slug={slug} value={settings.sensitiveAttributes} canEdit={canEdit} />
          ) : (
            <p className="text-sm text-slate-600">Sensitive attributes: {HIDDEN}.</p>
          )}
        </div>
      </Card>
    </section>
  );
}

/** How the held-out scores were produced, in words. */
function protocolText(r: PredictionFairnessReport, locale: string): string {
  if (r.protocol === 'temporal')
    return `by a ${methodLabel(r.method)} trained as of ${formatDate(r.trainAsOf, locale)}`;
  if (r.protocol === 'cv5')
    return `by a ${methodLabel(r.method)} cross-fitted in five folds (each shopper scored by a model that never saw them: the data does not reach back far enough to train on an earlier period)`;
  return `by the ${methodLabel(r.method)} rule`;
}

function KindCard({
  view,
  num,
  locale,
  canRun,
}: {
  view: KindView;
  num: (n: number) => string;
  locale: string;
  canRun: boolean;
}) {
  const list = LISTS[view.kind];
  const r = view.report;
  const status =
    view.latest && view.latest.status !== 'ready'
      ? view.latest.status === 'running'
        ? 'A new report is running.'
        : `The last run failed: ${view.latest.error ?? 'unknown error'}`
      : null;
  if (!r) {
    return (
      <Card title={`${list.title} (${view.kind})`}>
        <EmptyState title="No report yet">
          {status ??
            (canRun
              ? 'Run the report to measure parity.'
              : 'Ask a member who can run jobs to run the report.')}
        </EmptyState>
      </Card>
    );
  }
  const op = r.operatingPoint;
  const basis =
    op.basis === 'list'
      ? `the list's threshold of ${formatPercent(op.threshold)}`
      : `the top 20% of scores (threshold ${(op.threshold * 100).toFixed(1)}%; the list's ${formatPercent(list.threshold)} flagged almost nobody or everybody here)`;
  return (
    <Card
      title={`${list.title} (${view.kind})`}
      description={`${num(r.overall.n)} shoppers scored as of ${formatDate(r.asOf, locale)} ${protocolText(r, locale)}; ${num(r.overall.positives)} ${view.kind === 'churn' ? 'placed no order' : 'ordered'} in the next ${r.horizonDays} days. Operating point: ${basis}, flagging ${formatPercent(op.selectionRate)}. Computed ${formatDateTime(view.computedAt, locale)}.`}
    >
      <div className="space-y-6">
        {status ? <p className="text-sm text-amber-800">{status}</p> : null}
        {r.fallback ? (
          <p className="text-sm text-amber-800">
            Rule-based fallback (too little data to train): {r.fallback}.
          </p>
        ) : null}
        {r.applied ? (
          <p className="text-sm text-emerald-800">
            The {list.title} list uses per-group thresholds by {r.applied.groupBy}.
          </p>
        ) : null}
        {r.appliedNote ? <p className="text-sm text-amber-800">{r.appliedNote}</p> : null}
        {[...r.groupings, ...r.sensitive].map((g) => (
          <PredictionGrouping key={g.key} kind={view.kind} grouping={g} num={num} />
        ))}
        {view.sensitiveHidden ? (
          <p className="text-sm text-slate-600">Sensitive groupings: {HIDDEN}.</p>
        ) : null}
      </div>
    </Card>
  );
}
