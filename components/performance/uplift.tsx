import type { PerformanceReport, Uplift } from '@/lib/attribution/service';
import { Badge } from '@/components/ui/card';
import { moneyPerImpression, pct, pp, signedMoneyPerImpression, verdictText } from './present';

const BADGE = {
  better: { color: 'green', text: 'Uplift' },
  worse: { color: 'red', text: 'Below holdout' },
  no_difference: { color: 'amber', text: 'No clear difference' },
  not_enough_data: { color: 'gray', text: 'Not enough data' },
} as const;

function Row({
  title,
  u,
  show,
  showDiff,
  what,
}: {
  title: string;
  u: Uplift;
  show: (v: number) => string;
  showDiff: (v: number) => string;
  what: string;
}) {
  const b = BADGE[u.verdict];
  return (
    <div className="space-y-2 rounded-lg p-4 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <Badge color={b.color}>{b.text}</Badge>
      </div>
      <p className="text-sm text-slate-700">
        Personalized <strong>{show(u.personalized)}</strong> · holdout <strong>{show(u.holdout)}</strong>
      </p>
      {u.diff !== null && u.low !== null && u.high !== null ? (
        <p className="text-sm text-slate-700">
          Difference <strong>{showDiff(u.diff)}</strong>{' '}
          <span className="text-slate-500">
            (95 % interval {showDiff(u.low)} to {showDiff(u.high)})
          </span>
        </p>
      ) : null}
      <p className="text-sm text-slate-600">{verdictText(u, what)}</p>
    </div>
  );
}

/** Personalized vs holdout on conversion rate and revenue per identified widget view. */
export function UpliftPanel({ report, locale }: { report: PerformanceReport; locale: string }) {
  const { conversion, revenuePerImpression } = report.uplift;
  const money = (v: number) => moneyPerImpression(v, report.currency, locale);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Row
        title="Conversion rate"
        u={conversion}
        show={(v) => pct(v, locale, 2)}
        showDiff={(v) => pp(v, locale)}
        what="conversion rate"
      />
      <Row
        title="Revenue per widget view"
        u={revenuePerImpression}
        show={money}
        showDiff={(v) => signedMoneyPerImpression(v, report.currency, locale)}
        what="revenue per widget view"
      />
    </div>
  );
}
