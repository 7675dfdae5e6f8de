import type { PerformanceReport } from '@/lib/attribution/service';
import { formatMoney, formatNumber } from '@/lib/format';
import { pct } from './present';

function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{value}</dd>
      <dd className="mt-1 text-xs text-slate-500">{note}</dd>
    </div>
  );
}

/** Headline figures for the period, both arms together. */
export function Headline({ report, locale }: { report: PerformanceReport; locale: string }) {
  const t = report.total.total;
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Kpi
        label="Widget views"
        value={formatNumber(t.impressions, locale)}
        note={`${formatNumber(t.clicks, locale)} clicks`}
      />
      <Kpi label="Click-through rate" value={pct(t.ctr, locale, 2)} note="clicks ÷ widget views" />
      <Kpi
        label="Conversion rate"
        value={pct(t.conversionRate, locale, 2)}
        note={`${formatNumber(t.conversions, locale)} attributed orders ÷ identified widget views`}
      />
      <Kpi
        label="Attributed revenue"
        value={formatMoney(t.revenueMinor, report.currency, locale)}
        note={`last click within ${report.attributionWindowDays} ${report.attributionWindowDays === 1 ? 'day' : 'days'}, ${report.currency} only`}
      />
    </dl>
  );
}
