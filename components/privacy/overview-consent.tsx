import { BarChart } from '@/components/ui/bar-chart';
import { Card, EmptyState } from '@/components/ui/card';
import type { ConsentRates } from '@/lib/consent/service';
import { PRIVACY_PURPOSES } from '@/db/schema';
import { formatNumber } from '@/lib/format';
import { ShareBar } from './overview-tiles';

const PURPOSE_LABEL = {
  analytics: 'Analytics',
  personalization: 'Personalization',
  advertising: 'Advertising',
};

/** Consent per purpose (current state) and the daily share of decisions that granted. */
export function OverviewConsent({ consent }: { consent: ConsentRates }) {
  const series = consent.series.map((d) => {
    const rates = Object.values(d.rates);
    return {
      label: d.day,
      value: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0,
      line: d.decisions,
    };
  });
  return (
    <Card
      title="Consent"
      description={`Mode: ${consent.mode === 'opt_in' ? 'opt-in (GDPR style)' : 'opt-out (CCPA style)'}. ${formatNumber(consent.recorded)} decisions in the last ${consent.days} days.`}
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          {PRIVACY_PURPOSES.map((p) => {
            const t = consent.totals[p];
            return (
              <ShareBar
                key={p}
                label={PURPOSE_LABEL[p]}
                parts={[
                  { label: 'granted', value: t.granted, className: 'bg-emerald-500' },
                  { label: 'denied', value: t.denied, className: 'bg-red-400' },
                  { label: 'undecided', value: t.unknown, className: 'bg-slate-300' },
                ]}
              />
            );
          })}
        </div>
        {series.length === 0 ? (
          <EmptyState title="No consent decisions in this period" />
        ) : (
          <BarChart
            data={series}
            label="Share of consent decisions granted per day"
            formatValue={(x) => `${Math.round(x * 100)} %`}
            maxValue={1}
            line={{ label: 'decisions', format: (x) => formatNumber(x) }}
          />
        )}
      </div>
    </Card>
  );
}
