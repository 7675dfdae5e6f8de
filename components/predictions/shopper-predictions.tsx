import Link from 'next/link';
import { PredictionWaterfall } from '@/components/explanations/prediction-waterfall';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { formatMoney, formatNumber } from '@/lib/format';
import { explainShopperPrediction, getLivePredictionModels, getShopperScores } from '@/lib/predict/service';
import type { Explanation, PredictionKind } from '@/lib/predict/types';
import type { TenantContext } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { ContributionBars } from './contribution-bars';
import { scoreLabel } from './explain';
import { formatPercent, isRuleMethod, KIND_ORDER, KIND_TITLE, methodLabel } from './present';
import { numberIn, topCategoriesOf } from './score-detail';

/** A preference contribution (a share of probability) in percentage points: "+12.5 pts". */
function percentagePoints(v: number): string {
  const text = Math.abs(v * 100).toFixed(1);
  return `${Number(text) === 0 ? '±' : v > 0 ? '+' : '−'}${text} pts`;
}

const NOT_SCORED: Record<PredictionKind, string> = {
  churn: 'No churn score: it is computed for customers with at least one paid order.',
  propensity: 'No purchase propensity yet: it is computed for shoppers with an order or an event.',
  clv: 'No customer value: it is computed for customers with at least one paid order.',
  preference: 'No preference yet: it needs at least one order or viewed product with a category.',
};

/**
 * The prediction panel of a shopper's profile: each kind's live score in plain words, why (a
 * waterfall from the typical shopper to this one, then the feature contributions as bars, adding
 * up to the score), the preferred categories and the expected value. Reads only this workspace's
 * scores; before any training it says where to start one.
 */
export async function ShopperPredictions({ ctx, shopperId }: { ctx: TenantContext; shopperId: string }) {
  const db = await getDb();
  const [scores, live, tenant] = await Promise.all([
    getShopperScores(db, ctx, shopperId),
    getLivePredictionModels(db, ctx),
    getTenant(db, ctx),
  ]);
  const locale = tenant?.locale ?? 'en';
  const currency = tenant?.currency ?? 'EUR';
  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  const kinds = KIND_ORDER.filter((k) => live[k] || scores[k]);
  const predictionsHref = `/${ctx.slug}/predictions`;
  if (kinds.length === 0) {
    return (
      <Card title="Predictions">
        <EmptyState title="No predictions trained yet">
          Churn risk, purchase propensity, customer value and preferences appear here once predictions are
          trained for this workspace.{' '}
          <Link href={predictionsHref} className="font-medium text-brand-700 underline">
            Go to Predictions
          </Link>
          .
        </EmptyState>
      </Card>
    );
  }
  const explanations = await Promise.all(
    kinds.map((k) => (scores[k] ? explainShopperPrediction(db, ctx, shopperId, k) : Promise.resolve(null))),
  );
  const explained = new Map<PredictionKind, Explanation | null>(
    kinds.map((k, i) => [k, explanations[i] ?? null]),
  );
  return (
    <Card
      title="Predictions"
      description={
        <>
          From the live models;{' '}
          <Link href={predictionsHref} className="font-medium text-brand-700 underline">
            how well they do
          </Link>
          .
        </>
      }
    >
      <div className="space-y-5">
        {kinds.map((kind) => {
          const s = scores[kind];
          const headingId = `prediction-${kind}`;
          return (
            <section key={kind} aria-labelledby={headingId} data-kind={kind} className="space-y-2">
              <h3
                id={headingId}
                className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900"
              >
                {KIND_TITLE[kind]}
                {s && isRuleMethod(s.method) ? <Badge color="amber">Rule-based</Badge> : null}
              </h3>
              {!s ? (
                <p className="text-sm text-slate-600">{NOT_SCORED[kind]}</p>
              ) : kind === 'churn' || kind === 'propensity' ? (
                <p className="text-sm font-medium text-slate-900">
                  {scoreLabel(kind, s.score)}
                  <span className="font-normal text-slate-600">
                    {' '}
                    in the next {live[kind]?.horizonDays ?? (kind === 'churn' ? 90 : 30)} days ·{' '}
                    {methodLabel(s.method)}
                  </span>
                </p>
              ) : kind === 'clv' ? (
                <dl className="grid grid-cols-3 gap-3 text-sm">
                  <div>
                    <dt className="text-xs text-slate-600">Expected spend, 12 months</dt>
                    <dd className="font-semibold tabular-nums text-slate-900">
                      {money(numberIn(s.detail, 'expectedSpendMinor') ?? s.score)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">Expected purchases</dt>
                    <dd className="font-semibold tabular-nums text-slate-900">
                      {formatNumber(
                        Math.round((numberIn(s.detail, 'expectedPurchases') ?? 0) * 10) / 10,
                        locale,
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">Still active (P alive)</dt>
                    <dd className="font-semibold tabular-nums text-slate-900">
                      {formatPercent(numberIn(s.detail, 'pAlive'))}
                    </dd>
                  </div>
                </dl>
              ) : (
                <ol aria-label="Most likely next categories" className="space-y-1 text-sm">
                  {topCategoriesOf(s.detail).map((c) => (
                    <li
                      key={c.category}
                      className="grid grid-cols-[minmax(6rem,12rem)_1fr_3rem] items-center gap-3"
                    >
                      <span className="truncate text-slate-800">{c.category}</span>
                      <span aria-hidden="true" className="h-2 rounded-full bg-slate-100">
                        <span
                          className="block h-2 rounded-full bg-brand-500"
                          style={{ width: `${Math.round(c.probability * 100)}%` }}
                        />
                      </span>
                      <span className="text-right tabular-nums text-slate-700">
                        {formatPercent(c.probability)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {s && explained.get(kind) ? (
                <details className="rounded-md bg-slate-50 px-3 py-2">
                  <summary className="cursor-pointer text-xs font-medium text-brand-700">
                    Why this {kind === 'preference' ? 'preference' : 'score'}
                  </summary>
                  <div className="mt-2 space-y-3">
                    {kind !== 'preference' ? (
                      <PredictionWaterfall
                        kind={kind}
                        explanation={explained.get(kind) as Explanation}
                        currency={currency}
                        locale={locale}
                      />
                    ) : null}
                    <ContributionBars
                      explanation={explained.get(kind) as Explanation}
                      label={`What drives the ${KIND_TITLE[kind].toLowerCase()} of this shopper`}
                      format={
                        kind === 'clv'
                          ? (v) => `${v >= 0 ? '+' : '−'}${money(Math.abs(v))}`
                          : kind === 'preference'
                            ? percentagePoints
                            : undefined
                      }
                      formatPlain={kind === 'clv' ? money : kind === 'preference' ? formatPercent : undefined}
                    />
                  </div>
                </details>
              ) : null}
            </section>
          );
        })}
      </div>
    </Card>
  );
}
