import Form from 'next/form';
import Link from 'next/link';
import { formatPercent, KIND_TITLE } from '@/components/predictions/present';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import type { ShopperExplanationsView } from '@/lib/explain/view';
import { formatMoney } from '@/lib/format';
import { PredictionWaterfall } from './prediction-waterfall';
import { explanationsHref } from './present';
import { RecommendationReasons } from './recommendation-reasons';

const link = 'font-medium text-brand-700 underline';

/**
 * The "Per shopper" tab: a search (id or customer id), quick picks, then for the shopper a
 * waterfall per live model and their recommendations for a chosen placement with the reasons.
 */
export function ShopperExplanations({
  slug,
  view,
  query,
  currency,
  locale,
}: {
  slug: string;
  view: ShopperExplanationsView;
  query: { shopper: string; placement: string };
  currency: string;
  locale: string;
}) {
  const s = view.shopper;
  const who = s ? (s.externalId ?? s.anonymousId ?? s.id) : '';
  return (
    <div className="space-y-6">
      <Card title="Find a shopper">
        <Form action={`/${slug}/explanations`} aria-label="Find a shopper" className="space-y-3">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1">
              <Field
                id="explain-shopper"
                label="Shopper"
                hint="Tailor id, your store’s customer id or a visitor id."
              >
                <TextInput
                  id="explain-shopper"
                  name="shopper"
                  type="search"
                  defaultValue={query.shopper}
                  maxLength={200}
                  autoComplete="off"
                  hint
                />
              </Field>
            </div>
            {query.placement ? <input type="hidden" name="placement" value={query.placement} /> : null}
            <button type="submit" className={buttonClass('primary')}>
              Explain
            </button>
          </div>
        </Form>
        {view.picks.length > 0 ? (
          <p className="mt-3 text-sm text-slate-700">
            Quick picks:{' '}
            {view.picks.map((p, i) => (
              <span key={p.kind}>
                {i > 0 ? ' · ' : ''}
                <Link
                  href={explanationsHref(slug, { shopper: p.shopperId, placement: query.placement })}
                  className={link}
                >
                  highest {p.kind === 'churn' ? 'churn risk' : 'purchase propensity'}
                </Link>{' '}
                ({formatPercent(p.score)})
              </span>
            ))}
          </p>
        ) : null}
      </Card>

      {view.notFound ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          Shopper not found: no shopper “{query.shopper}” in this workspace.
        </p>
      ) : null}

      {view.liveKinds.length === 0 ? (
        <Card>
          <EmptyState title="No live prediction model yet">
            Waterfalls explain the live churn risk, purchase propensity and customer value models.{' '}
            <Link href={`/${slug}/predictions`} className={link}>
              Train predictions first
            </Link>
            .
          </EmptyState>
        </Card>
      ) : null}

      {s ? (
        <>
          {view.liveKinds.length > 0 ? (
            <Card
              title={`Why shopper ${who} gets their scores`}
              description={
                <>
                  Each chart starts from the typical shopper (the model’s base value) and adds what is
                  different about this shopper, feature by feature, until it reaches their score.{' '}
                  <Link href={`/${slug}/shoppers/${s.id}`} className={link}>
                    Open the profile
                  </Link>
                  .
                </>
              }
            >
              <div className="space-y-6">
                {view.predictions.map((p) => (
                  <section
                    key={p.kind}
                    aria-labelledby={`explain-${p.kind}`}
                    data-kind={p.kind}
                    className="space-y-2"
                  >
                    <h3 id={`explain-${p.kind}`} className="text-sm font-semibold text-slate-900">
                      {KIND_TITLE[p.kind]}
                    </h3>
                    {'explanation' in p ? (
                      <PredictionWaterfall
                        kind={p.kind}
                        explanation={{ ...p.explanation, base: p.explanation.baseValue }}
                        currency={currency}
                        locale={locale}
                      />
                    ) : (
                      <p className="text-sm text-slate-600">{p.message}</p>
                    )}
                  </section>
                ))}
              </div>
            </Card>
          ) : null}
          <PlacementCard slug={slug} view={view} query={query} currency={currency} locale={locale} />
        </>
      ) : null}
    </div>
  );
}

function PlacementCard({
  slug,
  view,
  query,
  currency,
  locale,
}: {
  slug: string;
  view: ShopperExplanationsView;
  query: { shopper: string; placement: string };
  currency: string;
  locale: string;
}) {
  const rec = view.recommendations;
  return (
    <Card
      title="Recommendations and their reasons"
      description="What a placement shows this shopper now, as the API answers with explain=1: each reason with its share of the item’s score."
    >
      {view.placements.length === 0 ? (
        <p className="text-sm text-slate-600">
          No placements yet.{' '}
          <Link href={`/${slug}/placements`} className={link}>
            Create a placement
          </Link>{' '}
          to see what it recommends.
        </p>
      ) : (
        <Form
          action={`/${slug}/explanations`}
          aria-label="Choose a placement"
          className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
        >
          <input type="hidden" name="shopper" value={query.shopper} />
          <div className="min-w-0 flex-1">
            <Field id="explain-placement" label="Placement">
              <SelectInput
                id="explain-placement"
                name="placement"
                defaultValue={query.placement || view.placements[0]?.key}
              >
                {view.placements.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.name} ({p.key})
                  </option>
                ))}
              </SelectInput>
            </Field>
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            Show recommendations
          </button>
        </Form>
      )}
      {view.recommendationError ? <p className="text-sm text-amber-900">{view.recommendationError}</p> : null}
      {rec ? (
        <>
          {rec.fallback ? <p className="mb-2 text-xs text-slate-600">{rec.fallback}</p> : null}
          <RecommendationReasons
            items={rec.items}
            label={`Recommendations for ${rec.placement}`}
            formatPrice={(minor, cur) => formatMoney(minor, cur || currency, locale)}
          />
        </>
      ) : null}
    </Card>
  );
}
