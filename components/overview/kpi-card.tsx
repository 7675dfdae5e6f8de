import type { Kpi } from '@/lib/overview/service';

export function KpiCard({
  label,
  kpi,
  value,
  locale,
}: {
  label: string;
  kpi: Kpi;
  value: string;
  locale: string;
}) {
  const change = kpi.change;
  const pct =
    change === null
      ? null
      : new Intl.NumberFormat(locale, {
          style: 'percent',
          maximumFractionDigits: 1,
          signDisplay: 'exceptZero',
        }).format(change);
  const tone =
    change === null || change === 0 ? 'text-slate-500' : change > 0 ? 'text-emerald-700' : 'text-red-700';
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{value}</dd>
      <dd className={`mt-1 text-xs ${tone}`}>
        {pct === null ? 'no data in the previous period' : `${pct} vs previous 30 days`}
      </dd>
    </div>
  );
}
