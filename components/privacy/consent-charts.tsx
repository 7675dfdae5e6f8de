import { PRIVACY_PURPOSES } from '@/db/schema';
import { BarChart } from '@/components/ui/bar-chart';
import type { ConsentRates } from '@/lib/consent/service';
import { formatNumber } from '@/lib/format';
import { PURPOSE_LABELS, percent } from './consent-present';

/**
 * One chart per purpose: bars are the share of that day's decisions that granted (0–100 %), the
 * line is how many decisions were recorded. Days without a decision for the purpose are left out.
 */
export function ConsentRateCharts({ series }: { series: ConsentRates['series'] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {PRIVACY_PURPOSES.map((p) => {
        const data = series.flatMap((d) =>
          d.rates[p] === undefined ? [] : [{ label: d.day, value: d.rates[p], line: d.decisions }],
        );
        return (
          <div key={p}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{PURPOSE_LABELS[p]}</h3>
            {data.length === 0 ? (
              <p className="text-sm text-slate-600">No decisions for this purpose in the period.</p>
            ) : (
              <BarChart
                data={data}
                label={`${PURPOSE_LABELS[p]}: share of consent decisions granted per day`}
                formatValue={percent}
                maxValue={1}
                height={200}
                width={360}
                line={{ label: 'decisions that day', format: (x) => formatNumber(x) }}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
