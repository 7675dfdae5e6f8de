import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PredictionFairnessSection } from '@/components/fairness/predictions-section';
import { RecommendationFairnessSection } from '@/components/fairness/recommendations-section';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { getRecommendationFairnessOverview } from '@/lib/fairness/recommendations/overview';
import { formatDate, formatDateTime, formatRelative } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Fairness' };

export default async function FairnessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, o] = await Promise.all([getTenant(db, ctx), getRecommendationFairnessOverview(db, ctx)]);
  if (!tenant) notFound();
  const { locale, timeZone } = tenant;
  const now = Date.now();
  const m = o.mitigation;
  const report = o.latest?.report;
  return (
    <>
      <PageHeader
        title="Fairness"
        description="Who your recommendations show and who they serve well: exposure of new products, small brands, price tiers and categories against their share of the catalog and of sales, popularity bias, and quality per shopper group — with a mitigation you can switch on and its measured cost."
      />
      <div className="space-y-10">
        <section aria-labelledby="fair-recs" className="space-y-4">
          <h2 id="fair-recs" className="text-lg font-semibold text-slate-900">
            Recommendations
          </h2>
          <RecommendationFairnessSection
            slug={slug}
            hasModel={o.liveModel !== null}
            canRun={hasPermission(ctx, 'jobs.run')}
            canEdit={hasPermission(ctx, 'settings.update')}
            mitigation={{
              newItemFloor: Math.round(m.newItemFloor * 1000) / 10,
              newItemDays: m.newItemDays,
              smallBrandFloor: Math.round(m.smallBrandFloor * 1000) / 10,
              calibration: Math.round(m.calibration * 1000) / 10,
            }}
            job={
              o.job && {
                status: o.job.status,
                done: o.job.progressDone,
                total: o.job.progressTotal,
                message: o.job.progressMessage,
                started: o.job.startedAt ? formatRelative(o.job.startedAt, now, locale) : null,
                error: o.job.error,
              }
            }
            latest={
              report && o.latest
                ? {
                    report,
                    computed: o.latest.computedAt
                      ? `${formatRelative(o.latest.computedAt, now, locale)} (${formatDateTime(o.latest.computedAt, locale, timeZone)})`
                      : '–',
                    period: `${formatDate(report.cutoff, locale, 'UTC')} – ${formatDate(report.until, locale, 'UTC')}`,
                  }
                : null
            }
          />
        </section>
        <PredictionFairnessSection slug={slug} ctx={ctx} locale={locale} />
      </div>
    </>
  );
}
