import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EvaluationSection } from '@/components/model-quality/evaluation-section';
import { LiveModelPanel } from '@/components/model-quality/live-model';
import { blendWeights, chosenSettings, formatBytes, formatNdcg } from '@/components/model-quality/present';
import { TrainButton } from '@/components/model-quality/train-button';
import { TrainJobProgress } from '@/components/model-quality/train-progress';
import { VersionsTable } from '@/components/model-quality/versions-table';
import { BarChart } from '@/components/ui/bar-chart';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { getEvaluationOverview } from '@/lib/recommend/evaluations/overview';
import { getModelQualityOverview, metricsOf } from '@/lib/recommend/train/overview';
import { KEEP_VERSIONS } from '@/lib/recommend/train/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Model quality' };

export default async function ModelQualityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, o, evals] = await Promise.all([
    getTenant(db, ctx),
    getModelQualityOverview(db, ctx),
    getEvaluationOverview(db, ctx),
  ]);
  if (!tenant) notFound();
  const { locale, timeZone } = tenant;
  const now = Date.now();
  const num = (n: number) => formatNumber(n, locale);
  const when = (d: Date | string | null) =>
    d ? `${formatRelative(d, now, locale)} (${formatDateTime(d, locale, timeZone)})` : '–';
  const canRun = hasPermission(ctx, 'jobs.run');
  const canMakeLive = hasPermission(ctx, 'settings.update');
  const live = o.live;
  const liveMetrics = live ? metricsOf(live) : null;
  // Oldest first, so the chart reads left to right in time.
  const measured = o.versions
    .map((v) => ({ v, m: metricsOf(v) }))
    .filter((x) => x.m !== null)
    .reverse();
  const jobActive = o.job?.status === 'queued' || o.job?.status === 'running';
  const jobCard = o.job ? (
    <Card title="Training">
      <TrainJobProgress
        job={{
          status: o.job.status,
          done: o.job.progressDone,
          total: o.job.progressTotal,
          message: o.job.progressMessage,
          started: o.job.startedAt ? formatRelative(o.job.startedAt, now, locale) : null,
          error: o.job.error,
        }}
      />
    </Card>
  ) : null;

  return (
    <>
      <PageHeader
        title="Model quality"
        description="The recommendation model is retrained nightly and after imports. Each run is kept as a version with its validation score; a new version goes live only when it scores at least as well as the live one, and any ready version can be made live again."
        actions={canRun ? <TrainButton slug={slug} /> : undefined}
      />
      <div className="space-y-6">
        {jobCard && (jobActive || o.versions.length === 0) ? jobCard : null}
        {o.versions.length === 0 ? (
          <EmptyState
            title="No model trained yet"
            action={canRun ? <TrainButton slug={slug} label="Train the first model" /> : undefined}
          >
            Recommendations are learned from orders and events.{' '}
            <Link href={`/${slug}/import`} className="font-medium text-brand-700 underline">
              Import orders
            </Link>{' '}
            (or connect a store), then train: it runs by itself after an import and every night
            {canRun ? ', or now with “Train now”' : ''}.
          </EmptyState>
        ) : (
          <>
            <div className="grid gap-6 xl:grid-cols-2">
              <Card
                title="Live model"
                description="The version that answers the storefront and the recommendations API."
              >
                {live ? (
                  <LiveModelPanel
                    format={num}
                    model={{
                      version: live.version,
                      trainedAt: when(live.trainedAt),
                      dataWindow:
                        live.dataFrom && live.dataTo
                          ? `${formatDate(live.dataFrom, locale, timeZone)} – ${formatDate(live.dataTo, locale, timeZone)}`
                          : null,
                      asOf: formatDateTime(live.asOf, locale, timeZone),
                      shoppers: live.shoppers,
                      items: live.items,
                      interactions: live.interactions,
                      validationNdcg: formatNdcg(liveMetrics?.validationNdcg),
                      validationDays: liveMetrics?.validationDays ?? null,
                      settings: chosenSettings(liveMetrics?.tuning),
                      weights: blendWeights(live.weights),
                    }}
                  />
                ) : (
                  <p className="text-sm text-slate-700">
                    No version is live yet: recommendations fall back to popular items until a training
                    succeeds.
                  </p>
                )}
              </Card>
              <Card
                title="Validation NDCG@10 per version"
                description="Measured by each training on the days just before its cutoff (higher is better, 1 is perfect)."
              >
                {measured.length > 0 ? (
                  <BarChart
                    label="Validation NDCG@10"
                    labelHeader="Version"
                    data={measured.map(({ v, m }) => ({
                      label: `v${v.version}`,
                      value: m?.validationNdcg ?? 0,
                    }))}
                    formatValue={(n) => formatNdcg(n)}
                    formatLabel={(l) => `Version ${l.slice(1)}`}
                  />
                ) : (
                  <p className="text-sm text-slate-700">No version has finished training yet.</p>
                )}
              </Card>
            </div>
            <Card
              title="Versions"
              description={
                canMakeLive
                  ? `Making an older version live takes effect on the next request; training keeps the artefacts of the newest ${KEEP_VERSIONS} versions.`
                  : 'Owners and admins can make an older ready version live again.'
              }
            >
              <VersionsTable
                slug={slug}
                canMakeLive={canMakeLive}
                versions={o.versions.map((v) => ({
                  id: v.id,
                  version: v.version,
                  status: v.status,
                  live: v.live,
                  trainedAt: when(v.trainedAt),
                  validationNdcg: formatNdcg(metricsOf(v)?.validationNdcg),
                  size: v.artefactBytes > 0 ? formatBytes(v.artefactBytes) : '–',
                  note: v.error,
                }))}
              />
            </Card>
            {jobCard && !jobActive ? jobCard : null}
          </>
        )}
        <EvaluationSection
          slug={slug}
          canRun={canRun}
          formatCount={num}
          job={
            evals.job && {
              status: evals.job.status,
              done: evals.job.progressDone,
              total: evals.job.progressTotal,
              message: evals.job.progressMessage,
              started: evals.job.startedAt ? formatRelative(evals.job.startedAt, now, locale) : null,
              error: evals.job.error,
            }
          }
          reports={evals.reports.map((r) => ({
            protocol: r.protocol,
            cutoff: formatDate(r.cutoff, locale, 'UTC'),
            finished: when(r.finishedAt),
            report: r.report,
          }))}
        />
      </div>
    </>
  );
}
