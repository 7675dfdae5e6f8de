import Link from 'next/link';
import { TrainJobProgress, type TrainJobProgressView } from '@/components/model-quality/train-progress';
import { Card, EmptyState } from '@/components/ui/card';
import type { RecommendationFairnessReport } from '@/lib/fairness/recommendations/report';
import { ExposureBars } from './exposure-bars';
import { LorenzChart } from './lorenz-chart';
import { MitigationForm, type MitigationValues } from './mitigation-form';
import { MitigationTable } from './mitigation-table';
import { describeMitigation, GROUP_TITLE, pct, SEGMENT_TITLE, summarize } from './present';
import { RunReportButton } from './run-report-button';
import { SegmentQuality } from './segment-quality';

export interface RecommendationFairnessView {
  slug: string;
  hasModel: boolean;
  canRun: boolean;
  canEdit: boolean;
  mitigation: MitigationValues;
  job: TrainJobProgressView | null;
  /** The newest ready report and when it was computed ("3 hours ago (…)"). */
  latest: { report: RecommendationFairnessReport; computed: string; period: string } | null;
}

/** The recommendation half of the Fairness page: summary, charts, mitigation table and settings. */
export function RecommendationFairnessSection(v: RecommendationFairnessView) {
  const jobActive = v.job?.status === 'queued' || v.job?.status === 'running';
  const settings = (
    <Card
      title="Mitigation in the storefront"
      description="Exposure-aware re-ranking of every recommendation list. Pins stay where you put them, filters stay applied."
    >
      <MitigationForm slug={v.slug} values={v.mitigation} canEdit={v.canEdit} />
    </Card>
  );
  if (!v.hasModel) {
    return (
      <div className="space-y-6">
        <EmptyState title="No recommendation model trained yet">
          The fairness report measures the model your storefront serves.{' '}
          <Link href={`/${v.slug}/model-quality`} className="font-medium text-brand-700 underline">
            Train recommendations first
          </Link>{' '}
          (it runs by itself after an import), then run the report here.
        </EmptyState>
        {settings}
      </div>
    );
  }
  const r = v.latest?.report;
  return (
    <div className="space-y-6">
      {v.job && (jobActive || v.job.status === 'failed') ? (
        <Card title="Report">
          <TrainJobProgress job={v.job} what="Report" />
        </Card>
      ) : null}
      {!r ? (
        <EmptyState
          title="No fairness report yet"
          action={
            v.canRun && !jobActive ? (
              <RunReportButton slug={v.slug} label="Run the first report" />
            ) : undefined
          }
        >
          The report trains the model on your data up to a cutoff, recommends for the shoppers who bought
          afterwards, and measures who gets seen — with and without the mitigation. It takes a minute on a
          store of demo size, and runs by itself every week.
        </EmptyState>
      ) : (
        <>
          <Card
            title="In short"
            description={`Measured ${v.latest!.computed} on ${r.shoppers} shoppers who bought in the held-out period ${v.latest!.period} (${r.testPurchases} purchases, ${r.items} recommendable products, first ${r.depth} slots).`}
            actions={v.canRun && !jobActive ? <RunReportButton slug={v.slug} /> : undefined}
          >
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="fairness-summary">
              {summarize(r).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </Card>
          <Card
            title="Who gets seen"
            description="Each group’s share of the catalog and of purchases in the held-out period, against its share of exposure (slots weighted by position: the first slot counts 1, the third 0.5)."
          >
            <div className="grid gap-8 xl:grid-cols-2">
              {r.groups.map((g) => (
                <ExposureBars key={g.dimension} title={GROUP_TITLE[g.dimension]} rows={g.rows} />
              ))}
            </div>
          </Card>
          <Card
            title="Popularity bias"
            description={`How concentrated exposure is, and how much of the long tail (the ${r.popularity.longTailItems} products outside those that make 80 % of purchases) is ever recommended.`}
          >
            <div className="grid items-center gap-6 md:grid-cols-2">
              <LorenzChart before={r.popularity.before} after={r.popularity.after} />
              <dl className="grid grid-cols-2 gap-4 text-sm">
                <Figure
                  label="Gini of exposure"
                  now={r.popularity.before.gini.toFixed(2)}
                  after={r.popularity.after.gini.toFixed(2)}
                />
                <Figure
                  label="Long tail ever shown"
                  now={pct(r.popularity.before.longTailCoverage)}
                  after={pct(r.popularity.after.longTailCoverage)}
                />
                <Figure
                  label="Long tail’s exposure"
                  now={pct(r.popularity.before.longTailExposure)}
                  after={pct(r.popularity.after.longTailExposure)}
                />
              </dl>
            </div>
          </Card>
          <Card
            title="Quality for every shopper"
            description="NDCG@10 of the lists per segment (higher is better, 1 is perfect), with 95 % intervals."
          >
            <div className="space-y-8">
              {r.segments.map((s) => (
                <SegmentQuality key={s.dimension} title={SEGMENT_TITLE[s.dimension]} rows={s.rows} />
              ))}
            </div>
          </Card>
          <Card
            title="Mitigation: cost and gain"
            description={`${r.proposal ? 'No mitigation is switched on; this measures a proposal' : 'Measured with your settings'}: ${describeMitigation(r.mitigation)}. Same shoppers, same model, same period.`}
          >
            <MitigationTable rows={r.table} />
          </Card>
        </>
      )}
      {settings}
    </div>
  );
}

function Figure({ label, now, after }: { label: string; now: string; after: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">
        {now} <span className="text-sm font-normal text-emerald-700">→ {after} with mitigation</span>
      </dd>
    </div>
  );
}
