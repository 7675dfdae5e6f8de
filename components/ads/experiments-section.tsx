import { Badge, EmptyState } from '@/components/ui/card';
import { startExperimentAction, stopExperimentAction } from '@/lib/ads/experiments/actions';
import type { ExperimentReport } from '@/lib/ads/experiments/service';
import { formatDateTime, formatNumber } from '@/lib/format';
import { ActionButton } from './action-button';
import { ExperimentForm } from './experiment-form';
import { ExperimentResults } from './experiment-results';

const STATUS = {
  draft: { text: 'Draft', tone: 'gray' },
  running: { text: 'Running', tone: 'blue' },
  stopped: { text: 'Stopped', tone: 'amber' },
} as const;

/**
 * A/B experiments of a campaign's banners: each with its plan, start/stop and results, then the
 * form to create one. While an experiment runs, the shoppers it covers see their assigned arm
 * instead of the bandit's choice.
 */
export function ExperimentsSection({
  slug,
  campaignId,
  reports,
  candidates,
  canWrite,
}: {
  slug: string;
  campaignId: string;
  reports: readonly ExperimentReport[];
  /** Approved banners that can be compared, labelled with segment and language. */
  candidates: readonly { id: string; label: string }[];
  canWrite: boolean;
}) {
  return (
    <div className="space-y-8">
      {reports.length === 0 ? (
        <EmptyState title="No experiments yet">
          Compare approved banners with a fixed, even split: every shopper keeps their arm, and the results
          show each banner’s rate with its credible interval and the lift over the control.
        </EmptyState>
      ) : (
        reports.map(({ experiment: e, labels, analysis }) => (
          <article
            key={e.id}
            aria-labelledby={`exp-${e.id}`}
            className="space-y-3 border-b border-slate-100 pb-6"
          >
            <header className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 id={`exp-${e.id}`} className="text-sm font-semibold text-slate-900">
                  {e.name} <Badge color={STATUS[e.status].tone}>{STATUS[e.status].text}</Badge>
                </h3>
                <p className="text-xs text-slate-600">
                  {e.creativeIds.length} arms · {e.metric === 'click' ? 'clicks' : 'conversions'} · plan{' '}
                  {formatNumber(e.plan.perArm)} impressions per arm (baseline{' '}
                  {(e.plan.baselineRate * 100).toFixed(1)} %, lift +
                  {Math.round(e.plan.minDetectableLift * 100)} %, α {e.plan.alpha}, power {e.plan.power})
                  {e.startedAt ? ` · started ${formatDateTime(e.startedAt)}` : ''}
                  {e.stoppedAt ? ` · stopped ${formatDateTime(e.stoppedAt)}` : ''}
                </p>
              </div>
              {canWrite && e.status !== 'stopped' ? (
                <div className="flex gap-2">
                  {e.status === 'draft' ? (
                    <ActionButton
                      action={startExperimentAction}
                      fields={{ tenant: slug, id: e.id }}
                      variant="primary"
                      accessibleLabel={`Start ${e.name}`}
                    >
                      Start
                    </ActionButton>
                  ) : null}
                  <ActionButton
                    action={stopExperimentAction}
                    fields={{ tenant: slug, id: e.id }}
                    accessibleLabel={`Stop ${e.name}`}
                  >
                    Stop
                  </ActionButton>
                </div>
              ) : null}
            </header>
            {e.status === 'draft' ? (
              <p className="text-sm text-slate-600">
                Start the experiment to split traffic between its arms.
              </p>
            ) : (
              <ExperimentResults
                analysis={analysis}
                names={new Map(Object.entries(labels))}
                metric={e.metric}
              />
            )}
          </article>
        ))
      )}
      {canWrite ? (
        <section aria-labelledby="exp-new" className="space-y-3">
          <h3 id="exp-new" className="text-sm font-semibold text-slate-900">
            New experiment
          </h3>
          <ExperimentForm slug={slug} campaignId={campaignId} creatives={candidates} />
        </section>
      ) : null}
    </div>
  );
}
