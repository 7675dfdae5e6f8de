import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DriftAlert } from '@/components/model-cards/drift-alert';
import { TrainJobProgress } from '@/components/model-quality/train-progress';
import { KindSection } from '@/components/predictions/kind-section';
import { ListsCard } from '@/components/predictions/lists-card';
import { KIND_ORDER } from '@/components/predictions/present';
import { TrainPredictionsButton } from '@/components/predictions/train-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative } from '@/lib/format';
import { listJobs } from '@/lib/jobs/queries';
import { getHistorySpan } from '@/lib/predict/data';
import { PREDICT_TRAIN_JOB_TYPE } from '@/lib/predict/service-constants';
import { listPredictionModels, scoreHistogram } from '@/lib/predict/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Predictions' };

export default async function PredictionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, models, span, [job], ...histograms] = await Promise.all([
    getTenant(db, ctx),
    listPredictionModels(db, ctx),
    getHistorySpan(db, ctx),
    listJobs(db, ctx, { type: PREDICT_TRAIN_JOB_TYPE, limit: 1 }),
    ...KIND_ORDER.map((k) => scoreHistogram(db, ctx, k, 10)),
  ]);
  if (!tenant) notFound();
  const { locale, timeZone, currency } = tenant;
  const now = Date.now();
  const format = {
    num: (n: number) => formatNumber(n, locale),
    money: (minor: number) => formatMoney(Math.round(minor), currency, locale),
    date: (d: Date | string) => formatDate(d, locale, timeZone),
    when: (d: Date | string | null) =>
      d ? `${formatRelative(d, now, locale)} (${formatDateTime(d, locale, timeZone)})` : '–',
  };
  const canRun = hasPermission(ctx, 'jobs.run');
  const canWrite = hasPermission(ctx, 'data.write');
  const jobActive = job?.status === 'queued' || job?.status === 'running';
  const noData = span.first === null;
  const histogramOf = (i: number) => histograms[i] ?? [];
  const link = 'font-medium text-brand-700 underline';

  return (
    <>
      <PageHeader
        title="Predictions"
        description={
          <>
            Churn risk, purchase propensity, customer value and preferences, trained on this workspace’s own
            orders and events every week and after imports. Each model is evaluated on a later period than it
            learned from, beside the simple rules it has to beat.
            {span.first !== null && span.last !== null
              ? ` Data: ${format.date(new Date(span.first))} – ${format.date(new Date(span.last))}.`
              : ''}
          </>
        }
        actions={canRun && !noData ? <TrainPredictionsButton slug={slug} /> : undefined}
      />
      <DriftAlert slug={slug} ctx={ctx} />
      <div className="space-y-6">
        {job && (jobActive || job.status === 'failed' || models.length === 0) ? (
          <Card title="Training">
            <TrainJobProgress
              job={{
                status: job.status,
                done: job.progressDone,
                total: job.progressTotal,
                message: job.progressMessage,
                started: job.startedAt ? formatRelative(job.startedAt, now, locale) : null,
                error: job.error,
              }}
            />
          </Card>
        ) : null}
        {noData ? (
          <Card>
            <EmptyState title="No orders or shopper activity yet">
              Predictions learn from what shoppers did: their orders and, with the storefront snippet, their
              visits.{' '}
              <Link href={`/${slug}/import`} className={link}>
                Import orders
              </Link>{' '}
              (or connect a store) and{' '}
              <Link href={`/${slug}/install`} className={link}>
                install the storefront snippet
              </Link>
              ; training then runs by itself after the import and every week.
            </EmptyState>
          </Card>
        ) : models.length === 0 ? (
          <Card>
            <EmptyState
              title="No predictions trained yet"
              action={
                canRun ? (
                  <TrainPredictionsButton slug={slug} label="Train the first predictions" />
                ) : undefined
              }
            >
              Training runs by itself after an import and every week
              {canRun
                ? ', or now with “Train predictions”'
                : '; ask an owner, admin, marketer or analyst to start it now'}
              . Small stores get a transparent rule-based score until there is enough data to train honestly.
            </EmptyState>
          </Card>
        ) : (
          <>
            <ListsCard
              slug={slug}
              churn={histogramOf(KIND_ORDER.indexOf('churn'))}
              propensity={histogramOf(KIND_ORDER.indexOf('propensity'))}
              formatCount={format.num}
            />
            {KIND_ORDER.map((kind, i) => (
              <KindSection
                key={kind}
                slug={slug}
                kind={kind}
                versions={models.filter((m) => m.kind === kind)}
                histogram={histogramOf(i)}
                canMakeLive={canWrite}
                format={format}
              />
            ))}
          </>
        )}
      </div>
    </>
  );
}
