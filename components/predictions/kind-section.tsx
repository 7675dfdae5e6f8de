import { BarChart } from '@/components/ui/bar-chart';
import { Badge, Card } from '@/components/ui/card';
import type { predictionModels } from '@/db/schema/shoppers';
import type { PredictionKind } from '@/lib/predict/types';
import { BinaryEvaluationView } from './binary-evaluation';
import {
  evaluationOf,
  fallbackLabel,
  fallbackOf,
  formatPercent,
  headlineMetric,
  isRuleMethod,
  KIND_QUESTION,
  KIND_TITLE,
  methodLabel,
} from './present';
import { ClvEvaluationView, PreferenceEvaluationView } from './value-evaluation';
import { PredictionVersionsTable } from './versions-table';

type ModelRow = typeof predictionModels.$inferSelect;

export interface KindSectionFormat {
  num: (n: number) => string;
  money: (minor: number) => string;
  /** A day ("10 Sep 2011"). */
  date: (d: Date | string) => string;
  /** "3 min ago (29 Nov 2026, 02:40)" */
  when: (d: Date | string | null) => string;
}

/**
 * One prediction kind: the live version (method, as-of, horizon, the small-store fallback said
 * plainly), its evaluation against the baselines, how the current scores are distributed, and
 * every version with "make live".
 */
export function KindSection({
  slug,
  kind,
  versions,
  histogram,
  canMakeLive,
  format: f,
}: {
  slug: string;
  kind: PredictionKind;
  /** This kind's versions, newest first. */
  versions: ModelRow[];
  histogram: { from: number; to: number; count: number }[];
  canMakeLive: boolean;
  format: KindSectionFormat;
}) {
  const title = KIND_TITLE[kind];
  const live = versions.find((v) => v.live) ?? null;
  const evaluation = live ? evaluationOf(kind, live.metrics) : null;
  const fallback = live ? fallbackOf(live.metrics) : null;
  const headline = headlineMetric(kind, {}, f.money).header;
  const range = (b: { from: number; to: number }) =>
    kind === 'clv'
      ? `${f.money(b.from)}–${f.money(b.to)}`
      : `${formatPercent(b.from)}–${formatPercent(b.to)}`;
  const iso = (s: string) => f.date(s);
  return (
    <Card title={title} description={KIND_QUESTION[kind]}>
      <div className="space-y-6" data-kind={kind}>
        {live ? (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <div>
              <dt className="text-xs font-medium text-slate-600">Live version</dt>
              <dd className="flex flex-wrap items-center gap-1.5 text-sm font-medium text-slate-900">
                Version {live.version}
                {isRuleMethod(live.method) ? (
                  <Badge color="amber">Rule-based</Badge>
                ) : (
                  <Badge color="green">Trained</Badge>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-600">Method</dt>
              <dd className="text-sm font-medium text-slate-900">{methodLabel(live.method)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-600">Trained as of</dt>
              <dd className="text-sm font-medium text-slate-900">
                {f.date(live.asOf)}
                <span className="block text-xs font-normal text-slate-600">
                  {kind === 'clv' ? 'Forecast' : 'Horizon'}: next {f.num(live.horizonDays)} days · trained{' '}
                  {f.when(live.trainedAt)}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-600">Trained on</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900">
                {f.num(live.shoppers)} <span className="text-sm font-normal text-slate-600">shoppers</span>
              </dd>
            </div>
          </dl>
        ) : (
          <p className="text-sm text-slate-700">
            No live version yet
            {versions[0]?.status === 'failed' && versions[0].error ? `: ${versions[0].error}` : '.'}
          </p>
        )}
        {fallback && (kind === 'churn' || kind === 'propensity') ? (
          <p
            data-fallback
            className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
          >
            <strong className="font-semibold">
              {fallbackLabel(fallback, live?.shoppers ?? 0, kind, f.num)}.
            </strong>{' '}
            {fallback.reason} Until then shoppers are ranked by a transparent rule (days since their last
            activity), labelled as such everywhere.
          </p>
        ) : null}
        {live && !fallback && isRuleMethod(live.method) ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            <strong className="font-semibold">Rule-based fallback.</strong> There is too little data to fit a
            model honestly yet ({methodLabel(live.method)}); the next training switches to the trained model
            once there is enough.
          </p>
        ) : null}
        {live && evaluation ? (
          <section aria-labelledby={`evaluation-${kind}`} className="space-y-3">
            <h3 id={`evaluation-${kind}`} className="text-sm font-semibold text-slate-900">
              How well it predicts
            </h3>
            {evaluation.kind === 'clv' ? (
              <ClvEvaluationView
                evaluation={evaluation}
                money={f.money}
                formatDate={iso}
                formatCount={f.num}
              />
            ) : evaluation.kind === 'preference' ? (
              <PreferenceEvaluationView evaluation={evaluation} formatDate={iso} formatCount={f.num} />
            ) : (
              <BinaryEvaluationView
                evaluation={evaluation}
                title={title}
                formatDate={iso}
                formatCount={f.num}
              />
            )}
          </section>
        ) : live ? (
          <p className="text-sm text-slate-600">This version has no evaluation recorded.</p>
        ) : null}
        {histogram.some((b) => b.count > 0) ? (
          <section aria-labelledby={`distribution-${kind}`} className="space-y-2">
            <h3 id={`distribution-${kind}`} className="text-sm font-semibold text-slate-900">
              Current scores
            </h3>
            <BarChart
              label={`Shoppers per ${title.toLowerCase()} score`}
              labelHeader="Score range"
              data={histogram.map((b) => ({ label: range(b), value: b.count }))}
              formatValue={(n) => `${f.num(n)} shoppers`}
              width={720}
              height={160}
            />
          </section>
        ) : null}
        {versions.length > 0 ? (
          <section aria-labelledby={`versions-${kind}`} className="space-y-2">
            <h3 id={`versions-${kind}`} className="text-sm font-semibold text-slate-900">
              Versions
            </h3>
            <PredictionVersionsTable
              slug={slug}
              kindTitle={title}
              headlineHeader={headline}
              canMakeLive={canMakeLive}
              versions={versions.map((v) => ({
                id: v.id,
                version: v.version,
                status: v.status,
                live: v.live,
                method: methodLabel(v.method),
                trainedAt: f.when(v.trainedAt),
                shoppers: f.num(v.shoppers),
                headline: headlineMetric(kind, v.metrics, f.money).value,
                note:
                  v.error ??
                  (isRuleMethod(v.method) ? 'Rule-based fallback (too little data to train)' : null),
              }))}
            />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
