import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BanditReportView } from '@/components/ads/bandit-report';
import { CampaignControls } from '@/components/ads/campaign-controls';
import { CreativeGallery, GalleryFilters } from '@/components/ads/creative-gallery';
import { ExperimentsSection } from '@/components/ads/experiments-section';
import { ExportButton } from '@/components/ads/export-button';
import { GenerateButton } from '@/components/ads/generate-panel';
import { type GenerationJobView, GenerationProgress } from '@/components/ads/generation-progress';
import { CAMPAIGN_STATUS, CHANNEL_LABELS, OBJECTIVE_LABELS } from '@/components/ads/present';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { CREATIVE_STATUSES } from '@/db/schema/ads';
import { getBanditReport } from '@/lib/ads/bandit/report';
import { getExperimentReport, listExperiments } from '@/lib/ads/experiments/service';
import { getAdSettingsView, getCampaign, listCreatives } from '@/lib/ads/service';
import { listJobs } from '@/lib/jobs/queries';
import { getPageTenant } from '@/lib/auth/session';
import { formatRelative } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Campaign' };

/** The campaign's latest 'ads.generate' job (the payload names the campaign), as plain values. */
async function latestGenerationJob(
  db: Awaited<ReturnType<typeof getDb>>,
  ctx: { tenantId: string },
  campaignId: string,
): Promise<GenerationJobView | null> {
  const jobs = await listJobs(db, ctx, { type: 'ads.generate', limit: 50 });
  const job = jobs.find((j) => (j.payload as { campaignId?: unknown } | null)?.campaignId === campaignId);
  if (!job) return null;
  return {
    status: job.status,
    done: job.progressDone,
    total: job.progressTotal,
    message: job.progressMessage,
    started: job.startedAt ? formatRelative(job.startedAt) : null,
    error: job.status === 'failed' ? job.error : null,
  };
}

type Search = { channel?: string; status?: string; locale?: string };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ tenant: slug, id }, search] = await Promise.all([params, searchParams]);
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const campaign = await getCampaign(db, ctx, id);
  if (!campaign) notFound();
  const filter = {
    channel: campaign.channels.find((c) => c === search.channel),
    status: CREATIVE_STATUSES.find((st) => st === search.status),
    locale: campaign.locales.find((l) => l === search.locale),
  };
  const onSite = campaign.channels.includes('banner');
  const [creatives, settings, job, bandit, experiments, banners] = await Promise.all([
    listCreatives(db, ctx, id, filter),
    getAdSettingsView(db, ctx),
    latestGenerationJob(db, ctx, id),
    onSite ? getBanditReport(db, ctx, id) : null,
    onSite ? listExperiments(db, ctx, id) : [],
    onSite ? listCreatives(db, ctx, id, { channel: 'banner', status: 'approved' }) : [],
  ]);
  if (!creatives) notFound();
  const reports = (await Promise.all(experiments.map((e) => getExperimentReport(db, ctx, e.id)))).filter(
    (r) => r !== null,
  );
  const candidates = (banners ?? []).map((c) => ({
    id: c.id,
    label: `${c.segmentName ?? 'All shoppers'} · ${c.locale} · ${c.fields.headline?.[0] ?? ''}`,
  }));
  const canWrite = hasPermission(ctx, 'ads.manage');
  const status = CAMPAIGN_STATUS[campaign.status];
  const base = `/${ctx.slug}/ads/${campaign.id}`;
  const approved = campaign.counts.approved;
  const total = Object.values(campaign.counts).reduce((s, n) => s + n, 0);

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <>
            <Badge color={status.tone}>{status.text}</Badge> {OBJECTIVE_LABELS[campaign.objective]} ·{' '}
            {campaign.segments.length ? campaign.segments.map((s) => s.name).join(', ') : 'All shoppers'} ·{' '}
            {campaign.locales.join(', ')} · {campaign.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}
            {campaign.placementKey ? ` · placement “${campaign.placementKey}”` : ''}
          </>
        }
        actions={
          canWrite ? (
            <div className="flex flex-wrap items-start gap-2">
              <Link href={`${base}/edit`} className={buttonClass('secondary')}>
                Edit campaign
              </Link>
              <CampaignControls
                slug={ctx.slug}
                id={campaign.id}
                name={campaign.name}
                status={campaign.status}
              />
            </div>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card
          title="Generate"
          description={`One set of creatives per segment, language and channel (${Math.max(1, campaign.segments.length) * campaign.locales.length * campaign.channels.length} slots), written by the provider in Ad settings and checked by every guardrail. Last run: ${formatRelative(campaign.lastGeneratedAt)}.`}
          actions={
            canWrite ? (
              <GenerateButton
                slug={ctx.slug}
                campaignId={campaign.id}
                label={total > 0 ? 'Generate again' : 'Generate creatives'}
              />
            ) : null
          }
        >
          <GenerationProgress job={job} />
        </Card>
        <Card
          title="Creatives"
          description={`${total} in all, ${approved} approved. Only approved creatives are exported or served.`}
          actions={
            <div className="flex flex-wrap gap-2">
              {campaign.channels.includes('google-rsa') ? (
                <ExportButton
                  href={`${base}/export?format=google-ads-editor`}
                  label="Google Ads Editor CSV"
                  fallbackName="google-ads-editor.csv"
                />
              ) : null}
              {campaign.channels.includes('meta') ? (
                <ExportButton
                  href={`${base}/export?format=meta`}
                  label="Meta bulk CSV"
                  fallbackName="meta-bulk.csv"
                />
              ) : null}
            </div>
          }
        >
          <div className="space-y-6">
            <GalleryFilters filter={filter} channels={campaign.channels} locales={campaign.locales} />
            <CreativeGallery
              slug={ctx.slug}
              campaignId={campaign.id}
              channels={campaign.channels}
              creatives={creatives}
              brandName={settings.brandName}
              canWrite={canWrite}
              filtered={Boolean(filter.channel || filter.status || filter.locale)}
            />
          </div>
        </Card>
        {onSite ? (
          <>
            <Card
              title="On-site optimization"
              description="How the storefront slot shares traffic between approved banners, learnt from impressions and clicks."
            >
              <BanditReportView report={bandit} />
            </Card>
            <Card
              title="Experiments"
              description="A/B tests between approved banners of one segment and language, with a sample-size plan and Bayesian results."
            >
              <ExperimentsSection
                slug={ctx.slug}
                campaignId={campaign.id}
                reports={reports}
                candidates={candidates}
                canWrite={canWrite}
              />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
