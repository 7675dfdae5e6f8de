import type { Counts } from '@/lib/quality/service';

/** Headline figures of the window: what arrived, what was a repeat, refused, or a bot. */
export function QualityKpis({
  totals,
  lastEvent,
  days,
  format,
}: {
  totals: Counts;
  lastEvent: string;
  days: number;
  format: (n: number) => string;
}) {
  const items = [
    {
      label: 'Accepted',
      value: format(totals.accepted),
      note: `through the sources below, last ${days} days`,
    },
    {
      label: 'Duplicates',
      value: format(totals.duplicates),
      note: 'already stored: counted, not stored twice',
    },
    { label: 'Rejected', value: format(totals.rejected), note: 'refused with a reason (below)' },
    { label: 'Bot events', value: format(totals.bots), note: 'crawlers and monitors, dropped' },
    { label: 'Last event received', value: lastEvent, note: 'from any source' },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
      {items.map((i) => (
        <div key={i.label} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm font-medium text-slate-600">{i.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{i.value}</dd>
          <dd className="mt-1 text-xs text-slate-600">{i.note}</dd>
        </div>
      ))}
    </dl>
  );
}
