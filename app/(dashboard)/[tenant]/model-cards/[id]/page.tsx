import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  CardDataSection,
  CardFeaturesSection,
  CardLimitationsSection,
  CardPartialDependenceSection,
} from '@/components/model-cards/card-sections';
import { DriftAlert } from '@/components/model-cards/drift-alert';
import { CheckDriftButton } from '@/components/model-cards/drift-buttons';
import { DriftHistory } from '@/components/model-cards/drift-history';
import { INTENDED_USE } from '@/components/model-cards/present';
import { BinaryEvaluationView } from '@/components/predictions/binary-evaluation';
import { evaluationOf, formatPercent, KIND_TITLE, methodLabel } from '@/components/predictions/present';
import { TrainPredictionsButton } from '@/components/predictions/train-button';
import { ClvEvaluationView, PreferenceEvaluationView } from '@/components/predictions/value-evaluation';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { cardOf } from '@/lib/predict/card/types';
import { listDriftRows } from '@/lib/predict/drift/queries';
import { getModelRow } from '@/lib/predict/queries';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Model card' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ModelCardPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const page = await getPageTenant(slug);
  if (!page || !hasPermission(page.ctx, 'data.read') || !UUID.test(id)) notFound();
  const { ctx } = page;
  const db = await getDb();
  const [tenant, row] = await Promise.all([getTenant(db, ctx), getModelRow(db, ctx, id)]);
  if (!tenant || !row) notFound();
  const drift = await listDriftRows(db, ctx, row.id);
  const { locale, timeZone, currency } = tenant;
  const num = (n: number) => formatNumber(n, locale);
  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  const date = (d: Date | string) => formatDate(d, locale, timeZone);
  const card = cardOf(row.card);
  const e = evaluationOf(row.kind, row.metrics);
  const title = KIND_TITLE[row.kind];
  const canRun = hasPermission(ctx, 'jobs.run');

  return (
    <>
      <PageHeader
        title={`${title} — version ${row.version}`}
        description={
          <>
            The model card of this version: {INTENDED_USE[row.kind]}{' '}
            <Link href={`/${slug}/model-cards`} className="font-medium text-brand-700 underline">
              All model cards
            </Link>
          </>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            {row.live ? <Badge color="green">live</Badge> : <Badge>{row.status}</Badge>}
            <Badge color="blue">{methodLabel(row.method)}</Badge>
          </span>
        }
      />
      {row.live ? <DriftAlert slug={slug} ctx={ctx} /> : null}
      <div className="space-y-6">
        {!card ? (
          <Card>
            <EmptyState
              title="No card for this version"
              action={
                canRun ? <TrainPredictionsButton slug={slug} label="Retrain to get a card" /> : undefined
              }
            >
              This version was trained before model cards existed (or its card could not be built). Retrain to
              get a card with the population, features, partial dependence, limitations and drift monitoring.
              Its evaluation is below.
            </EmptyState>
          </Card>
        ) : (
          <CardDataSection card={card} formatDate={date} formatCount={num} />
        )}
        {e ? (
          <Card
            title="Metrics next to the baselines"
            description={`Trained ${row.trainedAt ? formatDateTime(row.trainedAt, locale, timeZone) : '–'}.`}
          >
            {e.kind === 'clv' ? (
              <ClvEvaluationView evaluation={e} money={money} formatDate={date} formatCount={num} />
            ) : e.kind === 'preference' ? (
              <PreferenceEvaluationView evaluation={e} formatDate={date} formatCount={num} />
            ) : (
              <BinaryEvaluationView evaluation={e} title={title} formatDate={date} formatCount={num} />
            )}
          </Card>
        ) : null}
        {card ? (
          <>
            <CardPartialDependenceSection card={card} money={money} />
            <CardLimitationsSection card={card} />
            <CardFeaturesSection card={card} money={money} />
            {card.reference ? (
              <DriftHistory
                rows={drift}
                formatWhen={(d) => formatDateTime(d, locale, timeZone)}
                formatScore={row.kind === 'clv' ? money : formatPercent}
                formatCount={num}
                actions={canRun && row.live ? <CheckDriftButton slug={slug} /> : undefined}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
