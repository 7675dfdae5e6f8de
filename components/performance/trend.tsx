import { partialDays } from '@/components/ui/partial-days';
import { BarChart } from '@/components/ui/bar-chart';
import type { DayPoint } from '@/lib/attribution/service';
import { formatMoney, formatNumber } from '@/lib/format';

/**
 * Widget views per UTC day (bars) with attributed orders (line), and attributed revenue per day.
 * The period is the last N × 24 hours: its first and last day are drawn as parts of a day.
 */
export function Trend({
  daily,
  window,
  currency,
  locale,
}: {
  daily: DayPoint[];
  window: { from: Date; to: Date };
  currency: string;
  locale: string;
}) {
  const partial = partialDays(daily, window, locale, 'UTC');
  const day = (d: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  const num = (n: number) => formatNumber(n, locale);
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <BarChart
        label="Widget views per day"
        data={daily.map((d) => ({ label: d.day, value: d.impressions, line: d.conversions }))}
        formatValue={num}
        formatLabel={day}
        line={{ label: 'Attributed orders', format: num }}
        partial={partial}
      />
      <BarChart
        label="Attributed revenue per day"
        data={daily.map((d) => ({ label: d.day, value: d.revenueMinor }))}
        formatValue={(v) => formatMoney(v, currency, locale)}
        formatLabel={day}
        partial={partial}
      />
    </div>
  );
}
