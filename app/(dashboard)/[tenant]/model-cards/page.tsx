import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { type CardTileView, CardTile, CardVersionsTable } from '@/components/model-cards/card-tile';
import { DriftAlert } from '@/components/model-cards/drift-alert';
import { CheckDriftButton } from '@/components/model-cards/drift-buttons';
import { headlineOf } from '@/components/model-cards/present';
import { RecommendationTile } from '@/components/model-cards/recommendation-tile';
import { evaluationOf, headlineMetric, KIND_ORDER } from '@/components/predictions/present';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { getRecommendationCard } from '@/lib/predict/card/recommendation';
import { cardOf } from '@/lib/predict/card/types';
import { latestDriftRows } from '@/lib/predict/drift/queries';
import { listPredictionModels } from '@/lib/predict/service';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Model cards' };

export default async function ModelCardsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read')) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, models, recommendations] = await Promise.all([
    getTenant(db, ctx),
    listPredictionModels(db, ctx),
    getRecommendationCard(db, ctx),
  ]);
  if (!tenant) notFound();
  const { locale, timeZone, currency } = tenant;
  const num = (n: number) => formatNumber(n, locale);
  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  const date = (d: Date | string | null) => (d ? formatDate(d, locale, timeZone) : '–');
  const live = KIND_ORDER.flatMap((k) => models.filter((m) => m.kind === k && m.live));
  const drift = await latestDriftRows(
    db,
    ctx,
    live.map((m) => m.id),
  );
  const tiles: CardTileView[] = live.map((m) => {
    const card = cardOf(m.card);
    const e = evaluationOf(m.kind, m.metrics);
    const d = drift.get(m.id);
    return {
      id: m.id,
      kind: m.kind,
      version: m.version,
      method: m.method,
      trained: date(m.trainedAt ?? m.createdAt),
      population: card?.population.shoppers ?? m.shoppers,
      headline: e ? headlineOf(e, money) : null,
      drift: d
        ? { status: d.status, psi: Math.max(d.scorePsi, d.maxFeaturePsi), when: date(d.computedAt) }
        : null,
      hasCard: card !== null,
    };
  });
  const shifted = tiles.filter((t) => t.drift && t.drift.status !== 'stable').length;
  const canRun = hasPermission(ctx, 'jobs.run');
  const summary =
    tiles.length === 0
      ? ''
      : ` ${tiles.length} live model${tiles.length > 1 ? 's' : ''}; ${shifted ? `${shifted} with a shift between training and today’s shoppers` : 'none with a measured shift'}.`;

  return (
    <>
      <PageHeader
        title="Model cards"
        description={
          <>
            What each prediction model learned from, on whom, how well it does next to simple baselines, where
            it is weak, and whether today’s shoppers still look like the ones it was trained on.{summary}
          </>
        }
        actions={canRun && tiles.length > 0 ? <CheckDriftButton slug={slug} /> : undefined}
      />
      <DriftAlert slug={slug} ctx={ctx} />
      {recommendations ? (
        <div className="mb-6 grid gap-4 md:grid-cols-2">
          <RecommendationTile
            slug={slug}
            formatCount={num}
            view={{
              version: recommendations.version,
              trained: date(recommendations.trainedAt),
              window:
                recommendations.dataFrom && recommendations.dataTo
                  ? `${date(recommendations.dataFrom)} – ${date(recommendations.dataTo)}`
                  : null,
              shoppers: recommendations.shoppers,
              items: recommendations.items,
              interactions: recommendations.interactions,
              evaluation: recommendations.evaluation
                ? { ...recommendations.evaluation, cutoff: date(recommendations.evaluation.cutoff) }
                : null,
            }}
          />
        </div>
      ) : null}
      {models.length === 0 ? (
        <Card>
          <EmptyState title="No models trained yet">
            Model cards are written when predictions are trained.{' '}
            <Link href={`/${slug}/predictions`} className="font-medium text-brand-700 underline">
              Train predictions first
            </Link>
            ; each trained version then gets its card here.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 md:grid-cols-2">
            {tiles.map((t) => (
              <CardTile key={t.id} slug={slug} tile={t} formatCount={num} />
            ))}
          </div>
          {KIND_ORDER.map((kind) => {
            const versions = models.filter((m) => m.kind === kind);
            if (versions.length === 0) return null;
            const header = headlineMetric(kind, null, money).header;
            return (
              <Card
                key={kind}
                title={`Versions: ${kind === 'clv' ? 'customer value' : kind}`}
                description={`Headline: ${header}.`}
              >
                <CardVersionsTable
                  slug={slug}
                  kind={kind}
                  versions={versions.map((m) => ({
                    id: m.id,
                    version: m.version,
                    status: m.status,
                    live: m.live,
                    method: m.method,
                    trained: date(m.trainedAt ?? m.createdAt),
                    headline: headlineMetric(kind, m.metrics, money).value,
                    hasCard: m.card !== null,
                  }))}
                />
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
