import { BarChart } from '@/components/ui/bar-chart';
import { Card } from '@/components/ui/card';
import { formatMoney, formatNumber } from '@/lib/format';
import type { ProfileDetails } from '@/lib/profiles/types';
import { WEEKDAY_LABELS } from './present';

/** Orders over the last 12 months and the hour/weekday rhythm, in the shopper's local time. */
export function ShopperHabits({
  details,
  currency,
  locale,
}: {
  details: ProfileDetails;
  currency: string;
  locale: string;
}) {
  const b = details.behaviour;
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const count = (v: number) => formatNumber(v, locale);
  const zone =
    b.timeZone === 'UTC' ? 'UTC (no time zone known for the country)' : `${b.timeZone} (from the country)`;
  return (
    <Card title="Behaviour" description={`Activity times are in ${zone}.`}>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="orders-by-month" className="lg:col-span-3">
          <h3 id="orders-by-month" className="mb-2 text-sm font-semibold text-slate-800">
            Paid orders per month
          </h3>
          <BarChart
            data={b.ordersByMonth.map((m) => ({ label: m.month, value: m.orders, line: m.spendMinor }))}
            label="Paid orders per month"
            labelHeader="Month"
            formatValue={count}
            formatLabel={monthLabel}
            line={{
              label: `Spend (${currency})`,
              format: (v) => formatMoney(Math.round(v), currency, locale),
            }}
            height={160}
          />
        </section>
        <section aria-labelledby="by-hour" className="lg:col-span-2">
          <h3 id="by-hour" className="mb-2 text-sm font-semibold text-slate-800">
            Activity by hour of day
          </h3>
          <BarChart
            data={b.hours.map((v, h) => ({ label: String(h), value: v }))}
            label="Events and orders by local hour"
            labelHeader="Hour"
            formatValue={count}
            formatLabel={(h) => `${h.padStart(2, '0')}:00`}
            formatTick={(h) => `${h}h`}
            height={150}
          />
        </section>
        <section aria-labelledby="by-weekday">
          <h3 id="by-weekday" className="mb-2 text-sm font-semibold text-slate-800">
            Activity by weekday
          </h3>
          <BarChart
            data={b.weekdays.map((v, d) => ({ label: WEEKDAY_LABELS[d] ?? String(d), value: v }))}
            label="Events and orders by local weekday"
            labelHeader="Weekday"
            formatValue={count}
            tickLabels="all"
            width={360}
            height={150}
          />
        </section>
      </div>
    </Card>
  );
}

/** Horizontal share bars as a list: the figure is in the text, the bar only repeats it. */
function ShareBars({ title, items }: { title: string; items: { name: string; share: number }[] }) {
  const id = `pref-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-sm font-semibold text-slate-800">
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Not enough activity yet.</p>
      ) : (
        <ul className="space-y-1.5">
          {items.map((i) => (
            <li key={i.name} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate text-slate-800">{i.name}</span>
                <span className="tabular-nums text-slate-600">{Math.round(i.share * 100)} %</span>
              </div>
              <div aria-hidden="true" className="mt-0.5 h-1.5 rounded-full bg-slate-100">
                <div
                  className="h-1.5 rounded-full bg-brand-500"
                  style={{ width: `${Math.max(2, i.share * 100)}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const BAND_LABELS = { budget: 'Budget', mid: 'Mid-range', premium: 'Premium' } as const;

/** Category and brand affinity, price band and languages. */
export function ShopperPreferences({
  details,
  priceBand,
  languageName,
}: {
  details: ProfileDetails;
  priceBand: string | null;
  languageName: (code: string) => string;
}) {
  const p = details.preferences;
  const bands = (['budget', 'mid', 'premium'] as const).map((k) => ({
    name: BAND_LABELS[k],
    share: p.priceBands[k],
  }));
  return (
    <Card
      title="Preferences"
      description="From purchases, carts and views (purchases weigh most; older activity fades with a 45-day half-life)."
    >
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
        <ShareBars title="Categories" items={p.categories} />
        <ShareBars title="Brands" items={p.brands} />
        <div className="space-y-2">
          <ShareBars title="Price band" items={priceBand ? bands : []} />
          {priceBand ? (
            <p className="text-xs text-slate-600">
              Mostly <strong>{BAND_LABELS[priceBand as keyof typeof BAND_LABELS] ?? priceBand}</strong> within
              each category's own prices (terciles).
            </p>
          ) : null}
        </div>
        <ShareBars
          title="Languages"
          items={p.languages.map((l) => ({ name: languageName(l.locale), share: l.share }))}
        />
      </div>
    </Card>
  );
}
