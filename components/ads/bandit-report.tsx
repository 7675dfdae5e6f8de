import { BarChart, niceCeiling } from '@/components/ui/bar-chart';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { BanditGroup, BanditReport } from '@/lib/ads/bandit/report';
import { formatNumber } from '@/lib/format';
import { IntervalChart } from './interval-chart';
import { CREATIVE_STATUS, formatRate, localeLabel } from './present';

/** "A · Winter coats at …": a letter per arm keeps chart labels short and distinct. */
function armNames(group: BanditGroup): Map<string, string> {
  return new Map(
    group.arms.map((a, i) => [a.creativeId, `${String.fromCharCode(65 + (i % 26))} · ${a.label}`]),
  );
}

function GroupReport({ group, reward }: { group: BanditGroup; reward: 'click' | 'conversion' }) {
  const names = armNames(group);
  const name = (id: string) => names.get(id) ?? id;
  const rateName = reward === 'click' ? 'Click-through rate' : 'Conversion rate';
  return (
    <section aria-label={`${group.segmentName}, ${localeLabel(group.locale)}`} className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">
        {group.segmentName} · {localeLabel(group.locale)}{' '}
        <span className="font-normal text-slate-500">({formatNumber(group.impressions)} impressions)</span>
      </h3>
      <Table caption={`Arms for ${group.segmentName}, ${group.locale}`}>
        <thead>
          <tr>
            <Th>Creative</Th>
            <Th>Status</Th>
            <Th className="text-right">Impressions</Th>
            <Th className="text-right">Clicks</Th>
            <Th className="text-right">CTR</Th>
            <Th className="text-right">Posterior (95 % interval)</Th>
            <Th className="text-right">P(best)</Th>
            <Th className="text-right">Traffic</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {group.arms.map((a) => (
            <tr key={a.creativeId}>
              <Td className="max-w-64 whitespace-normal">{name(a.creativeId)}</Td>
              <Td className="whitespace-normal">
                <Badge color={CREATIVE_STATUS[a.status].tone}>{CREATIVE_STATUS[a.status].text}</Badge>
                {a.pausedReason ? (
                  <span className="block text-xs text-amber-800">{a.pausedReason}</span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(a.impressions)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(a.clicks)}</Td>
              <Td className="text-right tabular-nums">{formatRate(a.ctr)}</Td>
              <Td className="text-right tabular-nums">
                {formatRate(a.posteriorMean)} ({formatRate(a.interval[0])} – {formatRate(a.interval[1])})
              </Td>
              <Td className="text-right tabular-nums">{formatRate(a.probabilityBest, 1)}</Td>
              <Td className="text-right tabular-nums">{formatRate(a.trafficShare, 1)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {group.impressions > 0 ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            data={group.arms.map((a) => ({
              label: a.creativeId,
              value: a.trafficShare,
              line: a.probabilityBest,
            }))}
            label="Share of traffic"
            labelHeader="Creative"
            formatLabel={name}
            formatTick={(id) => name(id).slice(0, 1)}
            tickLabels="all"
            formatValue={(v) => formatRate(v, 1)}
            line={{ label: 'Probability to be best', format: (v) => formatRate(v, 1) }}
            maxValue={niceCeiling(group.arms.map((a) => a.trafficShare))}
            height={160}
          />
          <IntervalChart
            label={`${rateName} per creative (posterior mean, 95 % interval)`}
            data={group.arms.map((a) => ({
              label: name(a.creativeId),
              value: a.posteriorMean,
              low: a.interval[0],
              high: a.interval[1],
              accent: a.status === 'paused',
            }))}
            format={(v) => formatRate(v)}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">No impressions yet for this group.</p>
      )}
    </section>
  );
}

/**
 * The bandit report of a campaign: per group of competing banners (segment × language), each
 * creative's traffic, CTR, posterior interval and probability to be best; paused arms with why.
 */
export function BanditReportView({ report }: { report: BanditReport | null }) {
  if (!report || report.groups.length === 0) {
    return (
      <EmptyState title="No banners serving yet">
        Approve banner creatives and activate the campaign: the storefront slot then shows them, and the
        policy learns which one works best for each segment and language.
      </EmptyState>
    );
  }
  const policy = report.optimization.policy === 'linucb' ? 'LinUCB' : 'Thompson sampling';
  return (
    <div className="space-y-8" data-testid="bandit-report">
      <p className="text-sm text-slate-700">
        {policy}, rewarded by {report.optimization.reward === 'click' ? 'clicks' : 'conversions'}; every
        serving banner keeps at least {formatRate(report.optimization.explorationFloor, 0)} of its group’s
        traffic
        {report.optimization.autoPause ? ', clear losers are paused automatically' : ''}. In all{' '}
        {formatNumber(report.totals.impressions)} impressions, {formatNumber(report.totals.clicks)} clicks,{' '}
        {formatNumber(report.totals.conversions)} conversions.
      </p>
      {report.groups.map((g) => (
        <GroupReport
          key={`${g.segmentId ?? 'all'}|${g.locale}`}
          group={g}
          reward={report.optimization.reward}
        />
      ))}
    </div>
  );
}
