import type { DayPoint } from '@/lib/attribution/service';
import { BarChart } from '@/components/ui/bar-chart';
import { formatMoney, formatNumber } from '@/lib/format';

/** Widget views per UTC day (bars) with attributed orders (line), and attributed revenue per day. */
export function Trend({ daily, currency, locale }: { daily: DayPoint[]; currency: string; locale: string }) {
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
      />
      <BarChart
        label="Attributed revenue per day"
        data={daily.map((d) => ({ label: d.day, value: d.revenueMinor }))}
        formatValue={(v) => formatMoney(v, currency, locale)}
        formatLabel={day}
      />
    </div>
  );
}
