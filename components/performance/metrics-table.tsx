import type { Group } from '@/lib/attribution/service';
import { Table, Td, Th } from '@/components/ui/table';
import { formatMoney, formatNumber } from '@/lib/format';
import { moneyPerImpression, pct } from './present';

/**
 * One row per placement or scenario: totals of both arms, then the primary rate and revenue per
 * identified widget view side by side for the personalized and holdout arms.
 */
export function MetricsTable({
  caption,
  groups,
  currency,
  locale,
  nameHeader,
  scenarioLabel,
}: {
  caption: string;
  groups: readonly Group[];
  currency: string;
  locale: string;
  nameHeader: string;
  /** When given, a Scenario column shows this label per group. */
  scenarioLabel?: (scenario: string) => string;
}) {
  const num = (n: number) => formatNumber(n, locale);
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          {scenarioLabel ? <Th>Scenario</Th> : null}
          <Th className="text-right">Views</Th>
          <Th className="text-right">CTR</Th>
          <Th className="text-right">Add to cart per click</Th>
          <Th className="text-right">Orders</Th>
          <Th className="text-right">Revenue</Th>
          <Th className="text-right">Conversion, personalized</Th>
          <Th className="text-right">Conversion, holdout</Th>
          <Th className="text-right">Revenue per view, personalized</Th>
          <Th className="text-right">Revenue per view, holdout</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((g) => (
          <tr key={g.key}>
            <Td className="font-medium text-slate-900">{g.name}</Td>
            {scenarioLabel ? <Td>{scenarioLabel(g.scenario)}</Td> : null}
            <Td className="text-right tabular-nums">{num(g.total.impressions)}</Td>
            <Td className="text-right tabular-nums">{pct(g.total.ctr, locale, 2)}</Td>
            <Td className="text-right tabular-nums">{pct(g.total.addToCartRate, locale)}</Td>
            <Td className="text-right tabular-nums">{num(g.total.conversions)}</Td>
            <Td className="text-right tabular-nums">{formatMoney(g.total.revenueMinor, currency, locale)}</Td>
            <Td className="text-right tabular-nums">{pct(g.arms.personalized.conversionRate, locale, 2)}</Td>
            <Td className="text-right tabular-nums">
              {g.arms.holdout.identified > 0 ? pct(g.arms.holdout.conversionRate, locale, 2) : '—'}
            </Td>
            <Td className="text-right tabular-nums">
              {moneyPerImpression(g.arms.personalized.revenuePerImpression, currency, locale)}
            </Td>
            <Td className="text-right tabular-nums">
              {g.arms.holdout.identified > 0
                ? moneyPerImpression(g.arms.holdout.revenuePerImpression, currency, locale)
                : '—'}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
