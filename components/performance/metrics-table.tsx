import type { Group } from '@/lib/attribution/service';
import { Table, Td, Th } from '@/components/ui/table';
import { formatMoney, formatNumber } from '@/lib/format';
import { moneyPerImpression, pct } from './present';

/**
 * One row per placement or scenario: totals of both arms, then the primary rate and revenue per
 * identified widget view side by side for the personalized and holdout arms (grouped headers).
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
  /** When given, each row shows this label under its name. */
  scenarioLabel?: (scenario: string) => string;
}) {
  const num = (n: number) => formatNumber(n, locale);
  return (
    <Table caption={caption} dense>
      <thead>
        <tr>
          <Th rowSpan={2}>{nameHeader}</Th>
          <Th rowSpan={2} className="text-right">
            Views
          </Th>
          <Th rowSpan={2} className="text-right">
            CTR
          </Th>
          <Th rowSpan={2} className="text-right">
            Add-to-cart rate
          </Th>
          <Th rowSpan={2} className="text-right">
            Orders
          </Th>
          <Th rowSpan={2} className="text-right">
            Revenue
          </Th>
          <Th colSpan={2} scope="colgroup" className="border-l border-slate-100">
            Conversion
          </Th>
          <Th colSpan={2} scope="colgroup" className="border-l border-slate-100">
            Revenue per view
          </Th>
        </tr>
        {/* The arms in sentence case: four capitalised "PERSONALIZED" headers set the table's width. */}
        <tr className="[&_th]:normal-case [&_th]:tracking-normal">
          <Th className="border-l border-slate-100 text-right">Personalized</Th>
          <Th className="text-right">Holdout</Th>
          <Th className="border-l border-slate-100 text-right">Personalized</Th>
          <Th className="text-right">Holdout</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((g) => (
          <tr key={g.key}>
            {/* The scenario under the name, and both may wrap: eleven columns fit a laptop screen. */}
            <Td className="min-w-40 whitespace-normal">
              <span className="font-medium text-slate-900">{g.name}</span>
              {scenarioLabel ? (
                <span className="block text-xs text-slate-500">{scenarioLabel(g.scenario)}</span>
              ) : null}
            </Td>
            <Td className="text-right tabular-nums">{num(g.total.impressions)}</Td>
            <Td className="text-right tabular-nums">{pct(g.total.ctr, locale, 2)}</Td>
            <Td className="text-right tabular-nums">{pct(g.total.addToCartRate, locale)}</Td>
            <Td className="text-right tabular-nums">{num(g.total.conversions)}</Td>
            <Td className="text-right tabular-nums">{formatMoney(g.total.revenueMinor, currency, locale)}</Td>
            <Td className="border-l border-slate-100 text-right tabular-nums">
              {pct(g.arms.personalized.conversionRate, locale, 2)}
            </Td>
            <Td className="text-right tabular-nums">
              {g.arms.holdout.identified > 0 ? pct(g.arms.holdout.conversionRate, locale, 2) : '—'}
            </Td>
            <Td className="border-l border-slate-100 text-right tabular-nums">
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
