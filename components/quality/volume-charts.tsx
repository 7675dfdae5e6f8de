import { BarChart } from '@/components/ui/bar-chart';
import { partialDays } from '@/components/ui/partial-days';
import type { SourceSummary } from '@/lib/quality/service';
import { sourceLabel } from './present';

/** Accepted per UTC day for each source, with rejections as a line; today is so far. */
export function VolumeCharts({
  sources,
  now,
  format,
  formatDay,
  locale,
}: {
  sources: SourceSummary[];
  now: Date;
  format: (n: number) => string;
  formatDay: (day: string) => string;
  locale: string;
}) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      {sources.map((s) => (
        <div key={s.source}>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{sourceLabel(s.source)}</h3>
          <BarChart
            label={`Accepted per day: ${sourceLabel(s.source)}`}
            data={s.days.map((d) => ({ label: d.day, value: d.accepted, line: d.rejected }))}
            formatValue={format}
            formatLabel={formatDay}
            line={{ label: 'Rejected', format }}
            height={140}
            partial={partialDays(s.days, { to: now }, locale, 'UTC')}
          />
        </div>
      ))}
    </div>
  );
}
