import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedderForm } from '@/components/models/embedder-form';
import { EmbedderStatusPanel, requestedLabel } from '@/components/models/embedder-status';
import { EmbedJobProgress, EmbeddingCoverage } from '@/components/models/embedding-progress';
import { InstallHelp } from '@/components/models/install-help';
import { embedderChoices } from '@/components/models/present';
import { ReembedButton } from '@/components/models/reembed-button';
import { SpacesTable } from '@/components/models/spaces-table';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { setEmbedderAction, startEmbeddingAction } from '@/lib/embeddings/actions';
import { getEmbeddingOverview } from '@/lib/embeddings/service';
import { getEnv } from '@/lib/env';
import { formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Models' };

export default async function ModelsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, o] = await Promise.all([getTenant(db, ctx), getEmbeddingOverview(db, ctx)]);
  if (!tenant) notFound();
  const { locale, timeZone } = tenant;
  const env = getEnv();
  const now = Date.now();
  const num = (n: number) => formatNumber(n, locale);
  const when = (d: Date | string | null) =>
    d ? `${formatRelative(d, now, locale)} (${formatDateTime(d, locale, timeZone)})` : 'never';
  const canChoose = hasPermission(ctx, 'settings.update');
  const canRun = hasPermission(ctx, 'jobs.run');

  return (
    <>
      <PageHeader
        title="Models"
        description="The model that turns product text into vectors for semantic search, similar products and content-based recommendations: which one is live, how much of the catalog it has embedded, and how to install a better one."
        actions={canRun ? <ReembedButton slug={slug} action={startEmbeddingAction} /> : undefined}
      />
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="Live embedder">
            <EmbedderStatusPanel status={o.status} />
          </Card>
          <Card
            title="Catalog embedded"
            description="Products are embedded in the background when they arrive or change; unchanged text is never embedded twice."
          >
            <div className="space-y-5">
              <EmbeddingCoverage counts={o.products} lastEmbedded={when(o.lastEmbeddedAt)} format={num} />
              {o.job ? (
                <div className="border-t border-slate-100 pt-4">
                  <h3 className="mb-2 text-sm font-semibold text-slate-900">Embedding run</h3>
                  <EmbedJobProgress
                    format={num}
                    job={{
                      status: o.job.status,
                      done: o.job.progressDone,
                      total: o.job.progressTotal,
                      message: o.job.progressMessage,
                      started: o.job.startedAt ? formatRelative(o.job.startedAt, now, locale) : null,
                      error: o.job.error,
                    }}
                  />
                </div>
              ) : null}
            </div>
          </Card>
        </div>
        <Card
          title="Vector spaces"
          description="Each embedder writes its own space; queries never mix them. During a switch the old space keeps answering until the new one is complete."
        >
          <SpacesTable
            format={num}
            spaces={o.spaces.map((s) => ({
              space: s.space,
              dims: s.dims,
              vectors: s.vectors,
              updated: when(s.updatedAt),
              live: s.live,
            }))}
          />
        </Card>
        <Card
          title="Choose the embedder"
          description={
            canChoose
              ? 'Switching re-embeds the catalog in the background.'
              : `This workspace uses: ${requestedLabel(o.status.requested)}. Owners and admins can change it.`
          }
        >
          {canChoose ? (
            <EmbedderForm
              slug={slug}
              action={setEmbedderAction}
              current={o.status.requested}
              choices={embedderChoices(o.models, {
                downloadAllowed: env.TAILOR_ALLOW_MODEL_DOWNLOAD === true,
                defaultModel: env.TAILOR_EMBEDDING_MODEL,
              })}
            />
          ) : (
            <ul className="space-y-1 text-sm text-slate-700">
              {o.models.map((m) => (
                <li key={m.id}>
                  <code>{m.id}</code>: {m.installed ? 'installed' : 'not installed'}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="How to install a model">
          <InstallHelp
            // The server's own path is for the people who run it (owners and admins).
            modelsDir={canChoose ? env.modelsDir : '<MODELS_DIR>'}
            model={env.TAILOR_EMBEDDING_MODEL}
            downloadAllowed={env.TAILOR_ALLOW_MODEL_DOWNLOAD === true}
          />
        </Card>
      </div>
    </>
  );
}
